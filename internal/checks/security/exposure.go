package security

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// openPolicies returns the open inbound policies, their detail lines and
// the location of the first one.
func openPolicies(p *check.Pass) ([]openclaw.PolicyPath, string, *check.Location) {
	open := openclaw.OpenInboundPolicies(p.Compat, p.Root())
	if len(open) == 0 {
		return nil, "", nil
	}
	var lines []string
	for _, o := range open {
		lines = append(lines, "- "+o.Path+"=\"open\"")
	}
	return open, strings.Join(lines, "\n"), check.At(open[0].Value, open[0].Path)
}

// policyScope names what counts as open under the profile (decision D4).
func policyScope(compat check.Compat) string {
	if compat.Is96() {
		return "DM or group policies"
	}
	return "group policies"
}

// OpenChannelsWithExec: a channel anyone can write to reaches an agent
// that may run shell commands.
var OpenChannelsWithExec = &check.Check{
	ID:          "security.exposure.open_channels_with_exec",
	Severity:    check.Warn,
	Title:       "Open channels reach agents that can run commands",
	Remediation: "Change the listed dmPolicy/groupPolicy values to \"pairing\" or \"allowlist\", or set tools.exec.security to \"deny\" for agents that shared or public channels reach.",
	Doc:         "A DM or group policy of \"open\" lets anyone on that channel talk to the agent. When exec is enabled (security other than \"deny\") those strangers can try to talk the model into running commands; with security \"full\" nothing stands in the way. Note that an unset tools.exec.security is read as \"deny\" here, as the reference does, although host exec defaults to \"full\" at runtime.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		paths := openclaw.OpenExecSurfacePaths(p.Compat, root)
		if len(paths) == 0 {
			return nil
		}
		var enabled []string
		full := false
		for _, s := range openclaw.ExecScopes(p.Compat, root) {
			if s.Security == "deny" {
				continue
			}
			if s.Security == "full" {
				full = true
			}
			enabled = append(enabled, fmt.Sprintf("%s: security=%s, host=%s", s.ID, s.Security, s.Host))
		}
		if len(enabled) == 0 {
			return nil
		}
		sev := check.Warn
		if full {
			sev = check.Critical
		}
		p.Report(check.Finding{
			Severity: sev,
			Detail: "Open DM/group policies:\n- " + strings.Join(paths, "\n- ") +
				"\nExec is enabled in:\n- " + strings.Join(enabled, "\n- "),
		})
		return nil
	},
}

// OpenGroupsWithElevated: open conversations plus elevated mode.
var OpenGroupsWithElevated = &check.Check{
	ID:          "security.exposure.open_groups_with_elevated",
	Severity:    check.Critical,
	Title:       "Open conversations coexist with elevated execution",
	Remediation: "Change the listed policies to \"allowlist\" (or \"pairing\" for DMs) and keep tools.elevated.allowFrom to a handful of operators, or set tools.elevated.enabled to false.",
	Doc:         "Elevated mode lets approved senders run commands outside the sandbox. When some group (or, under the 2026.9 profile, some DM) is open to anyone, a prompt injection from that conversation is one step away from elevated execution: the only remaining barrier is the elevated allowlist.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExposure,
	Run: func(p *check.Pass) error {
		open, lines, loc := openPolicies(p)
		if len(open) == 0 || p.Root().Get("tools", "elevated", "enabled").IsFalse() {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("Open %s:\n%s\ntools.elevated is not disabled.", policyScope(p.Compat), lines),
			Location: loc,
		})
		return nil
	},
}

// riskyContext is a tool context where runtime or fs tools are unguarded.
type riskyContext struct {
	line    string
	runtime bool
}

// riskyContexts lists the contexts whose runtime tools run outside a full
// sandbox, or whose file tools do while not confined to the workspace.
func riskyContexts(compat check.Compat, root *config.Value) []riskyContext {
	var out []riskyContext
	for _, ctx := range toolpolicy.Contexts(compat, root) {
		pol := toolpolicy.Resolve(compat, root, ctx.Agent, toolpolicy.Options{})
		runtime := pol.Filter("exec", "process")
		fs := pol.Filter("read", "write", "edit", "apply_patch")
		wsOnly := ctx.Agent.Tools().Get("fs", "workspaceOnly")
		if !wsOnly.Present() {
			wsOnly = root.Get("tools", "fs", "workspaceOnly")
		}
		runtimeUnguarded := len(runtime) > 0 && ctx.SandboxMode != "all"
		fsUnguarded := len(fs) > 0 && ctx.SandboxMode != "all" && !wsOnly.IsTrue()
		if !runtimeUnguarded && !fsUnguarded {
			continue
		}
		out = append(out, riskyContext{
			line: fmt.Sprintf("%s (sandbox=%s; runtime=[%s]; fs=[%s]; fs.workspaceOnly=%t)",
				ctx.Label, ctx.SandboxMode, listOrOff(runtime), listOrOff(fs), wsOnly.IsTrue()),
			runtime: runtimeUnguarded,
		})
	}
	return out
}

