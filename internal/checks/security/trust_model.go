package security

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// MultiUserHeuristic: the configuration suggests several people can reach
// one gateway, whose security model assumes one trusted operator.
var MultiUserHeuristic = &check.Check{
	ID:          "security.trust_model.multi_user_heuristic",
	Severity:    check.Warn,
	Title:       "Several people appear able to reach this gateway",
	Remediation: "If the people reaching the gateway do not fully trust each other, give each trust boundary its own gateway, credentials and OS user. If sharing is intended, run agents with agents.defaults.sandbox.mode \"all\", set tools.fs.workspaceOnly to true, deny runtime, file and web tools that are not needed, and keep personal accounts and credentials off that installation.",
	Doc:         "OpenClaw's security model is a personal assistant: one trusted operator per gateway. Open or wildcard DM/group policies and group allowlists with configured rooms mean other people can talk to the same agents, share their sessions and steer their tools. The gateway does not isolate those users from each other.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorTrustModel,
	Run: func(p *check.Pass) error {
		root := p.Root()
		signals := openclaw.MultiUserSignals(p.Compat, root)
		if len(signals) == 0 {
			return nil
		}
		var b strings.Builder
		b.WriteString("Signals that more than one person can reach the agents:\n- ")
		b.WriteString(strings.Join(signals, "\n- "))
		risky := riskyContexts(p.Compat, root)
		if len(risky) == 0 {
			b.WriteString("\nNo context exposes unsandboxed runtime or file tools.")
		} else {
			b.WriteString("\nContexts with unguarded tools:")
			for _, r := range risky {
				b.WriteString("\n- " + r.line)
			}
		}
		p.Report(check.Finding{Detail: b.String()})
		return nil
	},
}

// GroupScopeMain: group rooms merged into the agent's main session share
// its context with every room member.
var GroupScopeMain = &check.Check{
	ID:          "security.trust_model.group_scope_main",
	Severity:    check.Warn,
	Title:       "Group conversations share the agent's main session",
	Remediation: "Set session.groupScope to \"per-group\" and remove bindings[].session.groupScope \"main\" overrides, unless every member of the affected rooms is trusted with the main session's context.",
	Doc:         "session.groupScope \"main\" (globally or on a group route binding) routes group and channel rooms into the agent's main session. Everyone in those rooms then reads and steers the same context as the operator's private conversation, including whatever it learned or was given.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorTrustModel,
	Run: func(p *check.Pass) error {
		root := p.Root()
		var lines []string
		var loc *check.Location
		if gs := root.Get("session", "groupScope"); isString(gs, "main") {
			lines = append(lines, "session.groupScope=\"main\" (every group room without a binding override)")
			loc = check.At(gs, "session.groupScope")
		}
		for _, b := range mainGroupBindings(root) {
			lines = append(lines, b.line)
			if loc == nil {
				loc = check.At(b.value, b.path)
			}
		}
		if len(lines) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "Group routes that use the main session:\n- " + strings.Join(lines, "\n- "),
			Location: loc,
		})
		return nil
	},
}

type bindingHit struct {
	line, path string
	value      *config.Value
}

// mainGroupBindings lists route bindings with session.groupScope "main"
// that can match a group or channel peer: the peer kind is not "direct",
// the peer (when given) is well-formed, and no earlier binding has the
// same match (which would shadow it).
func mainGroupBindings(root *config.Value) []bindingHit {
	var out []bindingHit
	seen := map[string]bool{}
	for i, b := range root.Get("bindings").Items() {
		if !b.IsObject() {
			continue
		}
		match := b.Get("match")
		peer := match.Get("peer")
		kind := strings.ToLower(peer.Get("kind").Trimmed())
		key := strings.Join([]string{
			strings.ToLower(match.Get("channel").Trimmed()),
			strings.ToLower(match.Get("accountId").Trimmed()),
			kind, peer.Get("id").Trimmed(),
			match.Get("guildId").Trimmed(), match.Get("teamId").Trimmed(),
		}, "\x00")
		shadowed := seen[key]
		seen[key] = true
		if shadowed {
			continue
		}
		gs := b.Get("session", "groupScope")
		if !isString(gs, "main") {
			continue
		}
		if peer.Present() && (!peer.IsObject() || kind == "" || kind == "direct" || kind == "dm") {
			continue
		}
		desc := match.Get("channel").Trimmed()
		if desc == "" {
			desc = "any channel"
		}
		if acct := match.Get("accountId").Trimmed(); acct != "" {
			desc += " account " + acct
		}
		if id := peer.Get("id").Trimmed(); id != "" {
			desc += " " + kind + " " + id
		}
		agent := b.Get("agentId").Trimmed()
		path := fmt.Sprintf("bindings.%d.session.groupScope", i)
		out = append(out, bindingHit{
			line:  fmt.Sprintf("%s=\"main\": %s (agent=%s)", path, desc, agent),
			path:  path,
			value: gs,
		})
	}
	return out
}

