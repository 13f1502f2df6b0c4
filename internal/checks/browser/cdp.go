package browser

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// RemoteCDPHTTP: CDP over plain HTTP to another host sends full browser
// control in clear text.
var RemoteCDPHTTP = &check.Check{
	ID:          "browser.remote_cdp_http",
	Severity:    check.Warn,
	Title:       "Browser profile reaches a remote CDP endpoint over plain HTTP",
	Remediation: "Use an https or wss CDP URL, or reach the remote browser only through a tailnet or an encrypted tunnel.",
	Doc:         "The Chrome DevTools Protocol gives complete control of a browser: pages, cookies, downloads. A profile whose CDP endpoint is on another host and uses http sends that control, and whatever the pages show, unencrypted across the network. Acceptable only on a tailnet or inside an encrypted tunnel. Loopback endpoints are not reported.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorPluginSecurity,
	Run: func(p *check.Pass) error {
		cfg := active(p)
		if cfg == nil {
			return nil
		}
		for i, pr := range cfg.Profiles {
			if pr.Loopback || pr.CDPURL == "" || pr.Protocol != "http" {
				continue
			}
			p.Report(check.Finding{
				Group:    profileGroup(i),
				Detail:   fmt.Sprintf("Browser profile %q uses CDP over plain HTTP at %s.", pr.Name, openclaw.RedactURL(pr.CDPURL)),
				Location: profileLocation(p.Root(), pr.Name),
			})
		}
		return nil
	},
}

// RemoteCDPPrivateHost: with private networks opted in, a CDP endpoint on an
// internal address is trusted network territory.
var RemoteCDPPrivateHost = &check.Check{
	ID:          "browser.remote_cdp_private_host",
	Severity:    check.Warn,
	Title:       "Browser profile drives a CDP endpoint on a private or internal host",
	Remediation: "Prefer a tailnet or tunnel for remote CDP; to block internal targets, set browser.ssrfPolicy.dangerouslyAllowPrivateNetwork to false and list only the hosts you need.",
	Doc:         "When the browser SSRF policy allows private networks (browser.ssrfPolicy.dangerouslyAllowPrivateNetwork, or the legacy allowPrivateNetwork), a profile may drive a browser on a private, link-local, CGNAT or metadata address. That is normal for LAN or WSL setups, but everything on that network segment is then part of the trust boundary.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorPluginSecurity,
	Run: func(p *check.Pass) error {
		cfg := active(p)
		if cfg == nil || !cfg.PrivateNetwork {
			return nil
		}
		for i, pr := range cfg.Profiles {
			if pr.Loopback || pr.CDPURL == "" || !openclaw.BrowserTrustedPrivateHost(pr.Host) {
				continue
			}
			p.Report(check.Finding{
				Group:    profileGroup(i),
				Detail:   fmt.Sprintf("Browser profile %q points at the internal host %s (%s) and private networks are allowed.", pr.Name, pr.Host, openclaw.RedactURL(pr.CDPURL)),
				Location: profileLocation(p.Root(), pr.Name),
			})
		}
		return nil
	},
}

// profileGroup interleaves the per-profile findings as upstream's profile
// loop emits them (both findings of one profile before the next profile),
// after the collector's profile-independent findings (group 0).
func profileGroup(i int) int { return i + 1 }

func profileLocation(root *config.Value, name string) *check.Location {
	if v := root.Get("browser", "profiles", name); v != nil {
		return check.At(v, config.JoinPath("browser", "profiles", name))
	}
	return check.At(root.Get("browser", "cdpUrl"), "browser.cdpUrl")
}
