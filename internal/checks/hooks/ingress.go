package hooks

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// PathRoot: webhooks mounted at "/" sit in front of every other HTTP route.
var PathRoot = &check.Check{
	ID:          "hooks.path_root",
	Severity:    check.Critical,
	Title:       "Webhooks are mounted at the root path",
	Remediation: "Set hooks.path to a dedicated prefix such as \"/hooks\".",
	Doc:         "hooks.path is the URL prefix of the webhook endpoints. At \"/\" the hook handler claims every request path, shadowing the Control UI and the gateway's other HTTP APIs and mixing token-authenticated hook traffic with them.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || in.Path != "/" {
			return nil
		}
		p.Report(check.Finding{
			Detail:   `hooks.path is "/".`,
			Location: check.At(p.Root().Get("hooks", "path"), "hooks.path"),
		})
		return nil
	},
}

// DefaultSessionKeyUnset: without a default session key every hook call
// lands in a fresh, unscoped session.
var DefaultSessionKeyUnset = &check.Check{
	ID:          "hooks.default_session_key_unset",
	Severity:    check.Warn,
	Title:       "Webhook runs have no default session key",
	Remediation: "Set hooks.defaultSessionKey to a fixed key such as \"hook:ingress\".",
	Doc:         "Hook agent runs that do not name a session get a generated key per request. Setting hooks.defaultSessionKey keeps webhook traffic in one known session, which is easier to review and keeps it apart from operator sessions. It matters even when request overrides are off.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || in.DefaultSessionKey != "" {
			return nil
		}
		detail := "hooks.defaultSessionKey is not set."
		if p.Root().Get("hooks").Has("defaultSessionKey") {
			detail = "hooks.defaultSessionKey is blank."
		}
		p.Report(check.Finding{Detail: detail, Location: check.At(p.Root().Get("hooks"), "hooks")})
		return nil
	},
}

// exposedSeverity is warn, raised to critical when the gateway is reachable
// beyond loopback (a non-loopback bind or Tailscale serve/funnel).
func exposedSeverity(p *check.Pass) (check.Severity, string) {
	if openclaw.RemotelyExposed(p.Root()) {
		return check.Critical, " The gateway is reachable from other machines (" + exposure(p) + ")."
	}
	return check.Warn, ""
}

func exposure(p *check.Pass) string {
	if openclaw.BindExposed(p.Root()) {
		return fmt.Sprintf("gateway.bind %q", openclaw.Bind(p.Root()))
	}
	return fmt.Sprintf("gateway.tailscale.mode %q", openclaw.TailscaleMode(p.Root()))
}

// AllowedAgentIDsUnrestricted: hook callers may pick any agent, including
// ones with stronger tools than webhook input deserves.
var AllowedAgentIDsUnrestricted = &check.Check{
	ID:          "hooks.allowed_agent_ids_unrestricted",
	Severity:    check.Warn,
	Title:       "Webhook callers may route to any agent",
	Remediation: "Set hooks.allowedAgentIds to the agents hooks may use (for example [\"hooks\"]), or to [] to refuse explicit agent routing.",
	Doc:         "Hook payloads can name the agent that handles them. When hooks.allowedAgentIds is missing or contains \"*\", a token holder can send webhook input to any agent, including one with exec or elevated tools. Critical when the gateway is reachable from other machines. An empty list denies explicit routing and is fine.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || in.AgentIDsRestricted {
			return nil
		}
		sev, extra := exposedSeverity(p)
		detail := "hooks.allowedAgentIds is not set."
		v := p.Root().Get("hooks", "allowedAgentIds")
		if v.IsArray() {
			detail = `hooks.allowedAgentIds contains "*".`
		}
		loc := check.At(v, "hooks.allowedAgentIds")
		if loc == nil {
			loc = check.At(p.Root().Get("hooks"), "hooks")
		}
		p.Report(check.Finding{Severity: sev, Detail: detail + extra, Location: loc})
		return nil
	},
}

// RequestSessionKeyEnabled: hook payloads choose their own session.
var RequestSessionKeyEnabled = &check.Check{
	ID:          "hooks.request_session_key_enabled",
	Severity:    check.Warn,
	Title:       "Webhook payloads may choose the session key",
	Remediation: "Set hooks.allowRequestSessionKey to false, or limit the keys with hooks.allowedSessionKeyPrefixes (for example [\"hook:\"]).",
	Doc:         "With hooks.allowRequestSessionKey, the /hooks/agent payload decides which session the run joins. A token holder can then write into, and read back from, sessions that belong to other channels or to the operator. Treat token holders as fully trusted or restrict the prefixes. Critical when the gateway is reachable from other machines.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || !in.AllowRequestSessionKey {
			return nil
		}
		sev, extra := exposedSeverity(p)
		p.Report(check.Finding{
			Severity: sev,
			Detail:   "hooks.allowRequestSessionKey is true." + extra,
			Location: check.At(p.Root().Get("hooks", "allowRequestSessionKey"), "hooks.allowRequestSessionKey"),
		})
		return nil
	},
}

// RequestSessionKeyPrefixesMissing: request-chosen session keys with no
// prefix restriction can name any session.
var RequestSessionKeyPrefixesMissing = &check.Check{
	ID:          "hooks.request_session_key_prefixes_missing",
	Severity:    check.Warn,
	Title:       "Request-chosen session keys are not limited to a prefix",
	Remediation: "Set hooks.allowedSessionKeyPrefixes (for example [\"hook:\"]) or turn hooks.allowRequestSessionKey off.",
	Doc:         "When hook payloads may choose the session key, hooks.allowedSessionKeyPrefixes is what keeps them inside a hook-only namespace. Without a non-blank prefix, any session key shape is accepted, including the operator's main session. Critical when the gateway is reachable from other machines.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || !in.AllowRequestSessionKey || len(in.SessionKeyPrefixes) > 0 {
			return nil
		}
		sev, extra := exposedSeverity(p)
		p.Report(check.Finding{
			Severity: sev,
			Detail:   "hooks.allowRequestSessionKey is true and hooks.allowedSessionKeyPrefixes has no non-blank entry." + extra,
			Location: check.At(p.Root().Get("hooks", "allowRequestSessionKey"), "hooks.allowRequestSessionKey"),
		})
		return nil
	},
}
