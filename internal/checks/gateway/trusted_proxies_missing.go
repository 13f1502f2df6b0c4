package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// TrustedProxiesMissing: a loopback gateway with the Control UI on and no
// trustedProxies cannot tell a reverse proxy's forwarded clients from local ones.
var TrustedProxiesMissing = &check.Check{
	ID:          "gateway.trusted_proxies_missing",
	Severity:    check.Warn,
	Title:       "No trusted proxies declared for the loopback gateway",
	Remediation: "If a reverse proxy on this host fronts the gateway, list its address in gateway.trustedProxies (for example [\"127.0.0.1\"]); if nothing proxies it, accept this finding.",
	Doc:         "A gateway bound to loopback treats connections as local. When a reverse proxy on the same host forwards remote users, every request arrives from 127.0.0.1; without gateway.trustedProxies the gateway ignores the forwarded client headers and may grant remote browsers the trust it gives local ones. Declaring the proxy makes the gateway read the real client address.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if openclaw.BindExposed(root) || !controlUIEnabled(root) || len(trustedProxies(root)) > 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "gateway.bind is loopback, the Control UI is enabled and gateway.trustedProxies is empty.",
			Location: check.At(root.Get("gateway", "trustedProxies"), "gateway.trustedProxies"),
		})
		return nil
	},
}
