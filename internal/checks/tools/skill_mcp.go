package tools

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/state"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// maxMcporterBytes is the size above which the registry is not inspected.
const maxMcporterBytes = 16 << 20

// skillScope is a scope whose skill allowlist does not bound host exec.
type skillScope struct {
	id, source, host, security string
}

// skillScopes lists agents.defaults (when it has its own skills key) and
// each roster agent with its own or an inherited skills key, keeping those
// whose exec, under the runtime defaults, can run on a host: security not
// "deny" and an effective host other than the sandbox.
func skillScopes(p *check.Pass) []skillScope {
	compat, root := p.Compat, p.Root()
	var store *approvals
	defaults := root.Get("agents", "defaults")
	defaultsHave := defaults.Has("skills")
	type candidate struct {
		id, source string
		agent      *toolpolicy.Agent
	}
	var cands []candidate
	if defaultsHave {
		cands = append(cands, candidate{id: "agents.defaults", source: "agents.defaults.skills"})
	}
	for _, a := range toolpolicy.Roster(root) {
		a := a
		switch {
		case a.Value.Has("skills"):
			cands = append(cands, candidate{id: a.ID, source: toolpolicy.RosterLabel(compat, "*") + ".skills", agent: &a})
		case defaultsHave:
			cands = append(cands, candidate{id: a.ID, source: "agents.defaults.skills (inherited)", agent: &a})
		}
	}
	gexec := root.Get("tools", "exec")
	var out []skillScope
	for _, c := range cands {
		var resolved *toolpolicy.Agent
		var aexec *config.Value
		if c.agent != nil {
			resolved = toolpolicy.FindAgent(root, c.agent.ID)
			if resolved == nil {
				resolved = c.agent
			}
			aexec = resolved.Value.Get("tools", "exec")
		}
		sandboxOn := toolpolicy.SandboxMode(root, resolved) != "off"
		host := aexec.Get("host").StringOr(gexec.Get("host").StringOr("auto"))
		effective := host
		if host == "auto" {
			effective = "gateway"
			if sandboxOn {
				effective = "sandbox"
			}
		}
		security := "full"
		if effective == "sandbox" {
			security = "deny"
		}
		// The approvals store can only lower what host exec may do.
		var fromStore string
		if effective != "sandbox" {
			if store == nil {
				a := loadApprovals(p)
				store = &a
			}
			key := "default"
			if c.agent != nil {
				key = c.agent.ID
			}
			fromStore = store.securityFor(key)
			if fromStore != "" {
				security = fromStore
			}
		}
		security = applyExecLayer(security, gexec)
		security = applyExecLayer(security, aexec)
		if fromStore != "" && securityRank(fromStore) < securityRank(security) {
			security = fromStore
		}
		if security == "deny" || effective == "sandbox" {
			continue
		}
		out = append(out, skillScope{id: c.id, source: c.source, host: effective, security: security})
	}
	return out
}

func securityRank(s string) int {
	switch s {
	case "deny":
		return 0
	case "allowlist":
		return 1
	}
	return 2
}

// applyExecLayer applies one tools.exec block: a mode wins, else security.
func applyExecLayer(security string, exec *config.Value) string {
	if m := exec.Get("mode"); m.Truthy() {
		return securityForMode(m.Trimmed(), security)
	}
	if s, ok := exec.Get("security").String(); ok {
		return s
	}
	return security
}

func securityForMode(mode, fallback string) string {
	switch mode {
	case "deny":
		return "deny"
	case "allowlist", "ask", "auto":
		return "allowlist"
	case "full":
		return "full"
	}
	return fallback
}

// mcporterStatus is what reading <stateDir>/skills/config/mcporter.json gave.
type mcporterStatus struct {
	problem string   // non-empty when the file exists but could not be inspected
	names   []string // enabled server names, sorted
}

func readMcporter(p *check.Pass) mcporterStatus {
	if p.State == nil {
		return mcporterStatus{}
	}
	path := filepath.Join(p.Config.Paths.StateDir, "skills", "config", "mcporter.json")
	info, ok := p.State.Stat(path)
	if !ok {
		return mcporterStatus{}
	}
	switch {
	case info.Dangling:
		return mcporterStatus{problem: "unreadable"}
	case info.Kind != state.File:
		return mcporterStatus{problem: "not a regular file"}
	case info.Size > maxMcporterBytes:
		return mcporterStatus{problem: "larger than 16 MiB"}
	}
	data, err := p.State.ReadFile(path)
	if err != nil {
		return mcporterStatus{problem: "unreadable"}
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return mcporterStatus{problem: "not valid JSON"}
	}
	top, _ := doc.(map[string]any)
	servers, _ := top["mcpServers"].(map[string]any)
	var names []string
	for name, v := range servers {
		if obj, ok := v.(map[string]any); ok {
			if b, isBool := obj["enabled"].(bool); isBool && !b {
				continue
			}
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return mcporterStatus{names: names}
}

func configMcpServers(root *config.Value) []string {
	var names []string
	for _, m := range root.Get("mcp", "servers").Pairs() {
		if m.Value.Get("enabled").IsFalse() {
			continue
		}
		names = append(names, m.Key)
	}
	sort.Strings(names)
	return names
}

func preview(names []string) string {
	if len(names) <= 6 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:6], ", ") + fmt.Sprintf(", +%d more", len(names)-6)
}

