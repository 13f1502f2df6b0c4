package gateway

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyDeviceAutoApproveAdmin: auto-approved devices get admin scope.
var TrustedProxyDeviceAutoApproveAdmin = &check.Check{
	ID:          "gateway.trusted_proxy_device_auto_approve_admin",
	Severity:    check.Critical,
	Title:       "Auto-approved devices receive operator.admin",
	Remediation: "Remove \"operator.admin\" from gateway.auth.trustedProxy.deviceAutoApprove.scopes; grant admin to reviewed devices only.",
	Doc:         "When device auto-approval includes the operator.admin scope, anyone who passes the proxy once gets a paired device with full administrative control of the gateway, with no human in the loop.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		if !tp.Get("deviceAutoApprove", "enabled").IsTrue() {
			return nil
		}
		scopes := tp.Get("deviceAutoApprove", "scopes")
		for i, s := range scopes.Items() {
			if str, ok := s.String(); ok && strings.TrimSpace(str) == "operator.admin" {
				p.Report(check.Finding{
					Detail:   "gateway.auth.trustedProxy.deviceAutoApprove.scopes includes \"operator.admin\".",
					Location: check.At(scopes.Index(i), "gateway.auth.trustedProxy.deviceAutoApprove.scopes"),
				})
				return nil
			}
		}
		return nil
	}),
}
