// Package models holds the model hygiene checks: legacy models, models
// below the recommended tier, and small models exposed to untrusted input.
package models

import (
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// Checks is this family's list.
var Checks = []*check.Check{Legacy, WeakTier, SmallParams}

// detailCap is how many refs a finding lists before summarising the rest.
const detailCap = 12

// modelRef is one configured model reference.
type modelRef struct {
	ID      string        // as matched: the trimmed ref (2026.4) or provider/model (2026.9)
	Raw     string        // the trimmed ref as written
	Source  string        // dotted label, e.g. agents.defaults.model.fallbacks
	AgentID string        // the roster agent the ref belongs to; "" for agents.defaults
	Value   *config.Value // the string value, for locations
	Path    string        // dotted path with indexes, for locations
}

// collectRefs lists the primary and fallback refs of agents.defaults.model,
// agents.defaults.imageModel and each roster agent's model, in that order.
// A per-agent imageModel is not read, as in both releases.
func collectRefs(compat check.Compat, root *config.Value) []modelRef {
	var out []modelRef
	aliases := aliasIndex(root)
	add := func(v *config.Value, source, path, agentID string) {
		s, ok := v.String()
		if !ok || strings.TrimSpace(s) == "" {
			return
		}
		raw := strings.TrimSpace(s)
		id := raw
		if compat.Is96() {
			id = resolveRef(raw, aliases)
		}
		out = append(out, modelRef{ID: id, Raw: raw, Source: source, AgentID: agentID, Value: v, Path: path})
	}
	addChain := func(model *config.Value, label, path, agentID string) {
		if model.IsString() {
			add(model, label, path, agentID)
			return
		}
		add(model.Get("primary"), label+".primary", path+".primary", agentID)
		for i, f := range model.Get("fallbacks").Items() {
			add(f, label+".fallbacks", path+".fallbacks."+strconv.Itoa(i), agentID)
		}
	}
	defaults := root.Get("agents", "defaults")
	for _, key := range []string{"model", "imageModel"} {
		m := defaults.Get(key)
		label := "agents.defaults." + key
		if m.IsString() {
			// A bare string is the primary.
			add(m, label+".primary", label, "")
			continue
		}
		addChain(m, label, label, "")
	}
	agents := root.Get("agents")
	if entries := agents.Get("entries"); entries.Present() {
		for _, m := range entries.Pairs() {
			if m.Value.IsObject() {
				addChain(m.Value.Get("model"), "agents.entries."+m.Key+".model", "agents.entries."+m.Key+".model", m.Key)
			}
		}
		return out
	}
	for i, e := range agents.Get("list").Items() {
		if !e.IsObject() {
			continue
		}
		id := e.Get("id").StringOr("")
		// 2026.9.6 migrates agents.list into agents.entries and names it so.
		addChain(e.Get("model"), toolpolicy.RosterLabel(compat, id)+".model", "agents.list."+strconv.Itoa(i)+".model", id)
	}
	return out
}

// aliasIndex maps lower-cased aliases declared in agents.defaults.models
// ({"provider/model": {alias: "fast"}}) to their provider/model key.
func aliasIndex(root *config.Value) map[string]string {
	out := map[string]string{}
	for _, m := range root.Get("agents", "defaults", "models").Pairs() {
		alias := strings.ToLower(m.Value.Get("alias").Trimmed())
		key := strings.TrimSpace(m.Key)
		if alias != "" && key != "" {
			if _, dup := out[alias]; !dup {
				out[alias] = key
			}
		}
	}
	return out
}

// defaultProvider is the provider 2026.9.6 assumes for a bare model id.
const defaultProvider = "openai"

// resolveRef turns a ref into provider/model as 2026.9.6 does: an alias
// resolves to its target, a bare id gets the default provider.
func resolveRef(raw string, aliases map[string]string) string {
	if target, ok := aliases[strings.ToLower(raw)]; ok {
		raw = target
	}
	provider, model, ok := strings.Cut(raw, "/")
	if !ok {
		return defaultProvider + "/" + raw
	}
	provider, model = strings.ToLower(strings.TrimSpace(provider)), strings.TrimSpace(model)
	if provider == "" || model == "" {
		return raw
	}
	return provider + "/" + model
}

// firstLocation points at the first ref in the list.
func firstLocation(refs []modelRef) *check.Location {
	if len(refs) == 0 {
		return nil
	}
	return check.At(refs[0].Value, refs[0].Path)
}
