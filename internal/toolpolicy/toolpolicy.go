// Package toolpolicy resolves which tools an agent may call: profiles, tool
// groups, allow and deny lists at every level, and the sandbox mode that
// applies to each agent. Several check families read it; none re-derive it.
//
// The model is the layered one OpenClaw's audit uses. A tool is allowed in a
// context only when every layer allows it:
//
//  1. the profile (agent tools.profile ?? tools.profile; under 2026.9 merged
//     with agent tools.alsoAllow ?? tools.alsoAllow);
//  2. the global tools.allow / tools.alsoAllow / tools.deny;
//  3. the agent's tools.allow / tools.alsoAllow / tools.deny;
//  4. optionally (2026.9 only) tools.byProvider[<provider or provider/model>],
//     global and per agent — see Options;
//  5. when the agent's sandbox mode is "all", the sandbox tool policy
//     (tools.sandbox.tools.*, agent before global, or the release defaults).
//
// Within a layer deny wins, an empty or absent allow list allows everything,
// entries are case-insensitive globs, group:<name> entries expand to their
// members and aliases (bash→exec, apply-patch→apply_patch, and under 2026.9
// cron→automations) are applied. apply_patch is allowed wherever write is.
//
// Typical use:
//
//	for _, ctx := range toolpolicy.Contexts(p.Compat, root) {
//		pol := toolpolicy.Resolve(p.Compat, root, ctx.Agent, toolpolicy.Options{})
//		if pol.Allows("exec") && ctx.SandboxMode != "all" { … }
//	}
//
// The package is pure: it reads the loaded config and nothing else.
package toolpolicy

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// Agent is one roster entry: an agents.list[] element with a string id, or
// an agents.entries.<id> object.
type Agent struct {
	ID    string        // the id as written
	Norm  string        // the normalised id
	Value *config.Value // the entry object; nil for the implicit "main" agent
	Path  string        // dotted config path of the entry, e.g. agents.list.0 or agents.entries.work
	Index int           // position in the roster
}

// Tools is the entry's tools object (nil when absent).
func (a *Agent) Tools() *config.Value {
	if a == nil {
		return nil
	}
	return a.Value.Get("tools")
}

// HasRoster reports whether the config owns an agent roster property
// (agents.entries or agents.list, whatever its contents).
func HasRoster(root *config.Value) bool {
	agents := root.Get("agents")
	return agents.Get("entries").Present() || agents.Get("list").Present()
}

// Roster lists the configured agents. agents.entries (the 2026.9.6 form)
// wins over agents.list when both are present, as 2026.9.6 reads them; the
// 2026.4.14 form counts only list elements whose id is a string. Both forms
// are accepted under both profiles (the loader already reported keys the
// profile's release does not know).
func Roster(root *config.Value) []Agent {
	agents := root.Get("agents")
	var out []Agent
	if entries := agents.Get("entries"); entries.Present() {
		for _, m := range entries.Pairs() {
			if !m.Value.IsObject() {
				continue
			}
			out = append(out, Agent{ID: m.Key, Norm: NormalizeAgentID(m.Key), Value: m.Value,
				Path: "agents.entries." + m.Key, Index: len(out)})
		}
		return out
	}
	for i, e := range agents.Get("list").Items() {
		id, ok := e.Get("id").String()
		if !e.IsObject() || !ok {
			continue
		}
		out = append(out, Agent{ID: id, Norm: NormalizeAgentID(id), Value: e,
			Path: "agents.list." + strconv.Itoa(i), Index: len(out)})
	}
	return out
}

// RosterLabel is how the release names a roster entry in details:
// agents.list.<id> (2026.4) or agents.entries.<id> (2026.9).
func RosterLabel(compat check.Compat, id string) string {
	if compat.Is96() {
		return "agents.entries." + check.InlineText(id)
	}
	return "agents.list." + check.InlineText(id)
}

// AgentIDs lists the unique normalised agent ids in roster order; ["main"]
// when the config has no roster at all.
func AgentIDs(root *config.Value) []string {
	roster := Roster(root)
	if len(roster) == 0 && !HasRoster(root) {
		return []string{"main"}
	}
	seen := map[string]bool{}
	var ids []string
	for _, a := range roster {
		if seen[a.Norm] {
			continue
		}
		seen[a.Norm] = true
		ids = append(ids, a.Norm)
	}
	return ids
}

// FindAgent returns the first roster entry whose normalised id matches id,
// or nil.
func FindAgent(root *config.Value, id string) *Agent {
	norm := NormalizeAgentID(id)
	for _, a := range Roster(root) {
		if a.Norm == norm {
			return &a
		}
	}
	return nil
}

var (
	validAgentID   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	invalidIDChars = regexp.MustCompile(`[^a-z0-9_-]+`)
)

// NormalizeAgentID trims and lower-cases, replaces characters outside
// [a-z0-9_-] with "-", strips leading and trailing dashes, cuts to 64
// characters and falls back to "main".
func NormalizeAgentID(s string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	if validAgentID.MatchString(t) {
		return t
	}
	t = invalidIDChars.ReplaceAllString(t, "-")
	t = strings.Trim(t, "-")
	if len(t) > 64 {
		t = t[:64]
	}
	if t == "" {
		return "main"
	}
	return t
}

// Context is a place where a tool policy applies: agents.defaults (Agent
// nil) or one roster agent.
type Context struct {
	Label       string // agents.defaults, agents.list.<id> or agents.entries.<id>
	Agent       *Agent // nil for agents.defaults
	SandboxMode string // off, non-main or all
}

// Contexts lists agents.defaults, then one context per roster agent. Under
// 2026.9 a config without a roster also gets the implicit agent "main",
// which 2026.9.6's loader materialises.
func Contexts(compat check.Compat, root *config.Value) []Context {
	out := []Context{{Label: "agents.defaults", SandboxMode: SandboxMode(root, nil)}}
	roster := Roster(root)
	if compat.Is96() && len(roster) == 0 && !HasRoster(root) {
		roster = []Agent{{ID: "main", Norm: "main", Path: "agents.entries.main"}}
	}
	for i := range roster {
		a := &roster[i]
		out = append(out, Context{
			Label:       RosterLabel(compat, a.ID),
			Agent:       a,
			SandboxMode: SandboxMode(root, lookup(root, a)),
		})
	}
	return out
}

// lookup is upstream's "resolve the agent config by id": the first entry
// with the same normalised id, which for duplicate ids is not always a.
func lookup(root *config.Value, a *Agent) *Agent {
	if a == nil || a.Value == nil {
		return a
	}
	if found := FindAgent(root, a.ID); found != nil {
		return found
	}
	return a
}

// SandboxMode is the agent's sandbox.mode ?? agents.defaults.sandbox.mode ??
// "off". A nil agent gives the default.
func SandboxMode(root *config.Value, a *Agent) string {
	return sandboxString(root, a, "mode", "off")
}

// WorkspaceAccess is the agent's sandbox.workspaceAccess ?? the default's ?? "none".
func WorkspaceAccess(root *config.Value, a *Agent) string {
	return sandboxString(root, a, "workspaceAccess", "none")
}

func sandboxString(root *config.Value, a *Agent, key, def string) string {
	if a != nil {
		if s, ok := a.Value.Get("sandbox", key).String(); ok {
			return s
		}
	}
	if s, ok := root.Get("agents", "defaults", "sandbox", key).String(); ok {
		return s
	}
	return def
}
