package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// TailscaleFunnel: Funnel publishes the gateway on the public internet.
var TailscaleFunnel = &check.Check{
	ID:          "gateway.tailscale_funnel",
	Severity:    check.Critical,
	Title:       "Tailscale Funnel publishes the gateway on the internet",
	Remediation: "Set gateway.tailscale.mode to \"serve\" (tailnet only) or \"off\"; if public access is really needed, keep strong token or password auth and a rate limit.",
	Doc:         "Tailscale Funnel gives the gateway a public HTTPS address reachable by anyone on the internet, not just tailnet members. Every gateway surface, including the Control UI and HTTP APIs, is then one leaked or guessed secret away from an attacker.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if openclaw.TailscaleMode(root) != "funnel" {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "gateway.tailscale.mode is \"funnel\".",
			Location: check.At(root.Get("gateway", "tailscale", "mode"), "gateway.tailscale.mode"),
		})
		return nil
	},
}