// SkillMCPBoundaryDrift: per-agent skill lists do not stop a host shell
// from running any MCP client the machine has.
var SkillMCPBoundaryDrift = &check.Check{
	ID:          "tools.exec.agent_skill_mcp_boundary_drift",
	Severity:    check.Warn,
	Title:       "Skill allowlists do not keep host exec away from MCP servers",
	Remediation: "For agents that must not reach the configured MCP servers, deny exec (tools.exec.security \"deny\") or restrict it to a tight allowlist, run them sandboxed or as another OS user that cannot read the MCP registry, or give each agent its own MCP credentials.",
	Doc:         "agents.*.skills decides which skills an agent sees; it is not enforced when a shell runs. An agent with host exec (the runtime default when no sandbox is on) can start any MCP client and read the global mcporter registry, so MCP servers configured for one agent are reachable from all of them. 2026.9.6 reports this; clawcheck reports it under both profiles.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorSkillMCP,
	Run: func(p *check.Pass) error {
		root := p.Root()
		scopes := skillScopes(p)
		if len(scopes) == 0 {
			return nil
		}
		var sources []string
		if names := configMcpServers(root); len(names) > 0 {
			sources = append(sources, "mcp.servers: "+preview(names))
		}
		if st := readMcporter(p); st.problem == "" && len(st.names) > 0 {
			sources = append(sources, "skills/config/mcporter.json: "+preview(st.names))
		}
		if len(sources) == 0 {
			return nil
		}
		var lines []string
		for i, s := range scopes {
			if i == 8 {
				lines = append(lines, fmt.Sprintf("+%d more scopes", len(scopes)-8))
				break
			}
			lines = append(lines, fmt.Sprintf("%s: %s, exec.host=%s, security=%s", s.id, s.source, s.host, s.security))
		}
		p.Report(check.Finding{
			Detail: "Skill allowlists on scopes that can exec on the host:\n- " + strings.Join(lines, "\n- ") +
				"\nMCP servers those shells can reach:\n- " + strings.Join(sources, "\n- "),
			Location: check.At(root.Get("agents", "defaults", "skills"), "agents.defaults.skills"),
		})
		return nil
	},
}

// McporterInspectionIncomplete: the MCP registry exists but could not be
// read, so the boundary check above cannot be trusted.
var McporterInspectionIncomplete = &check.Check{
	ID:          "tools.exec.mcporter_registry_inspection_incomplete",
	Severity:    check.Warn,
	Title:       "The global MCP registry could not be inspected",
	Remediation: "Make <stateDir>/skills/config/mcporter.json a regular, readable JSON file under 16 MiB, or remove it.",
	Doc:         "When some agent has a skill allowlist and host exec, the audit inspects the global mcporter registry to see which MCP servers a host shell could reach. A registry that is not a regular file, unreadable, too large or not JSON leaves that question open.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorSkillMCP,
	Run: func(p *check.Pass) error {
		if len(skillScopes(p)) == 0 {
			return nil
		}
		st := readMcporter(p)
		if st.problem == "" {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("skills/config/mcporter.json exists but is %s; which MCP servers host exec can reach is unknown.", st.problem),
		})
		return nil
	},
}

// MinimalProfileOverridden: a global minimal profile that agents replace
// gives a false sense of restriction.
var MinimalProfileOverridden = &check.Check{
	ID:          "tools.profile_minimal_overridden",
	Severity:    check.Warn,
	Title:       "Agents replace the global minimal tool profile",
	Remediation: "Set the listed agents' tools.profile to \"minimal\" too, or remove their profile so the global one applies.",
	Doc:         "tools.profile \"minimal\" reads as \"this gateway exposes almost no tools\", but an agent's own tools.profile takes precedence. Agents with a broader profile quietly get the tools the global setting was meant to withhold.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorMinimalProfile,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if s, _ := root.Get("tools", "profile").String(); s != "minimal" {
			return nil
		}
		var lines []string
		var loc *check.Location
		for _, a := range toolpolicy.Roster(root) {
			prof := a.Value.Get("tools", "profile")
			if !prof.Truthy() {
				continue
			}
			if s, ok := prof.String(); ok && s == "minimal" {
				continue
			}
			lines = append(lines, fmt.Sprintf("%s=%s", toolpolicy.RosterLabel(p.Compat, a.ID), displayValue(prof)))
			if loc == nil {
				loc = check.At(prof, a.Path+".tools.profile")
			}
		}
		if len(lines) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "tools.profile is \"minimal\", but these agents set their own profile:\n- " + strings.Join(lines, "\n- "),
			Location: loc,
		})
		return nil
	},
}

func displayValue(v *config.Value) string {
	if s, ok := v.String(); ok {
		return s
	}
	if n, ok := v.Number(); ok {
		return fmt.Sprint(n)
	}
	if v.Kind == config.Bool {
		return fmt.Sprint(v.Bool)
	}
	return "(non-string value)"
}
