package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyNoUserHeader: trusted-proxy mode without an identity header.
var TrustedProxyNoUserHeader = &check.Check{
	ID:          "gateway.trusted_proxy_no_user_header",
	Severity:    check.Critical,
	Title:       "Trusted-proxy mode without a user header",
	Remediation: "Set gateway.auth.trustedProxy.userHeader to the header your proxy fills with the authenticated user (for example \"x-forwarded-user\").",
	Doc:         "Trusted-proxy mode identifies users by a header the proxy sets. Without gateway.auth.trustedProxy.userHeader there is no identity to check, so the mode cannot authenticate anyone correctly. Both releases' schemas reject such a config; clawcheck audits it anyway.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		if tp.Get("userHeader").Truthy() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.auth.trustedProxy.userHeader is not set.", Location: modeLocation(p)})
		return nil
	}),
}
