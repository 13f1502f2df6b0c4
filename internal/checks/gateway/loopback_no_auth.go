package gateway

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// LoopbackNoAuth: a loopback gateway without a shared secret trusts every
// local process and every request a local proxy forwards.
var LoopbackNoAuth = &check.Check{
	ID:          "gateway.loopback_no_auth",
	Severity:    check.Critical,
	Title:       "Loopback gateway has no authentication",
	Remediation: "Set gateway.auth.mode to \"token\" with a long random gateway.auth.token (or \"password\" with gateway.auth.password), even on loopback.",
	Doc:         "Loopback is not a security boundary: any local process, any browser page that can reach localhost, and any reverse proxy on the host can talk to the gateway. Without a token, a password or Tailscale Serve identity, they all get full control of the Control UI and the agent.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if openclaw.BindExposed(root) || !controlUIEnabled(root) {
			return nil
		}
		auth := openclaw.ResolveAuth(p.Compat, p.Config, p.Env)
		if auth.HasAuth || (allowTailscale(root, auth) && openclaw.TailscaleMode(root) == "serve") {
			return nil
		}
		mode := auth.ExplicitMode
		if mode == "" {
			mode = "unset"
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("gateway.bind is loopback with the Control UI enabled and no usable gateway secret (gateway.auth.mode: %s).", mode),
			Location: check.At(root.Get("gateway", "auth", "mode"), "gateway.auth.mode"),
		})
		return nil
	},
}
