package codesafety

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
)

// PluginCodeSafety: installed plugin code that runs commands, evaluates
// strings, mines coins or ships environment variables off the machine.
var PluginCodeSafety = &check.Check{
	ID:          "plugins.code_safety",
	Severity:    check.Critical,
	Title:       "Plugin code matches dangerous patterns",
	Remediation: "Read the flagged lines. If the plugin is not one you trust, remove its folder from the extensions folder and its entry from plugins.entries / plugins.installs.",
	Doc:         "Plugins run inside the gateway with its privileges. With --deep, clawcheck reads each plugin's JavaScript and TypeScript files (entry files first, at most 500 files, each at most 1 MiB; hidden folders, node_modules and symlinks are skipped) and applies upstream's rules: critical for child_process execution, eval / new Function, crypto-mining markers and process.env read near a network send; warn for WebSockets to unusual ports, file reads combined with network sends and obfuscated strings. The finding is critical when any critical rule matched and lists only the hits of its severity. Nothing is executed.",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		sc := codesafety.New(p.State, p.Compat)
		for i, pd := range listPlugins(p).plugins {
			sum, err := scanPlugin(p, sc, pd)
			if err != nil {
				continue // plugins.code_safety.scan_failed reports it
			}
			reportHits(p, "Plugin", pd.name, pd.path, sum, pluginGroup(i))
		}
		return nil
	},
}
