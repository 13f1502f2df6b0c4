package gateway

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// AllowedOriginsRequired: an exposed Control UI with no origin allowlist
// cannot refuse cross-site browser connections.
var AllowedOriginsRequired = &check.Check{
	ID:          "gateway.control_ui.allowed_origins_required",
	Severity:    check.Critical,
	Title:       "Exposed Control UI has no allowed origins",
	Remediation: "List the exact browser origins that may open the Control UI in gateway.controlUi.allowedOrigins (for example [\"https://gateway.example.ts.net\"]), or disable the Control UI with gateway.controlUi.enabled: false.",
	Doc:         "The Control UI's WebSocket checks the browser's Origin header against gateway.controlUi.allowedOrigins. On a gateway reachable from the network with no allowed origins (and no Host-header fallback), there is no origin policy to enforce, so a page on any site can try to drive the gateway from a visitor's browser. 2026.4.14's loader fills in localhost origins for lan, tailnet, custom and auto binds, so that release never reports this.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if !openclaw.BindExposed(root) || !controlUIEnabled(root) || len(allowedOrigins(root)) > 0 ||
			root.Get("gateway", "controlUi", "dangerouslyAllowHostHeaderOriginFallback").IsTrue() {
			return nil
		}
		bind := openclaw.Bind(root)
		if p.Compat.Is414() {
			// The 2026.4.14 loader seeds localhost origins for these binds
			// before any check sees the config.
			switch bind {
			case "lan", "tailnet", "custom", "auto":
				return nil
			}
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("gateway.bind is %q, the Control UI is enabled and gateway.controlUi.allowedOrigins has no entry.", bind),
			Location: check.At(root.Get("gateway", "bind"), "gateway.bind"),
		})
		return nil
	},
}
