package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// RealIPFallback: the gateway believes X-Real-IP when X-Forwarded-For is
// missing, so a client can claim any address.
var RealIPFallback = &check.Check{
	ID:          "gateway.real_ip_fallback_enabled",
	Severity:    check.Warn,
	Title:       "Gateway falls back to the X-Real-IP header",
	Remediation: "Set gateway.allowRealIpFallback to false unless your proxy always overwrites X-Real-IP, and keep gateway.trustedProxies to exact proxy addresses.",
	Doc:         "With gateway.allowRealIpFallback the gateway takes the client address from X-Real-IP when X-Forwarded-For is absent. A client that reaches the gateway directly, or through a proxy that passes the header on, can then pretend to be local and inherit local trust. It is critical when the gateway is reachable beyond loopback, or in trusted-proxy mode with a proxy entry wider than the local host.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		v := root.Get("gateway", "allowRealIpFallback")
		if !v.IsTrue() {
			return nil
		}
		sev, detail := check.Warn, "gateway.allowRealIpFallback is true on a loopback gateway."
		switch {
		case openclaw.BindExposed(root):
			sev = check.Critical
			detail = "gateway.allowRealIpFallback is true while gateway.bind is \"" + openclaw.Bind(root) + "\"."
		case openclaw.ResolveAuth(p.Compat, p.Config, p.Env).Mode == "trusted-proxy":
			for _, e := range trustedProxies(root) {
				if !strictLoopbackProxy(e) {
					sev = check.Critical
					detail = "gateway.allowRealIpFallback is true in trusted-proxy mode and gateway.trustedProxies trusts more than the local host."
					break
				}
			}
		}
		p.Report(check.Finding{Severity: sev, Detail: detail, Location: check.At(v, "gateway.allowRealIpFallback")})
		return nil
	},
}
