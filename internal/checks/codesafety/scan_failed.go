package codesafety

import (
	"errors"
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
)

// ScanFailed: a plugin whose code could not be scanned is unreviewed code.
var ScanFailed = &check.Check{
	ID:          "plugins.code_safety.scan_failed",
	Severity:    check.Warn,
	Title:       "Plugin code could not be scanned",
	Remediation: "Fix the file or folder named in the detail (permissions, symlink loops, files that keep changing), then run the audit with --deep again.",
	Doc:         "With --deep, every installed plugin folder is scanned for dangerous code patterns. When the extensions folder cannot be listed, an entry file cannot be examined (a symlink loop, a path through a file, no permission) or a file changes while it is read, the plugin's code goes unreviewed, which is itself worth a look.",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		listing := listPlugins(p)
		if listing.failed != "" {
			p.Report(check.Finding{
				Detail: fmt.Sprintf("The extensions folder %s could not be listed: %s.", listing.dir, listing.failed),
				Group:  0,
			})
		}
		sc := codesafety.New(p.State, p.Compat)
		for i, pd := range listing.plugins {
			if _, err := scanPlugin(p, sc, pd); err != nil {
				p.Report(check.Finding{
					Detail: fmt.Sprintf("Plugin %s: the scan stopped at %s.", quote(pd.name), scanReason(err)),
					Group:  pluginGroup(i),
				})
			}
		}
		return nil
	},
}

// scanReason words a scanner error.
func scanReason(err error) string {
	var se *codesafety.Error
	if errors.As(err, &se) {
		return se.Path + " (" + se.Reason + ")"
	}
	return err.Error()
}