func isString(v *config.Value, want string) bool {
	s, ok := v.String()
	return ok && s == want
}

// sessionTools are the tools that read or write other sessions.
var sessionTools = []string{"sessions_list", "sessions_history", "sessions_search", "sessions_send", "session_status"}

// CrossAgentSessionAccess: with the default visibility every agent can
// read every other agent's sessions.
var CrossAgentSessionAccess = &check.Check{
	ID:          "security.trust_model.cross_agent_session_access_default",
	Severity:    check.Info,
	Title:       "Every agent can read every other agent's sessions",
	Remediation: "Set tools.sessions.visibility to \"agent\", \"tree\" or \"self\"; restrict tools.agentToAgent.allow to the agents that must talk to each other; or set tools.agentToAgent.enabled to false.",
	Doc:         "With several agents, tools.sessions.visibility \"all\" (the default) and agent-to-agent messaging enabled without an allow list, any agent that has the session tools can list, read and message the sessions of all other agents — including other users' transcripts. That is fine for one operator; it is a leak when agents serve different people or trust levels (sandboxed agents, per-agent tool restrictions, shared channels), which raises the finding to warn. 2026.9.6 reports this; clawcheck reports it under both profiles.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorCrossAgent,
	Run: func(p *check.Pass) error {
		root := p.Root()
		ids := toolpolicy.AgentIDs(root)
		if len(ids) < 2 {
			return nil
		}
		switch strings.ToLower(strings.TrimSpace(root.Get("tools", "sessions", "visibility").StringOr(""))) {
		case "self", "tree", "agent":
			return nil
		}
		a2a := root.Get("tools", "agentToAgent")
		if a2a.Get("enabled").IsFalse() || a2a.Get("allow").Len() > 0 {
			return nil
		}
		clamp := root.Get("agents", "defaults", "sandbox", "sessionToolsVisibility").StringOr("spawned")
		var reachers, signals []string
		for _, id := range ids {
			agent := toolpolicy.FindAgent(root, id)
			mode := toolpolicy.SandboxMode(root, agent)
			if mode != "off" {
				signals = append(signals, fmt.Sprintf("%s: sandbox.mode=%q", id, mode))
			}
			pol := toolpolicy.Resolve(p.Compat, root, agent, toolpolicy.Options{})
			allowed := pol.Filter(sessionTools...)
			if (mode != "all" || clamp == "all") && len(allowed) > 0 {
				reachers = append(reachers, fmt.Sprintf("%s (sandbox=%s): %s", id, mode, strings.Join(allowed, ", ")))
			}
			tools := agent.Tools()
			var own []string
			for _, k := range []string{"profile", "allow", "deny"} {
				if tools.Has(k) {
					own = append(own, "tools."+k)
				}
			}
			if len(own) > 0 {
				signals = append(signals, fmt.Sprintf("%s: own tool restrictions (%s)", id, strings.Join(own, ", ")))
			}
		}
		if len(reachers) == 0 {
			return nil
		}
		signals = append(signals, openclaw.MultiUserSignals(p.Compat, root)...)
		sev := check.Info
		detail := fmt.Sprintf("Agents: %s. tools.sessions.visibility resolves to \"all\" and tools.agentToAgent is enabled without an allow list.\nAgents that can reach other agents' sessions:\n- %s",
			strings.Join(ids, ", "), strings.Join(reachers, "\n- "))
		if len(signals) > 0 {
			sev = check.Warn
			detail += "\nSigns that the agents serve different trust levels:\n- " + strings.Join(signals, "\n- ")
		}
		p.Report(check.Finding{
			Severity: sev,
			Detail:   detail,
			Location: check.At(root.Get("tools", "sessions", "visibility"), "tools.sessions.visibility"),
		})
		return nil
	},
}
