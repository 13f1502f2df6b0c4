package tools

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// ExecHostSandboxNoSandboxDefaults: exec pinned to the sandbox while no
// sandbox runs means every command fails; operators then tend to "fix" it
// by moving exec to the host without approvals.
var ExecHostSandboxNoSandboxDefaults = &check.Check{
	ID:          "tools.exec.host_sandbox_no_sandbox_defaults",
	Severity:    check.Warn,
	Title:       "Exec is pinned to the sandbox but sandboxing is off",
	Remediation: "Turn sandboxing on with agents.defaults.sandbox.mode set to \"non-main\" or \"all\", or point tools.exec.host at \"gateway\" and keep exec approvals in place.",
	Doc:         "tools.exec.host \"sandbox\" runs shell commands inside the Docker sandbox. With agents.defaults.sandbox.mode \"off\" there is no sandbox, so exec fails closed for every agent that inherits the default. The configuration says one thing and does another, which usually ends with exec being moved to the host in a hurry.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		host := root.Get("tools", "exec", "host")
		if s, _ := host.String(); s != "sandbox" || toolpolicy.SandboxMode(root, nil) != "off" {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "tools.exec.host is \"sandbox\" while agents.defaults.sandbox.mode resolves to \"off\"; exec cannot run anywhere for agents using the defaults.",
			Location: check.At(host, "tools.exec.host"),
		})
		return nil
	},
}

// ExecHostSandboxNoSandboxAgents is the same mismatch on roster agents.
var ExecHostSandboxNoSandboxAgents = &check.Check{
	ID:          "tools.exec.host_sandbox_no_sandbox_agents",
	Severity:    check.Warn,
	Title:       "Agents pin exec to the sandbox but run unsandboxed",
	Remediation: "For each listed agent, set its sandbox.mode to \"non-main\" or \"all\", or set its tools.exec.host to \"gateway\" with exec approvals.",
	Doc:         "An agent whose own tools.exec.host is \"sandbox\" while its sandbox mode resolves to \"off\" cannot run any command: exec fails closed. The agent's configuration does not do what its author expected.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		var ids []string
		var first *toolpolicy.Agent
		for _, a := range toolpolicy.Roster(root) {
			if s, _ := a.Value.Get("tools", "exec", "host").String(); s != "sandbox" {
				continue
			}
			if toolpolicy.SandboxMode(root, toolpolicy.FindAgent(root, a.ID)) != "off" {
				continue
			}
			if first == nil {
				a := a
				first = &a
			}
			ids = append(ids, a.ID)
		}
		if len(ids) == 0 {
			return nil
		}
		if len(ids) > 5 {
			ids = ids[:5]
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("tools.exec.host is \"sandbox\" with sandbox mode \"off\" for: %s.", strings.Join(ids, ", ")),
			Location: check.At(first.Value.Get("tools", "exec", "host"),
				first.Path+".tools.exec.host"),
		})
		return nil
	},
}

// ExecSecurityFull: exec security "full" runs any command the model asks
// for, without an allowlist or a prompt.
var ExecSecurityFull = &check.Check{
	ID:          "tools.exec.security_full_configured",
	Severity:    check.Warn,
	Title:       "Exec runs any command without approval (security \"full\")",
	Remediation: "Set tools.exec.security to \"allowlist\" (with ask prompts) and keep \"full\" only on a narrowly scoped break-glass agent; close open DM/group policies that reach it.",
	Doc:         "With tools.exec.security \"full\" the agent may run any shell command on its host without an allowlist or an approval prompt. Anything that can steer the model — including a prompt injection in a message — can then run commands as the gateway user. It is critical when some channel has an open DM or group policy, because then strangers can do the steering.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		var full []string
		for _, s := range openclaw.ExecScopes(p.Compat, root) {
			if s.Security == "full" {
				full = append(full, s.ID)
			}
		}
		if len(full) == 0 {
			return nil
		}
		detail := fmt.Sprintf("Exec security resolves to \"full\" for: %s.", strings.Join(full, ", "))
		sev := check.Warn
		if open := openclaw.OpenExecSurfacePaths(p.Compat, root); len(open) > 0 {
			sev = check.Critical
			detail += " Open DM/group policies reach the gateway at:\n- " + strings.Join(open, "\n- ")
		}
		loc := check.At(root.Get("tools", "exec", "security"), "tools.exec.security")
		if loc == nil {
			loc = check.At(root.Get("tools", "exec", "mode"), "tools.exec.mode")
		}
		p.Report(check.Finding{Severity: sev, Detail: detail, Location: loc})
		return nil
	},
}
