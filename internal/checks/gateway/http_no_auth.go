package gateway

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// HTTPNoAuth: the gateway's HTTP APIs answer without a secret.
var HTTPNoAuth = &check.Check{
	ID:          "gateway.http.no_auth",
	Severity:    check.Warn,
	Title:       "Gateway HTTP APIs accept unauthenticated requests",
	Remediation: "Configure gateway.auth.mode \"token\" with a token (or \"password\" with a password) that the gateway can actually resolve; if you keep auth off on purpose, bind to loopback and switch optional HTTP endpoints off.",
	Doc:         "The gateway's HTTP surface (/tools/invoke and, when enabled, the OpenAI-compatible /v1/chat/completions and /v1/responses endpoints) runs tools and agent turns. Without a usable shared secret any caller that reaches the port can use them. 2026.4 reports only auth mode \"none\"; 2026.9 also reports token or password modes with no secret to check. It is critical when the gateway is reachable beyond loopback or through Tailscale.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHTTPNoAuth,
	Run: func(p *check.Pass) error {
		root := p.Root()
		auth := openclaw.ResolveAuth(p.Compat, p.Config, p.Env)
		var why string
		switch {
		case p.Compat.Is414():
			if auth.Mode != "none" {
				return nil
			}
			why = "gateway.auth.mode is \"none\""
		case auth.Mode == "trusted-proxy":
			return nil
		case auth.Mode == "token" && auth.Token == "":
			why = "gateway.auth.mode resolves to token but no token is available"
		case auth.Mode == "password" && auth.Password == "":
			why = "gateway.auth.mode resolves to password but no password is available"
		case auth.Mode == "token" || auth.Mode == "password":
			return nil
		default:
			why = fmt.Sprintf("gateway.auth.mode is %q", auth.Mode)
		}
		endpoints := []string{"/tools/invoke"}
		ep := root.Get("gateway", "http", "endpoints")
		if ep.Get("chatCompletions", "enabled").IsTrue() {
			endpoints = append(endpoints, "/v1/chat/completions")
		}
		if ep.Get("responses", "enabled").IsTrue() {
			endpoints = append(endpoints, "/v1/responses")
		}
		if p.Compat.Is96() && root.Get("plugins", "entries", "admin-http-rpc", "enabled").IsTrue() {
			endpoints = append(endpoints, "/api/v1/admin/rpc")
		}
		sev := check.Warn
		if openclaw.RemotelyExposed(root) {
			sev = check.Critical
		}
		p.Report(check.Finding{
			Severity: sev,
			Detail:   fmt.Sprintf("%s, so %s can be called without a shared secret.", why, strings.Join(endpoints, ", ")),
			Location: check.At(root.Get("gateway", "auth", "mode"), "gateway.auth.mode"),
		})
		return nil
	},
}
