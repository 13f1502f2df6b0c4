package openclaw

import (
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// This file holds the rules of the filesystem audit: which agents own files
// in the state dir, where their workspaces are, where the log file lives and
// which paths look like a synced folder.

// FSAgent is one roster entry: its id as written and its config object.
type FSAgent struct {
	ID    string
	Value *config.Value
}

// FSRoster lists the configured agents in config order. 2026.4.14 reads
// agents.list (objects only). 2026.9.6 reads agents.entries, keyed by id,
// when the key is present, and otherwise agents.list, which its loader
// migrates.
func FSRoster(compat check.Compat, root *config.Value) []FSAgent {
	agents := root.Get("agents")
	var out []FSAgent
	if compat.Is96() && agents.Has("entries") {
		for _, m := range agents.Get("entries").Pairs() {
			if m.Value.IsObject() {
				out = append(out, FSAgent{ID: m.Key, Value: m.Value})
			}
		}
		return out
	}
	for _, item := range agents.Get("list").Items() {
		if !item.IsObject() {
			continue
		}
		id, _ := item.Get("id").String()
		out = append(out, FSAgent{ID: id, Value: item})
	}
	return out
}

// hasRoster96 reports whether 2026.9.6 sees a roster key at all; an empty
// roster then means no agents, not the implicit "main".
func hasRoster96(root *config.Value) bool {
	agents := root.Get("agents")
	return agents.Has("entries") || agents.Has("list")
}

// soleAgent96 is 2026.9.6's sole agent: "main" without a roster key, the
// only entry of a one-entry roster, else none.
func soleAgent96(root *config.Value) (string, bool) {
	roster := FSRoster(check.Compat2026_9, root)
	switch {
	case len(roster) == 0 && !hasRoster96(root):
		return "main", true
	case len(roster) == 1:
		return NormalizeAgentID(roster[0].ID), true
	}
	return "", false
}

// markedDefault96 is the one entry marked default:true, unless ownership is
// explicit or several entries are marked.
func markedDefault96(root *config.Value) (string, bool) {
	if root.Get("agents", "ownership").StringOr("") == "explicit" {
		return "", false
	}
	var marked []string
	for _, e := range FSRoster(check.Compat2026_9, root) {
		if e.Value.Get("default").IsTrue() {
			marked = append(marked, e.ID)
		}
	}
	if len(marked) != 1 {
		return "", false
	}
	return NormalizeAgentID(marked[0]), true
}

// dataOwner96 is the agent 2026.9.6 gives the legacy default workspace.
func dataOwner96(root *config.Value) (string, bool) {
	if id, ok := markedDefault96(root); ok {
		return id, true
	}
	return soleAgent96(root)
}

// FSDefaultAgentID is the agent that owns the default workspace, "" when
// there is none (2026.9.6 with several agents and no owner).
//
// 2026.4.14: the agents.list entry marked default, else the first entry,
// else "main".
// 2026.9.6: the single entry marked default:true (unless agents.ownership is
// "explicit"), else the sole agent ("main" without a roster).
func FSDefaultAgentID(compat check.Compat, root *config.Value) string {
	if compat.Is96() {
		id, _ := dataOwner96(root)
		return id
	}
	roster := FSRoster(compat, root)
	if len(roster) == 0 {
		return "main"
	}
	chosen := roster[0]
	for _, e := range roster {
		if e.Value.Get("default").Truthy() {
			chosen = e
			break
		}
	}
	return NormalizeAgentID(strings.TrimSpace(chosen.ID))
}

// controlPlaneOwner96 is the agent whose workspace 2026.9.6's audit scans
// first: agents.defaults.systemAgent.agentId, else (without explicit
// ownership) the data owner, else the sole agent.
func controlPlaneOwner96(root *config.Value) (string, bool) {
	if s := root.Get("agents", "defaults", "systemAgent", "agentId").Trimmed(); s != "" {
		return NormalizeAgentID(s), true
	}
	if root.Get("agents", "ownership").StringOr("") != "explicit" {
		if id, ok := dataOwner96(root); ok {
			return id, true
		}
	}
	return soleAgent96(root)
}

// rosterIDs96 is 2026.9.6's listAgentIds: every roster id normalised and
// de-duplicated, or "main" without a roster key.
func rosterIDs96(root *config.Value) []string {
	roster := FSRoster(check.Compat2026_9, root)
	if len(roster) == 0 && !hasRoster96(root) {
		return []string{"main"}
	}
	var ids []string
	for _, e := range roster {
		ids = append(ids, e.ID)
	}
	return uniqueNormalized(ids)
}

// PermissionAgentIDs are the agents whose auth profiles and session stores
// the filesystem audit inspects, in the order it inspects them.
//
// 2026.4.14: the default agent, then every agents.list id (trimmed, blanks
// dropped), each normalised. "main" is left out when a roster exists that
// neither lists it nor makes it the default.
// 2026.9.6: "main", then the default agent when a roster exists and one can
// be chosen, then every roster id, each normalised.
func PermissionAgentIDs(compat check.Compat, root *config.Value) []string {
	var raw []string
	roster := FSRoster(compat, root)
	if compat.Is96() {
		raw = append(raw, "main")
		if len(roster) > 0 {
			if id := FSDefaultAgentID(compat, root); id != "" {
				raw = append(raw, id)
			}
		}
		for _, e := range roster {
			raw = append(raw, e.ID)
		}
	} else {
		raw = append(raw, FSDefaultAgentID(compat, root))
		for _, e := range roster {
			if s := strings.TrimSpace(e.ID); s != "" {
				raw = append(raw, s)
			}
		}
	}
	return uniqueNormalized(raw)
}

func uniqueNormalized(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		n := NormalizeAgentID(id)
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// UserPath resolves a configured path the way OpenClaw's resolveUserPath
// does: trimmed, a leading "~" expanded with home, cleaned. A relative path
// would resolve against the gateway's working directory, which the audit
// cannot know for certain; it is reported as not resolvable (ok false).
func UserPath(p, home string) (string, bool) {
	// OpenClaw strips NUL bytes from configured paths.
	t := strings.TrimSpace(strings.ReplaceAll(p, "\x00", ""))
	if t == "" {
		return "", false
	}
	if t == "~" || strings.HasPrefix(t, "~/") || strings.HasPrefix(t, `~\`) {
		if home == "" {
			return "", false
		}
		t = filepath.Join(home, t[1:])
	}
	if !filepath.IsAbs(t) {
		return "", false
	}
	return filepath.Clean(t), true
}

// DefaultWorkspaceDir is the default agent's workspace when neither the
// agent nor agents.defaults names one.
//
// 2026.4.14: <home>/.openclaw/workspace, or workspace-<profile> there when
// OPENCLAW_PROFILE names a profile; OPENCLAW_WORKSPACE_DIR and the state dir
// are not consulted.
// 2026.9.6: OPENCLAW_WORKSPACE_DIR; else <stateDir>/workspace when the state
// dir was chosen explicitly; else the profile's state dir; else
// <home>/.openclaw/workspace.
func DefaultWorkspaceDir(compat check.Compat, paths config.Paths, env config.Env) string {
	profile := strings.TrimSpace(env.Get("OPENCLAW_PROFILE"))
	if profile == "" {
		profile = paths.Profile
	}
	if strings.EqualFold(profile, "default") {
		profile = ""
	}
	if compat.Is96() {
		if w := strings.TrimSpace(env.Get("OPENCLAW_WORKSPACE_DIR")); w != "" {
			if p, ok := UserPath(w, paths.Home); ok {
				return p
			}
		}
		if paths.StateDirExplicit {
			return filepath.Join(paths.StateDir, "workspace")
		}
		if profile != "" {
			return filepath.Join(paths.Home, ".openclaw-"+profile, "workspace")
		}
		return filepath.Join(paths.Home, ".openclaw", "workspace")
	}
	if profile != "" {
		return filepath.Join(paths.Home, ".openclaw", "workspace-"+profile)
	}
	return filepath.Join(paths.Home, ".openclaw", "workspace")
}

// AgentWorkspaceDir resolves one agent's workspace: its own workspace key,
// else the default workspace for the default agent, else
// <agents.defaults.workspace>/<id>, else <stateDir>/workspace-<id>. It
// returns "" when a configured path cannot be resolved.
func AgentWorkspaceDir(compat check.Compat, cfg *config.Config, env config.Env, agentID string) string {
	root := cfg.Root
	home := cfg.Paths.Home
	id := NormalizeAgentID(agentID)
	for _, e := range FSRoster(compat, root) {
		if NormalizeAgentID(e.ID) != id {
			continue
		}
		if w := e.Value.Get("workspace").Trimmed(); w != "" {
			p, _ := UserPath(w, home)
			return p
		}
		break
	}
	fallback := root.Get("agents", "defaults", "workspace").Trimmed()
	if id == FSDefaultAgentID(compat, root) {
		if fallback != "" {
			p, _ := UserPath(fallback, home)
			return p
		}
		return DefaultWorkspaceDir(compat, cfg.Paths, env)
	}
	if fallback != "" {
		p, ok := UserPath(fallback, home)
		if !ok {
			return ""
		}
		return filepath.Join(p, id)
	}
	return filepath.Join(cfg.Paths.StateDir, "workspace-"+id)
}

// SkillWorkspaceDirs are the workspaces whose skills/ folders the audit
// scans for SKILL.md files, in scan order, without duplicates.
//
// 2026.4.14: each agents.list entry with a string id, then the default agent.
// 2026.9.6: the control-plane owner's workspace when there is one, then every
// roster agent's ("main" without a roster).
func SkillWorkspaceDirs(compat check.Compat, cfg *config.Config, env config.Env) []string {
	root := cfg.Root
	var ids []string
	if compat.Is96() {
		if id, ok := controlPlaneOwner96(root); ok {
			ids = append(ids, id)
		}
		ids = append(ids, rosterIDs96(root)...)
	} else {
		for _, e := range FSRoster(compat, root) {
			if e.Value.Get("id").IsString() {
				ids = append(ids, e.ID)
			}
		}
		ids = append(ids, FSDefaultAgentID(compat, root))
	}
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		ws := AgentWorkspaceDir(compat, cfg, env, id)
		if ws == "" || seen[ws] {
			continue
		}
		seen[ws] = true
		out = append(out, ws)
	}
	return out
}

// LogFilePath resolves logging.file for the permission audit: a non-empty
// string, "~" and "~/…" expanded with HOME. Other "~user" forms are skipped,
// as upstream skips them, and so is a relative path (see UserPath).
func LogFilePath(root *config.Value, env config.Env) (string, bool) {
	s := root.Get("logging", "file").Trimmed()
	if s == "" {
		return "", false
	}
	home := strings.TrimSpace(env.Get("HOME"))
	if strings.HasPrefix(s, "~") && !(s == "~" || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `~\`)) {
		return "", false
	}
	return UserPath(s, home)
}

// syncedMarkers are lower-case substrings of paths inside folders that a
// cloud service copies to other machines. The last one is the real iCloud
// Drive location on macOS, which upstream's list misses.
var syncedMarkers = []string{"icloud", "dropbox", "google drive", "googledrive", "onedrive", "mobile documents/com~apple~clouddocs"}

// LooksSynced reports whether a path looks like it lives in a synced folder.
func LooksSynced(p string) bool {
	s := strings.ToLower(filepath.ToSlash(p))
	for _, m := range syncedMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
