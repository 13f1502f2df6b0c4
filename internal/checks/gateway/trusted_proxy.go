package gateway

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// trustedProxyMode runs f only when the gateway's resolved auth mode is
// trusted-proxy, handing it gateway.auth.trustedProxy.
func trustedProxyMode(f func(p *check.Pass, tp *config.Value) error) func(*check.Pass) error {
	return func(p *check.Pass) error {
		if openclaw.ResolveAuth(p.Compat, p.Config, p.Env).Mode != "trusted-proxy" {
			return nil
		}
		return f(p, p.Root().Get("gateway", "auth", "trustedProxy"))
	}
}

func modeLocation(p *check.Pass) *check.Location {
	return check.At(p.Root().Get("gateway", "auth", "mode"), "gateway.auth.mode")
}

// TrustedProxyAuth: identity comes from a header the proxy sets.
var TrustedProxyAuth = &check.Check{
	ID:          "gateway.trusted_proxy_auth",
	Severity:    check.Critical,
	Title:       "Gateway delegates authentication to a reverse proxy",
	Remediation: "Keep trusted-proxy mode only behind a proxy that authenticates every request and strips the identity header from clients; bind the gateway where only that proxy can reach it.",
	Doc:         "In trusted-proxy mode the gateway has no secret of its own: it believes the user named in a request header whenever the request comes from an address in gateway.trustedProxies. A misconfigured proxy, a second path to the gateway, or a proxy that passes client headers through hands out operator access.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		p.Report(check.Finding{Detail: "gateway.auth.mode is \"trusted-proxy\".", Location: modeLocation(p)})
		return nil
	}),
}

// TrustedProxyNoProxies: trusted-proxy mode with no proxy to trust.
var TrustedProxyNoProxies = &check.Check{
	ID:          "gateway.trusted_proxy_no_proxies",
	Severity:    check.Critical,
	Title:       "Trusted-proxy mode without trusted proxies",
	Remediation: "List the exact address of the authenticating proxy in gateway.trustedProxies.",
	Doc:         "Trusted-proxy mode only makes sense when the gateway knows which addresses are its proxies. With gateway.trustedProxies empty, the identity header's source cannot be verified, so the mode is misconfigured and authentication is unreliable.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		if len(trustedProxies(p.Root())) > 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "gateway.auth.mode is \"trusted-proxy\" and gateway.trustedProxies is empty.",
			Location: check.At(p.Root().Get("gateway", "trustedProxies"), "gateway.trustedProxies"),
		})
		return nil
	}),
}

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

// TrustedProxyAllowLoopback: loopback callers count as the proxy.
var TrustedProxyAllowLoopback = &check.Check{
	ID:          "gateway.trusted_proxy_allow_loopback",
	Severity:    check.Warn,
	Title:       "Trusted-proxy mode trusts loopback callers",
	Remediation: "Set gateway.auth.trustedProxy.allowLoopback to false unless the proxy runs on this host and nothing else local can reach the gateway.",
	Doc:         "With gateway.auth.trustedProxy.allowLoopback every local process may present the identity header and be believed, so any local program or a browser page reaching localhost can claim to be any user.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: trustedProxyMode(func(p *check.Pass, tp *config.Value) error {
		v := tp.Get("allowLoopback")
		if !v.IsTrue() {
			return nil
		}
		p.Report(check.Finding{Detail: "gateway.auth.trustedProxy.allowLoopback is true.", Location: check.At(v, "gateway.auth.trustedProxy.allowLoopback")})
		return nil
	}),
}

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
