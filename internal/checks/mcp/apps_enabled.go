package mcp

import (
	"github.com/clawcheck/clawcheck/internal/check"
)

// AppsEnabled: MCP apps render server-supplied interactive UI inside the
// Control UI, widening what a connected MCP server can do.
var AppsEnabled = &check.Check{
	ID:          "mcp.apps.enabled",
	Severity:    check.Warn,
	Title:       "MCP apps are enabled",
	Remediation: "Set mcp.apps.enabled to false unless you need MCP apps, and connect only MCP servers you trust.",
	Doc:         "With mcp.apps.enabled (release 2026.9 and later) the gateway lets MCP servers ship interactive app views that run in the operator's Control UI session. A malicious or compromised MCP server then gets a user interface surface next to the operator's credentials instead of returning plain tool results. The key does not exist in 2026.4.14; it is audited whenever it is set (rule R2).",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		v := p.Root().Get("mcp", "apps", "enabled")
		if !v.IsTrue() {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "mcp.apps.enabled is true: connected MCP servers may present interactive apps in the Control UI.",
			Location: check.At(v, "mcp.apps.enabled"),
		})
		return nil
	},
}
