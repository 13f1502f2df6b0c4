package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// AllowedOriginsWildcard: "*" in the Control UI's allowed origins admits
// every web site.
var AllowedOriginsWildcard = &check.Check{
	ID:          "gateway.control_ui.allowed_origins_wildcard",
	Severity:    check.Warn,
	Title:       "Control UI accepts browser connections from any origin",
	Remediation: "Replace \"*\" in gateway.controlUi.allowedOrigins with the exact origins that serve the Control UI.",
	Doc:         "An allowed origin of \"*\" switches the Control UI's cross-origin protection off: a page on any web site a user visits can open the gateway WebSocket from that user's browser. It is critical when the gateway is reachable beyond loopback.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		list := root.Get("gateway", "controlUi", "allowedOrigins")
		for _, o := range allowedOrigins(root) {
			if o != "*" {
				continue
			}
			sev, detail := check.Warn, "gateway.controlUi.allowedOrigins contains \"*\" on a loopback gateway."
			if openclaw.BindExposed(root) {
				sev = check.Critical
				detail = "gateway.controlUi.allowedOrigins contains \"*\" while gateway.bind is \"" + openclaw.Bind(root) + "\"."
			}
			p.Report(check.Finding{Severity: sev, Detail: detail, Location: check.At(list, "gateway.controlUi.allowedOrigins")})
			return nil
		}
		return nil
	},
}
