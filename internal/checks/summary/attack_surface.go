// Package summary holds the always-on attack-surface overview.
package summary

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// Checks is this family's list, in collector order.
var Checks = []*check.Check{AttackSurface}

// AttackSurface is the first finding of every audit: an inventory of what is
// reachable, so a reader sees the exposure before the individual problems.
var AttackSurface = &check.Check{
	ID:        "summary.attack_surface",
	Severity:  check.Info,
	Title:     "Attack surface overview",
	Doc:       "Lists the entry points an attacker could reach through this installation: how many channel group policies are open or allowlisted, and whether elevated tools, webhooks, internal hooks and browser control are on. It always appears, so the scale of exposure is visible before the individual findings. OpenClaw assumes one trusted operator per gateway; people who do not trust each other need separate gateways.",
	Needs:     check.NeedsConfig,
	Collector: check.CollectorSummary,
	Always:    true,
	Run: func(p *check.Pass) error {
		root := p.Root()
		open, allow := 0, 0
		for _, ch := range openclaw.Channels(p.Compat, root) {
			switch openclaw.TopLevelGroupPolicy(p.Compat, ch) {
			case "open":
				open++
			case "allowlist":
				allow++
			}
		}
		lines := []string{
			fmt.Sprintf("channel group policies: %d open, %d allowlist", open, allow),
			"elevated tools: " + onOff(!root.Get("tools", "elevated", "enabled").IsFalse()),
			"webhooks: " + onOff(root.Get("hooks", "enabled").IsTrue()),
			"internal hooks: " + onOff(internalHooksOn(p.Compat, root)),
			"browser control: " + onOff(browserControlOn(p.Compat, root)),
			"trust model: one trusted operator per gateway (personal assistant); give mutually untrusted users separate gateways",
		}
		p.Report(check.Finding{Detail: strings.Join(lines, "\n")})
		return nil
	},
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// internalHooksOn: 2026.4.14 counts them on unless explicitly disabled;
// 2026.9.6 also needs something to run (an enabled entry, an extra dir or an
// install record).
func internalHooksOn(compat check.Compat, root *config.Value) bool {
	internal := root.Get("hooks", "internal")
	if internal.Get("enabled").IsFalse() {
		return false
	}
	if compat.Is414() || internal.Get("enabled").IsTrue() {
		return true
	}
	for _, e := range internal.Get("entries").Pairs() {
		if !e.Value.Get("enabled").IsFalse() {
			return true
		}
	}
	for _, d := range internal.Get("load", "extraDirs").Strings() {
		if strings.TrimSpace(d) != "" {
			return true
		}
	}
	return internal.Get("installs").Len() > 0
}

// browserControlOn: on unless browser.enabled is false; 2026.9.6 also turns
// it off when plugin policy blocks the browser plugin.
func browserControlOn(compat check.Compat, root *config.Value) bool {
	if root.Get("browser", "enabled").IsFalse() {
		return false
	}
	return compat.Is414() || openclaw.PluginAllowed(root, "browser")
}
