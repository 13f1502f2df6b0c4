package gateway

import "github.com/clawcheck/clawcheck/internal/check"

// InsecureAuth: the Control UI accepts token-only logins over plain HTTP,
// skipping device identity.
var InsecureAuth = &check.Check{
	ID:          "gateway.control_ui.insecure_auth",
	Severity:    check.Warn,
	Title:       "Control UI allows token-only login without device identity",
	Remediation: "Remove gateway.controlUi.allowInsecureAuth and open the Control UI over HTTPS (for example through Tailscale Serve) or from localhost.",
	Doc:         "gateway.controlUi.allowInsecureAuth (a 2026.4-era key) lets the Control UI connect over plain HTTP with only the shared token, without the per-device identity and pairing that secure contexts use. Anyone who sees the token on the wire can then operate the gateway from any browser.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		v := p.Root().Get("gateway", "controlUi", "allowInsecureAuth")
		if !v.IsTrue() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.controlUi.allowInsecureAuth is true.", Location: check.At(v, "gateway.controlUi.allowInsecureAuth")})
		return nil
	},
}
