package fscheck

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// The config file holds the gateway token or password, channel bot tokens
// and the tool policy.

func configPath(p *check.Pass) string { return p.Config.Paths.ConfigPath }

// ConfigSymlink: the config path is a symlink.
var ConfigSymlink = &check.Check{
	ID:          "fs.config.symlink",
	Severity:    check.Warn,
	Title:       "Config file is a symlink",
	Remediation: "Make sure the link target and the directories leading to it belong to you and are not writable or readable by others, or replace the link with the file itself.",
	Doc:         "When openclaw.json is a symlink (for example into a dotfiles repository), whoever can change the link or its target controls the gateway's auth and tool policy. Following the reference, the read-permission checks are skipped for a symlinked config; only the writable check judges the target, so check the target's mode yourself.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSConfig,
	Run: func(p *check.Pass) error {
		text, ok := isSymlink(p.State, configPath(p))
		if !ok {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("%s is a symlink (-> %q); the config is only as safe as the link target.", configPath(p), text),
		})
		return nil
	},
}

// ConfigWritable: the group or other users can write the config.
var ConfigWritable = &check.Check{
	ID:          "fs.config.perms_writable",
	Severity:    check.Critical,
	Title:       "Config file is writable by other users",
	Remediation: "chmod 600 the config file.",
	Doc:         "Anyone who can write openclaw.json can switch gateway auth off, widen the tool policy, add channels or point the agent at their own model endpoint.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSConfig,
	Run: func(p *check.Pass) error {
		perm, ok := inspect(p.State, configPath(p))
		if !ok || !perm.writable() {
			return nil
		}
		reportPerms(p, perm, false, 0, perm.detail("%s can rewrite the gateway auth, tool policy and channel settings.", whoWrites(perm)))
		return nil
	},
}

// ConfigWorldReadable: every user can read the config.
var ConfigWorldReadable = &check.Check{
	ID:          "fs.config.perms_world_readable",
	Severity:    check.Critical,
	Title:       "Config file is readable by every user",
	Remediation: "chmod 600 the config file.",
	Doc:         "openclaw.json usually holds the gateway token or password and channel bot tokens. A default 644 file hands them to every local account.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSConfig,
	Run: func(p *check.Pass) error {
		perm, ok := inspect(p.State, configPath(p))
		if !ok || perm.link || perm.writable() || !perm.worldReadable {
			return nil
		}
		reportPerms(p, perm, false, 0, perm.detail("any local user can read the tokens and passwords the config holds."))
		return nil
	},
}

// ConfigGroupReadable: the owning group can read the config.
var ConfigGroupReadable = &check.Check{
	ID:          "fs.config.perms_group_readable",
	Severity:    check.Warn,
	Title:       "Config file is readable by its group",
	Remediation: "chmod 600 the config file.",
	Doc:         "A group-readable openclaw.json shares the gateway token, password and channel tokens with every member of the file's group.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSConfig,
	Run: func(p *check.Pass) error {
		perm, ok := inspect(p.State, configPath(p))
		if !ok || perm.link || perm.writable() || perm.worldReadable || !perm.groupReadable {
			return nil
		}
		reportPerms(p, perm, false, 0, perm.detail("members of the file's group can read the tokens and passwords the config holds."))
		return nil
	},
}

// whoWrites names who may write a path.
func whoWrites(p perms) string {
	if p.worldWritable {
		return "any local user"
	}
	return "members of its owning group"
}
