package browser

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// ControlInvalidConfig: a browser config the plugin cannot resolve leaves
// browser control in an unknown state.
var ControlInvalidConfig = &check.Check{
	ID:          "browser.control_invalid_config",
	Severity:    check.Warn,
	Title:       "Browser control settings cannot be resolved",
	Remediation: "Correct the browser settings named in the detail (browser.cdpUrl must be an http, https, ws or wss URL with a valid port) and audit again.",
	Doc:         "The browser plugin resolves browser.* (CDP URL, port ranges, profiles) before anything else. When that fails, none of the other browser checks can run, so problems such as a remote plain-HTTP CDP endpoint stay hidden until the settings are fixed.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorPluginSecurity,
	Run: func(p *check.Pass) error {
		ev := evaluate(p)
		if ev == nil || ev.invalid == nil {
			return nil
		}
		p.Report(check.Finding{
			Detail:   ev.invalid.Error() + ".",
			Location: check.At(p.Root().Get("browser"), "browser"),
		})
		return nil
	},
}

// ExtensionRelayLegacyAuth: the legacy relay auth accepts old, weaker
// client credentials. Only profile 2026.9 with --deep reports it.
var ExtensionRelayLegacyAuth = &check.Check{
	ID:          "browser.extension_relay_legacy_auth",
	Severity:    check.Warn,
	Title:       "Browser extension relay still accepts legacy authentication",
	Remediation: "Move the Chrome extension and CDP clients to the current relay authentication, then set browser.extensionRelay.allowLegacyAuth to false.",
	Doc:         "2026.9.6's extension relay keeps accepting the old Bearer, Basic and token-subprotocol credentials for a migration window; browser.extensionRelay.allowLegacyAuth defaults to true. Those older schemes are easier to replay or leak. Only the 2026.9 profile reports it, with --deep (decision D1).",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorPluginSecurity,
	Run: func(p *check.Pass) error {
		cfg := active(p)
		if cfg == nil || !cfg.LegacyRelayAuth {
			return nil
		}
		v := p.Root().Get("browser", "extensionRelay", "allowLegacyAuth")
		detail := "browser.extensionRelay.allowLegacyAuth is not set and defaults to true."
		if v.Present() {
			detail = fmt.Sprintf("browser.extensionRelay.allowLegacyAuth is %s.", describe(v))
		}
		p.Report(check.Finding{Detail: detail, Location: check.At(v, "browser.extensionRelay.allowLegacyAuth")})
		return nil
	},
}

func describe(v *config.Value) string {
	switch {
	case v.IsTrue():
		return "true"
	case v.IsFalse():
		return "false"
	}
	if s, ok := v.String(); ok {
		return fmt.Sprintf("%q", s)
	}
	return "set to a non-boolean value"
}

// ControlNoAuth: browser control with no gateway secret lets any local
// process drive a logged-in browser.
var ControlNoAuth = &check.Check{
	ID:          "browser.control_no_auth",
	Severity:    check.Critical,
	Title:       "Browser control routes have no authentication",
	Remediation: "Set gateway.auth.token to a long random value (or gateway.auth.password with gateway.auth.mode \"password\"); browser control then requires it.",
	Doc:         "Browser control exposes HTTP routes that open pages, read them and act in the browser profile the agent uses, often one with logged-in sessions. They are protected by the gateway's token or password. With neither configured (in the config or the OPENCLAW_GATEWAY_TOKEN / OPENCLAW_GATEWAY_PASSWORD environment), any local process, or a request forged to loopback through SSRF, can operate that browser.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorPluginSecurity,
	Run: func(p *check.Pass) error {
		if active(p) == nil || openclaw.BrowserControlAuthConfigured(p.Config, p.Env) {
			return nil
		}
		mode := p.Root().Get("gateway", "auth", "mode").StringOr("")
		if mode == "" {
			mode = "unset"
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("Browser control is enabled and no gateway token or password is configured (gateway.auth.mode: %s).", mode),
			Location: check.At(p.Root().Get("browser"), "browser"),
		})
		return nil
	},
}

// SecurityAuditFailed: a plugin security collector that throws hides all of
// its findings. Only the browser plugin has one, and it throws on a profile
// that cannot be resolved.
var SecurityAuditFailed = &check.Check{
	ID:          "plugins.<id>.security_audit_failed",
	Severity:    check.Warn,
	Title:       "A plugin's security checks could not run",
	Remediation: "Fix the setting named in the detail so the plugin's security checks can run, then audit again.",
	Doc:         "Plugins may contribute their own security checks. When one of them fails on the installation's settings, none of its findings are produced, so its risks go unreported. For the browser plugin this happens when a browser profile has neither cdpPort nor cdpUrl, or an unusable cdpUrl.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorPluginSecurity,
	Run: func(p *check.Pass) error {
		ev := evaluate(p)
		if ev == nil || ev.failed == nil {
			return nil
		}
		p.Report(check.Finding{
			CheckID:  "plugins.browser.security_audit_failed",
			Detail:   "The browser plugin's security checks stopped: " + ev.failed.Error() + ".",
			Location: check.At(p.Root().Get("browser", "profiles"), "browser.profiles"),
		})
		return nil
	},
}