func listOrOff(l []string) string {
	if len(l) == 0 {
		return "off"
	}
	return strings.Join(l, ", ")
}

// OpenGroupsWithRuntimeOrFS: open conversations reach shell or file tools
// that no sandbox contains.
var OpenGroupsWithRuntimeOrFS = &check.Check{
	ID:          "security.exposure.open_groups_with_runtime_or_fs",
	Severity:    check.Warn,
	Title:       "Open conversations reach unsandboxed shell or file tools",
	Remediation: "For agents that open conversations reach, deny group:runtime and group:fs (or use tools.profile \"messaging\"), set tools.fs.workspaceOnly to true, and run them with agents.defaults.sandbox.mode \"all\"; or close the open policies.",
	Doc:         "When anyone can talk to the agent, its tools are only as safe as the model's judgement. exec and process outside a full sandbox run on the host (critical); read, write, edit and apply_patch outside a full sandbox and without tools.fs.workspaceOnly reach any file the gateway user can (warn).",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExposure,
	Run: func(p *check.Pass) error {
		open, lines, loc := openPolicies(p)
		if len(open) == 0 {
			return nil
		}
		risky := riskyContexts(p.Compat, p.Root())
		if len(risky) == 0 {
			return nil
		}
		sev := check.Warn
		var ctxLines []string
		for _, r := range risky {
			if r.runtime {
				sev = check.Critical
			}
			ctxLines = append(ctxLines, "- "+r.line)
		}
		p.Report(check.Finding{
			Severity: sev,
			Detail: fmt.Sprintf("Open %s:\n%s\nContexts with unguarded tools:\n%s",
				policyScope(p.Compat), lines, strings.Join(ctxLines, "\n")),
			Location: loc,
		})
		return nil
	},
}

// controlPlaneTools are the tools that change the gateway itself.
func controlPlaneTools(compat check.Compat) []string {
	if compat.Is96() {
		return []string{"automations", "gateway", "plugins"}
	}
	// 2026.4.14 names the scheduler "cron" and has no plugins tool.
	return []string{"cron", "gateway"}
}

// OpenGroupsWithControlPlaneTools: open conversations reach tools that
// reconfigure, update or schedule work on the gateway.
var OpenGroupsWithControlPlaneTools = &check.Check{
	ID:          "security.exposure.open_groups_with_control_plane_tools",
	Severity:    check.Critical,
	Title:       "Open conversations reach gateway control-plane tools",
	Remediation: "Add the control-plane tools (automations or cron, gateway, plugins) to tools.deny — or to each exposed agent's tools.deny. Changing tools.profile alone is not enough: the minimal, messaging and coding profiles all keep gateway. Tighten the open policies to pairing or allowlist where possible.",
	Doc:         "The gateway, plugins and automations (cron) tools let the agent change the gateway's configuration, install or update plugins and schedule work. Reachable from an open DM or group, a prompt injection can persist itself or widen its own access. 2026.9.6 reports this; clawcheck reports it under both profiles.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExposure,
	Run: func(p *check.Pass) error {
		open, lines, loc := openPolicies(p)
		if len(open) == 0 {
			return nil
		}
		root := p.Root()
		var ctxLines []string
		for _, ctx := range toolpolicy.Contexts(p.Compat, root) {
			pol := toolpolicy.Resolve(p.Compat, root, ctx.Agent, toolpolicy.Options{})
			allowed := pol.Filter(controlPlaneTools(p.Compat)...)
			if len(allowed) == 0 {
				continue
			}
			profile := ctx.Agent.Tools().Get("profile")
			if !profile.Present() {
				profile = root.Get("tools", "profile")
			}
			ctxLines = append(ctxLines, fmt.Sprintf("- %s (profile=%s; control-plane=[%s])",
				ctx.Label, profile.StringOr("none"), strings.Join(allowed, ", ")))
		}
		if len(ctxLines) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("Open %s:\n%s\nContexts allowing control-plane tools:\n%s",
				policyScope(p.Compat), lines, strings.Join(ctxLines, "\n")),
			Location: loc,
		})
		return nil
	},
}
