package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyDeviceAutoApprove: proxy-authenticated users' devices are
// paired without an operator.
var TrustedProxyDeviceAutoApprove = &check.Check{
	ID:          "gateway.trusted_proxy_device_auto_approve",
	Severity:    check.Warn,
	Title:       "Devices behind the trusted proxy are approved automatically",
	Remediation: "Set gateway.auth.trustedProxy.deviceAutoApprove.enabled to false and approve new devices by hand.",
	Doc:         "Device auto-approval pairs every new device of a proxy-authenticated user without review. A stolen proxy session or a spoofed header then yields a durable, paired device.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		v := tp.Get("deviceAutoApprove", "enabled")
		if !v.IsTrue() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.auth.trustedProxy.deviceAutoApprove.enabled is true.", Location: check.At(v, "gateway.auth.trustedProxy.deviceAutoApprove.enabled")})
		return nil
	}),
}
