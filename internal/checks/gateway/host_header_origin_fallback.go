package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// HostHeaderOriginFallback: the Control UI trusts the request's own Host
// header as its origin, which an attacker controls.
var HostHeaderOriginFallback = &check.Check{
	ID:          "gateway.control_ui.host_header_origin_fallback",
	Severity:    check.Warn,
	Title:       "Control UI derives its allowed origin from the Host header",
	Remediation: "Set gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback to false and list the real origins in gateway.controlUi.allowedOrigins.",
	Doc:         "With dangerouslyAllowHostHeaderOriginFallback the Control UI accepts a browser origin that matches the Host header of the same request. Both come from the client, so DNS rebinding and crafted requests pass the origin check. It is critical when the gateway is reachable beyond loopback.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		v := root.Get("gateway", "controlUi", "dangerouslyAllowHostHeaderOriginFallback")
		if !v.IsTrue() {
			return nil
		}
		sev, detail := check.Warn, "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback is true on a loopback gateway."
		if openclaw.BindExposed(root) {
			sev = check.Critical
			detail = "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback is true while gateway.bind is \"" + openclaw.Bind(root) + "\"."
		}
		p.Report(check.Finding{Severity: sev, Detail: detail, Location: check.At(v, "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback")})
		return nil
	},
}
