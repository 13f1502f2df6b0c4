// Package fscheck holds the filesystem checks of the state dir, config,
// includes, credentials, auth profiles, session stores and logs, plus the
// synced-folder check. Every check reads file metadata from the state
// snapshot only; nothing here touches the disk.
package fscheck

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{
	SyncedDir,
	StateDirSymlink, StateDirWorldWritable, StateDirGroupWritable, StateDirReadable,
	ConfigSymlink, ConfigWritable, ConfigWorldReadable, ConfigGroupReadable,
	IncludeWritable, IncludeWorldReadable, IncludeGroupReadable,
	CredentialsWritable, CredentialsReadable,
	AuthProfilesWritable, AuthProfilesReadable, SessionsStoreReadable,
	LogFileReadable,
}
