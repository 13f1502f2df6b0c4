package sandbox

import (
	"fmt"
	"math"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// BrowserCDPBridgeUnrestricted (ours, decision D7): a sandbox browser on
// Docker's default bridge network with no cdpSourceRange accepts CDP
// connections from every container on that bridge.
var BrowserCDPBridgeUnrestricted = &check.Check{
	ID:          "sandbox.browser_cdp_bridge_unrestricted",
	Severity:    check.Warn,
	Title:       "Sandbox browser on the default bridge network accepts CDP from any container",
	Remediation: "Set sandbox.browser.cdpSourceRange to the address range that may reach the browser's DevTools port (for example the sandbox network's subnet), or move the browser to a dedicated network by leaving sandbox.browser.network unset or naming a network of its own.",
	Doc:         "The sandbox browser exposes the Chrome DevTools Protocol, which drives the browser completely: pages, cookies, downloads and JavaScript. On Docker's shared \"bridge\" network every other container on the host can reach that port, and without cdpSourceRange nothing narrows who may connect. The product's default is a dedicated network, openclaw-sandbox-browser; this check fires only when the bridge was chosen and no source range is set. No reference release reports it; the security documentation describes it.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxDanger,
	Run: func(p *check.Pass) error {
		root := p.Root()
		defaults := root.Get("agents", "defaults", "sandbox", "browser")
		type context struct {
			label   string
			mode    string
			browser *config.Value
			path    string
		}
		contexts := []context{{"agents.defaults", openclaw.SandboxDefaultMode(root), nil, "agents.defaults"}}
		for _, a := range openclaw.SandboxRoster(root) {
			contexts = append(contexts, context{a.Label, openclaw.SandboxMode(root, a.Value), a.Value.Get("sandbox", "browser"), a.Path})
		}
		pick := func(agent *config.Value, key string) (*config.Value, string) {
			if v := agent.Get(key); v.Present() {
				return v, "sandbox.browser." + key
			}
			return defaults.Get(key), "agents.defaults.sandbox.browser." + key
		}
		var hits []string
		var loc *check.Location
		for _, c := range contexts {
			if c.mode == "off" {
				continue
			}
			if enabled, _ := pick(c.browser, "enabled"); !enabled.IsTrue() {
				continue
			}
			network, networkPath := pick(c.browser, "network")
			if strings.TrimSpace(network.StringOr("")) != "bridge" {
				continue
			}
			if cdp, _ := pick(c.browser, "cdpSourceRange"); cdp.Trimmed() != "" {
				continue
			}
			hits = append(hits, fmt.Sprintf("%s (sandbox mode %s)", c.label, c.mode))
			if loc == nil {
				if strings.HasPrefix(networkPath, "sandbox.") {
					networkPath = c.path + "." + networkPath
				}
				loc = check.At(network, networkPath)
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("The sandbox browser runs on Docker's \"bridge\" network with no sandbox.browser.cdpSourceRange for: %s.", strings.Join(hits, ", ")),
			Location: loc,
			Group:    math.MaxInt, // after every docker block
		})
		return nil
	},
}
