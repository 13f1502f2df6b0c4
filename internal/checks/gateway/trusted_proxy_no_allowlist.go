package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// TrustedProxyNoAllowlist: every user the proxy authenticates is admitted.
var TrustedProxyNoAllowlist = &check.Check{
	ID:          "gateway.trusted_proxy_no_allowlist",
	Severity:    check.Warn,
	Title:       "Trusted-proxy mode admits every proxy user",
	Remediation: "List the users who may operate the gateway in gateway.auth.trustedProxy.allowUsers.",
	Doc:         "Without gateway.auth.trustedProxy.allowUsers, anyone your identity provider authenticates (a whole organisation, or every account of a public provider) gets operator access to the gateway.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		if tp.Get("allowUsers").Len() > 0 && tp.Get("allowUsers").IsArray() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.auth.trustedProxy.allowUsers is empty or not set.", Location: modeLocation(p)})
		return nil
	}),
}
