package codesafety

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// ManifestParseError: a plugin whose package.json cannot be used hides the
// entry files it declares, so the deep scan can only walk its directory.
var ManifestParseError = &check.Check{
	ID:          "plugins.code_safety.manifest_parse_error",
	Severity:    check.Warn,
	Title:       "Plugin package.json could not be used for the code scan",
	Remediation: "Fix or replace the plugin's package.json (a regular JSON file of at most 1 MiB), or remove the plugin from the extensions folder if you do not trust it.",
	Doc:         "With --deep, the code-safety scan reads each installed plugin's package.json to learn its entry files (openclaw.extensions) and scans them first, even in hidden or node_modules folders. A package.json that is a symlink, not a regular file, larger than 1 MiB or not valid JSON leaves those entries unknown: the scan still walks the directory, but may miss the code the plugin actually loads. 2026.9.6 reports this; under profile 2026.4 clawcheck reports it too (decision D1).",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		for i, pd := range listPlugins(p).plugins {
			if pd.manifestErr == "" {
				continue
			}
			p.Report(check.Finding{
				Detail: fmt.Sprintf("Plugin %s (%s): %s. Its declared entry files are unknown; the scan covers the directory only.",
					quote(pd.name), pd.path, pd.manifestErr),
				Group: pluginGroup(i),
			})
		}
		return nil
	},
}
