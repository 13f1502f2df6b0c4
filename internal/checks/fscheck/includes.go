package fscheck

import (
	"github.com/clawcheck/clawcheck/internal/check"
)

// Include files are merged into the config, so they deserve the config's
// protection. One finding per file, in discovery order.

// includePerms calls fn for each include file that can be judged, with its
// position as the finding group.
func includePerms(p *check.Pass, fn func(group int, perm perms)) {
	if !p.Config.Exists {
		return
	}
	seen := map[string]bool{}
	for i, path := range p.Config.IncludeFiles {
		if seen[path] {
			continue
		}
		seen[path] = true
		if perm, ok := inspect(p.State, path); ok {
			fn(i, perm)
		}
	}
}

// IncludeWritable: an include file is writable by the group or others.
var IncludeWritable = &check.Check{
	ID:          "fs.config_include.perms_writable",
	Severity:    check.Critical,
	Title:       "Config include file is writable by other users",
	Remediation: "chmod 600 the include file.",
	Doc:         "Every file pulled in with $include becomes part of the effective config. If another user can write one, they can change the gateway auth, tool policy or channels without touching openclaw.json.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSIncludes,
	Run: func(p *check.Pass) error {
		includePerms(p, func(group int, perm perms) {
			if perm.writable() {
				reportPerms(p, perm, false, group, perm.detail("%s can change settings that $include merges into the config.", whoWrites(perm)))
			}
		})
		return nil
	},
}

// IncludeWorldReadable: every user can read an include file.
var IncludeWorldReadable = &check.Check{
	ID:          "fs.config_include.perms_world_readable",
	Severity:    check.Critical,
	Title:       "Config include file is readable by every user",
	Remediation: "chmod 600 the include file.",
	Doc:         "Include files often carry the secrets split out of openclaw.json (gateway auth, channel tokens). A world-readable include exposes them to every local account.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSIncludes,
	Run: func(p *check.Pass) error {
		includePerms(p, func(group int, perm perms) {
			if !perm.writable() && perm.worldReadable {
				reportPerms(p, perm, false, group, perm.detail("any local user can read the settings and secrets this include file adds to the config."))
			}
		})
		return nil
	},
}

// IncludeGroupReadable: the owning group can read an include file.
var IncludeGroupReadable = &check.Check{
	ID:          "fs.config_include.perms_group_readable",
	Severity:    check.Warn,
	Title:       "Config include file is readable by its group",
	Remediation: "chmod 600 the include file.",
	Doc:         "A group-readable include file shares whatever secrets it holds with every member of its group.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSIncludes,
	Run: func(p *check.Pass) error {
		includePerms(p, func(group int, perm perms) {
			if !perm.writable() && !perm.worldReadable && perm.groupReadable {
				reportPerms(p, perm, false, group, perm.detail("members of the file's group can read the settings and secrets this include file adds to the config."))
			}
		})
		return nil
	},
}
