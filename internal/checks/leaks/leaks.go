// Package leaks holds clawcheck's own checks for secrets at rest: known
// secrets and well-known credential formats found in transcripts, logs,
// config backups and legacy state folders.
//
// These checks stream file content through internal/leakscan. They open
// files only through a state snapshot (the audit's own, or one taken of a
// folder outside the state dir that they are about to scan), so they never
// follow a symlink out of the folder they scan and never open a FIFO or a
// device.
package leaks

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{TranscriptLeak, LogLeak, ConfigBackupPlaintext, LegacyDir}
