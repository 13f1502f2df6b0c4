// Package browser holds the checks of the browser control plugin's security
// collector: its config, its auth and its remote CDP endpoints.
//
// When the collector runs follows the compatibility profile (decision D1):
// profile 2026.4 runs it in the plain audit whenever the browser plugin is
// requested, as 2026.4.14 does; profile 2026.9 runs it only with --deep,
// with 2026.9.6's rules (the browser plugin is on by default there).
package browser

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// Checks is this family's list, in collector order.
var Checks = []*check.Check{
	ControlInvalidConfig, ExtensionRelayLegacyAuth, ControlNoAuth, RemoteCDPHTTP, RemoteCDPPrivateHost,
	SecurityAuditFailed,
}

// evaluation is what the collector sees in one audit.
type evaluation struct {
	cfg *openclaw.BrowserConfig
	// invalid is the resolution error behind browser.control_invalid_config.
	invalid error
	// failed is a profile that cannot be resolved: upstream's collector
	// throws on it after the config resolved, losing all its findings.
	failed error
}

// evaluate returns nil when the collector does not run at all.
func evaluate(p *check.Pass) *evaluation {
	root := p.Root()
	if p.Compat.Is96() {
		if !p.Options.Deep || !openclaw.BrowserPluginLoads(root) {
			return nil
		}
	} else if !openclaw.BrowserPluginRequested(root) {
		return nil
	}
	cfg, err := openclaw.ResolveBrowserConfig(p.Compat, root, p.Env)
	if err != nil {
		return &evaluation{invalid: err}
	}
	ev := &evaluation{cfg: cfg}
	if cfg.Enabled {
		for _, pr := range cfg.Profiles {
			if pr.Err != nil {
				ev.failed = pr.Err
				break
			}
		}
	}
	return ev
}

// active returns the resolved config when the per-finding checks apply: the
// collector runs, the config resolved, the browser is enabled and no
// profile makes the collector fail.
func active(p *check.Pass) *openclaw.BrowserConfig {
	ev := evaluate(p)
	if ev == nil || ev.cfg == nil || !ev.cfg.Enabled || ev.failed != nil {
		return nil
	}
	return ev.cfg
}
