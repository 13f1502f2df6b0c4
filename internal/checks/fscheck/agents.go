package fscheck

import (
	"path/filepath"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// Per agent, the audit looks at the auth profile store (auth-profiles.json,
// and in 2026.9.6 the agent's SQLite files) and at sessions/sessions.json.
// Findings are grouped per agent and per file, so that one agent's findings
// stay together in upstream's order whatever check reports them.

// authProfileFiles are the auth profile stores inside an agent dir.
func authProfileFiles(compat check.Compat) []string {
	files := []string{"auth-profiles.json"}
	if compat.Is96() {
		files = append(files, "openclaw-agent.sqlite", "openclaw-agent.sqlite-wal", "openclaw-agent.sqlite-shm", "openclaw-agent.sqlite-journal")
	}
	return files
}

// sessionsSlot is the group offset of sessions.json inside an agent's block;
// the auth profile files take the slots before it.
const (
	sessionsSlot  = 6
	slotsPerAgent = 8
)

// agentPerms calls fn for each auth profile store that can be judged.
func authProfilePerms(p *check.Pass, fn func(group int, perm perms)) {
	for i, id := range openclaw.PermissionAgentIDs(p.Compat, p.Root()) {
		dir := filepath.Join(p.Config.Paths.StateDir, "agents", id, "agent")
		for j, name := range authProfileFiles(p.Compat) {
			if perm, ok := inspect(p.State, filepath.Join(dir, name)); ok {
				fn(i*slotsPerAgent+j, perm)
			}
		}
	}
}

// AuthProfilesWritable: an agent's auth profile store is writable by others.
var AuthProfilesWritable = &check.Check{
	ID:          "fs.auth_profiles.perms_writable",
	Severity:    check.Critical,
	Title:       "Agent auth profile store is writable by other users",
	Remediation: "chmod 600 the auth profile file.",
	Doc:         "auth-profiles.json (and in 2026.9 the agent's SQLite store) holds the API keys and OAuth tokens an agent calls models with. If another user can write it, they can swap in their own keys and read every prompt the agent sends.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSAgents,
	Run: func(p *check.Pass) error {
		authProfilePerms(p, func(group int, perm perms) {
			if perm.writable() {
				reportPerms(p, perm, false, group, perm.detail("%s can replace the agent's model credentials.", whoWrites(perm)))
			}
		})
		return nil
	},
}

// AuthProfilesReadable: an agent's auth profile store is readable by others.
var AuthProfilesReadable = &check.Check{
	ID:          "fs.auth_profiles.perms_readable",
	Severity:    check.Warn,
	Title:       "Agent auth profile store is readable by other users",
	Remediation: "chmod 600 the auth profile file.",
	Doc:         "The auth profile store holds provider API keys and OAuth refresh tokens in clear text. Other users who can read it can spend on your accounts.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSAgents,
	Run: func(p *check.Pass) error {
		authProfilePerms(p, func(group int, perm perms) {
			if !perm.writable() && perm.readable() {
				reportPerms(p, perm, false, group, perm.detail("other users can read the model API keys and OAuth tokens stored here."))
			}
		})
		return nil
	},
}

// SessionsStoreReadable: an agent's sessions.json is readable by others.
var SessionsStoreReadable = &check.Check{
	ID:          "fs.sessions_store.perms_readable",
	Severity:    check.Warn,
	Title:       "Session store is readable by other users",
	Remediation: "chmod 600 the session store.",
	Doc:         "sessions.json maps chats to sessions and records who talked to the agent, on which channel and where the transcripts are. Other users should not be able to read it. (Like the reference, there is no check for a session store that is writable but not readable.)",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSAgents,
	Run: func(p *check.Pass) error {
		for i, id := range openclaw.PermissionAgentIDs(p.Compat, p.Root()) {
			path := filepath.Join(p.Config.Paths.StateDir, "agents", id, "sessions", "sessions.json")
			perm, ok := inspect(p.State, path)
			if !ok || !perm.readable() {
				continue
			}
			reportPerms(p, perm, false, i*slotsPerAgent+sessionsSlot, perm.detail("other users can read which people and chats the agent %q talks to.", id))
		}
		return nil
	},
}
