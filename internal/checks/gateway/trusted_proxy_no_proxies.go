package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyNoProxies: trusted-proxy mode with no proxy to trust.
var TrustedProxyNoProxies = &check.Check{
	ID:          "gateway.trusted_proxy_no_proxies",
	Severity:    check.Critical,
	Title:       "Trusted-proxy mode without trusted proxies",
	Remediation: "List the exact address of the authenticating proxy in gateway.trustedProxies.",
	Doc:         "Trusted-proxy mode only makes sense when the gateway knows which addresses are its proxies. With gateway.trustedProxies empty, the identity header's source cannot be verified, so the mode is misconfigured and authentication is unreliable.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		if len(trustedProxies(p.Root())) > 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "gateway.auth.mode is \"trusted-proxy\" and gateway.trustedProxies is empty.",
			Location: check.At(p.Root().Get("gateway", "trustedProxies"), "gateway.trustedProxies"),
		})
		return nil
	}),
}
