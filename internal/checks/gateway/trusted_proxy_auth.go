package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyAuth: identity comes from a header the proxy sets.
var TrustedProxyAuth = &check.Check{
	ID:          "gateway.trusted_proxy_auth",
	Severity:    check.Critical,
	Title:       "Gateway delegates authentication to a reverse proxy",
	Remediation: "Keep trusted-proxy mode only behind a proxy that authenticates every request and strips the identity header from clients; bind the gateway where only that proxy can reach it.",
	Doc:         "In trusted-proxy mode the gateway has no secret of its own: it believes the user named in a request header whenever the request comes from an address in gateway.trustedProxies. A misconfigured proxy, a second path to the gateway, or a proxy that passes client headers through hands out operator access.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		p.Report(check.Finding{Detail: "gateway.auth.mode is \"trusted-proxy\".", Location: modeLocation(p)})
		return nil
	}),
}
