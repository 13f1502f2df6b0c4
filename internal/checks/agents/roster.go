package agents

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// InvalidDefaultCount: a roster whose default agent cannot be determined
// sends ambient work (webhooks, cron, unrouted messages) to an agent nobody
// chose, or nowhere.
var InvalidDefaultCount = &check.Check{
	ID:          "config.agent_roster.invalid_default_count",
	Severity:    check.Warn,
	Title:       "Agent roster does not determine a default agent",
	Remediation: "Mark exactly one agent with default: true (or keep a single agent); with agents.ownership \"explicit\", remove every default marker and route work to agents explicitly.",
	Doc:         "Work that names no agent (hook runs, scheduled jobs, messages without a binding) goes to the roster's default agent. The roster must make that choice unambiguous: exactly one default: true marker, or a single agent. With agents.ownership \"explicit\" no entry may carry a default marker at all. Otherwise the owner of that work, and the tools and data it gets, depend on resolution details instead of the operator's choice. 2026.9.6 checks this; its schema rejects most such rosters, which clawcheck audits anyway (decision D5). Under the 2026.4 profile the check runs only when the roster uses 2026.9.6 keys (agents.entries, agents.ownership).",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorAgentRoster,
	Run: func(p *check.Pass) error {
		agents := p.Root().Get("agents")
		uses96 := agents.Has("entries") || agents.Has("ownership")
		if p.Compat.Is414() && !uses96 {
			return nil
		}
		r := readRoster(agents)
		if len(r.entries) == 0 && !r.present {
			return nil
		}
		defaults := 0
		for _, e := range r.entries {
			if e.Get("default").IsTrue() {
				defaults++
			}
		}
		explicit := agents.Get("ownership").StringOr("") == "explicit"
		var detail string
		switch {
		case explicit && defaults > 0:
			detail = fmt.Sprintf("agents.ownership is \"explicit\" but %d %s default: true.", defaults, plural(defaults, "entry is marked", "entries are marked"))
		case !explicit && defaults != 1 && len(r.entries) != 1:
			detail = fmt.Sprintf("%s has %d %s and %d default: true %s; exactly one marker (or a single agent) is needed.",
				r.path, len(r.entries), plural(len(r.entries), "agent", "agents"), defaults, plural(defaults, "marker", "markers"))
		default:
			return nil
		}
		p.Report(check.Finding{Detail: detail, Location: check.At(r.value, r.path)})
		return nil
	},
}

type roster struct {
	path    string
	value   *config.Value
	present bool // agents.entries or agents.list is set (not undefined)
	entries []*config.Value
}

// readRoster reads agents.entries (preferred when present) or agents.list:
// object entries of agents.entries, non-null object elements of agents.list.
func readRoster(agents *config.Value) roster {
	if v := agents.Get("entries"); v != nil {
		r := roster{path: "agents.entries", value: v, present: true}
		for _, m := range v.Pairs() {
			if m.Value.IsObject() {
				r.entries = append(r.entries, m.Value)
			}
		}
		return r
	}
	v := agents.Get("list")
	r := roster{path: "agents.list", value: v, present: v != nil}
	for _, e := range v.Items() {
		if e.IsObject() || e.IsArray() {
			r.entries = append(r.entries, e)
		}
	}
	return r
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
