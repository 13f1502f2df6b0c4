package codesafety

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// EntryPath: an entry file in a hidden or node_modules folder is where an
// ordinary directory walk never looks, a common way to tuck code away.
var EntryPath = &check.Check{
	ID:          "plugins.code_safety.entry_path",
	Severity:    check.Warn,
	Title:       "Plugin entry file lives in a hidden or node_modules folder",
	Remediation: "Ask the plugin's author to ship entry files under an ordinary source folder (such as dist/ or src/), and review the flagged file before trusting the plugin.",
	Doc:         "A plugin's package.json lists the files OpenClaw loads in openclaw.extensions. The code-safety walk skips folders whose names start with a dot and node_modules, so an entry placed there would escape review; clawcheck scans such entries anyway and reports each one so that a person looks at it.",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		for i, pd := range listPlugins(p).plugins {
			for _, entry := range pd.hidden {
				p.Report(check.Finding{
					Detail: fmt.Sprintf("Plugin %s: openclaw.extensions entry %s is inside a hidden or node_modules folder; it was scanned explicitly.",
						quote(pd.name), quote(entry)),
					Group: pluginGroup(i),
				})
			}
		}
		return nil
	},
}
