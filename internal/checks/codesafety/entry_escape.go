package codesafety

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// EntryEscape: an entry file outside the plugin's own folder means the
// plugin loads code that was never installed with it.
var EntryEscape = &check.Check{
	ID:          "plugins.code_safety.entry_escape",
	Severity:    check.Critical,
	Title:       "Plugin entry file points outside the plugin folder",
	Remediation: "Remove the plugin, or fix its package.json so that every openclaw.extensions entry is a path inside the plugin's own folder.",
	Doc:         "OpenClaw resolves each openclaw.extensions entry of a plugin's package.json against the plugin folder. An entry such as ../../other/boot.js, or an absolute path, makes the plugin load code from elsewhere on the machine, which neither the install record nor the code-safety scan covers. Escaping entries are not scanned.",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		for i, pd := range listPlugins(p).plugins {
			if len(pd.escaped) == 0 {
				continue
			}
			var b strings.Builder
			fmt.Fprintf(&b, "Plugin %s (%s) declares %d entry file(s) outside its folder (not scanned):", quote(pd.name), pd.path, len(pd.escaped))
			for _, e := range pd.escaped {
				b.WriteString("\n  - " + quote(e))
			}
			p.Report(check.Finding{Detail: b.String(), Group: pluginGroup(i)})
		}
		return nil
	},
}
