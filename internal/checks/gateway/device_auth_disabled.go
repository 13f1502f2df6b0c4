package gateway

import "github.com/clawcheck/clawcheck/internal/check"

// DeviceAuthDisabled: the Control UI skips device identity checks entirely.
var DeviceAuthDisabled = &check.Check{
	ID:          "gateway.control_ui.device_auth_disabled",
	Severity:    check.Critical,
	Title:       "Control UI device authentication is switched off",
	Remediation: "Remove gateway.controlUi.dangerouslyDisableDeviceAuth (or set it to false) and pair browsers as devices.",
	Doc:         "gateway.controlUi.dangerouslyDisableDeviceAuth makes the 2026.4 gateway accept Control UI connections without device identity or pairing, so possession of the shared secret alone is full operator access from any browser. 2026.9 ignores the key; under that profile it is not reported.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		if !p.Compat.Is414() {
			return nil
		}
		v := p.Root().Get("gateway", "controlUi", "dangerouslyDisableDeviceAuth")
		if !v.IsTrue() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.controlUi.dangerouslyDisableDeviceAuth is true.", Location: check.At(v, "gateway.controlUi.dangerouslyDisableDeviceAuth")})
		return nil
	},
}
