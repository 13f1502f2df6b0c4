package fscheck

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// The state dir holds the config, credentials, session transcripts and
// agent auth profiles; every other permission check is moot if it is open.

func stateDir(p *check.Pass) string { return p.Config.Paths.StateDir }

// StateDirSymlink: the state dir is a symlink, so whoever controls the link
// or its target controls the installation.
var StateDirSymlink = &check.Check{
	ID:          "fs.state_dir.symlink",
	Severity:    check.Warn,
	Title:       "State directory is a symlink",
	Remediation: "Make sure the link and every directory on the way to its target belong to you and are not writable by others, or move the state directory to a real directory and point OPENCLAW_STATE_DIR at it.",
	Doc:         "The state directory (~/.openclaw, or OPENCLAW_STATE_DIR) holds the config, channel credentials, auth profiles and session transcripts. When it is a symlink, its protection also depends on the link target and on everyone able to change the link, which is easy to overlook. The permission checks still judge the target.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSStateDir,
	Run: func(p *check.Pass) error {
		text, ok := isSymlink(p.State, stateDir(p))
		if !ok {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("%s is a symlink (-> %q); the installation is only as private as the link target and the directories leading to it.", stateDir(p), text),
		})
		return nil
	},
}

// StateDirWorldWritable: anyone on the machine can write into the state dir.
var StateDirWorldWritable = &check.Check{
	ID:          "fs.state_dir.perms_world_writable",
	Severity:    check.Critical,
	Title:       "State directory is writable by every user",
	Remediation: "chmod 700 the state directory.",
	Doc:         "A world-writable state directory lets any local user replace the config, plant credentials or auth profiles, or rewrite session transcripts, and so take over the assistant.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSStateDir,
	Run: func(p *check.Pass) error {
		perm, ok := inspect(p.State, stateDir(p))
		if !ok || !perm.worldWritable {
			return nil
		}
		reportPerms(p, perm, true, 0, perm.detail("any local user can create, replace or delete files in the OpenClaw state directory."))
		return nil
	},
}

// StateDirGroupWritable: the owning group can write into the state dir.
var StateDirGroupWritable = &check.Check{
	ID:          "fs.state_dir.perms_group_writable",
	Severity:    check.Warn,
	Title:       "State directory is writable by its group",
	Remediation: "chmod 700 the state directory.",
	Doc:         "A group-writable state directory lets every member of its group replace the config, credentials or auth profiles. Single-user installs should keep it at 700.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSStateDir,
	Run: func(p *check.Pass) error {
		perm, ok := inspect(p.State, stateDir(p))
		if !ok || perm.worldWritable || !perm.groupWritable {
			return nil
		}
		reportPerms(p, perm, true, 0, perm.detail("members of the directory's group can create, replace or delete files in the OpenClaw state directory."))
		return nil
	},
}

// StateDirReadable: others can list and enter the state dir.
var StateDirReadable = &check.Check{
	ID:          "fs.state_dir.perms_readable",
	Severity:    check.Warn,
	Title:       "State directory is readable by other users",
	Remediation: "chmod 700 the state directory.",
	Doc:         "A state directory that its group or other users can read (a default 755 does) exposes file names and every file inside that is not itself locked down: transcripts, pairing allowlists, logs. 700 keeps it private.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSStateDir,
	Run: func(p *check.Pass) error {
		perm, ok := inspect(p.State, stateDir(p))
		if !ok || perm.writable() || !perm.readable() {
			return nil
		}
		reportPerms(p, perm, true, 0, perm.detail("other users can list the OpenClaw state directory and read whatever inside it is not locked down itself."))
		return nil
	},
}
