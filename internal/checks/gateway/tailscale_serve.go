package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// TailscaleServe: Serve makes the gateway reachable from the whole tailnet.
var TailscaleServe = &check.Check{
	ID:          "gateway.tailscale_serve",
	Severity:    check.Info,
	Title:       "Tailscale Serve shares the gateway with the tailnet",
	Remediation: "Make sure every tailnet member and device that can reach this node should reach the gateway; restrict it with Tailscale ACLs, or set gateway.tailscale.mode to \"off\".",
	Doc:         "Tailscale Serve forwards the tailnet's HTTPS traffic to the loopback gateway. It stays off the public internet, but every device and user the tailnet's ACLs allow can reach the gateway, and Tailscale identity may stand in for the gateway secret.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if openclaw.TailscaleMode(root) != "serve" {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "gateway.tailscale.mode is \"serve\".",
			Location: check.At(root.Get("gateway", "tailscale", "mode"), "gateway.tailscale.mode"),
		})
		return nil
	},
}
