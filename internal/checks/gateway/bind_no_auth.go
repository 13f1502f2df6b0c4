package gateway

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// BindNoAuth: a gateway listening beyond loopback with nothing to
// authenticate clients hands its WebSocket, Control UI and HTTP APIs to
// anyone on the network.
var BindNoAuth = &check.Check{
	ID:          "gateway.bind_no_auth",
	Severity:    check.Critical,
	Title:       "Gateway listens beyond loopback without authentication",
	Remediation: "Set gateway.auth.mode to \"token\" with a long random gateway.auth.token (or \"password\" with gateway.auth.password), or bind the gateway to loopback with gateway.bind: \"loopback\".",
	Doc:         "When gateway.bind is anything other than \"loopback\" (lan, tailnet, auto, custom) the gateway accepts connections from other machines. Without a token, a password or trusted-proxy identity, any of them can drive the agent, read sessions and run tools. A token or password stored as an unresolved SecretRef still counts as configured.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if !openclaw.BindExposed(root) {
			return nil
		}
		auth := openclaw.ResolveAuth(p.Compat, p.Config, p.Env)
		if auth.HasAuth {
			return nil
		}
		// 2026.4.14 exempts trusted-proxy mode here; its own checks cover it.
		if p.Compat.Is414() && auth.Mode == "trusted-proxy" {
			return nil
		}
		mode := auth.ExplicitMode
		if mode == "" {
			mode = "unset"
		}
		bind := root.Get("gateway", "bind")
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("gateway.bind is %q and no shared secret is configured (gateway.auth.mode: %s).", openclaw.Bind(root), mode),
			Location: check.At(bind, "gateway.bind"),
		})
		return nil
	},
}
