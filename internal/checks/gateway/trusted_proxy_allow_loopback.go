package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyAllowLoopback: loopback callers count as the proxy.
var TrustedProxyAllowLoopback = &check.Check{
	ID:          "gateway.trusted_proxy_allow_loopback",
	Severity:    check.Warn,
	Title:       "Trusted-proxy mode trusts loopback callers",
	Remediation: "Set gateway.auth.trustedProxy.allowLoopback to false unless the proxy runs on this host and nothing else local can reach the gateway.",
	Doc:         "With gateway.auth.trustedProxy.allowLoopback every local process may present the identity header and be believed, so any local program or a browser page reaching localhost can claim to be any user.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		v := tp.Get("allowLoopback")
		if !v.IsTrue() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.auth.trustedProxy.allowLoopback is true.", Location: check.At(v, "gateway.auth.trustedProxy.allowLoopback")})
		return nil
	}),
}
