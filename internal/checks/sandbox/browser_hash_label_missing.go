package sandbox

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// BrowserHashLabelMissing: containers without a config hash predate the
// product's drift detection and keep whatever settings they were born with.
var BrowserHashLabelMissing = &check.Check{
	ID:          "sandbox.browser_container.hash_label_missing",
	Severity:    check.Warn,
	Title:       "Sandbox browser container has no config hash label",
	Remediation: recreateBrowsers,
	Doc:         "The product labels each sandbox-browser container with openclaw.configHash, a hash of the settings it was created with, and recreates containers whose hash no longer matches. A container without the label was created before that mechanism and is never refreshed, so later security fixes to the browser container (CDP source restrictions, relay auth) do not reach it. The audit lists containers with the label openclaw.sandboxBrowser=1 through the docker command line; --no-docker skips this.",
	Needs:       check.NeedsState,
	Collector:   check.CollectorFSSandboxBrowse,
	Run: func(p *check.Pass) error {
		var names []string
		for _, c := range browserInspection(p).Containers {
			if c.ConfigHash == "" {
				names = append(names, c.Name)
			}
		}
		if len(names) > 0 {
			p.Report(check.Finding{Detail: fmt.Sprintf("No openclaw.configHash label on: %s.", strings.Join(names, ", "))})
		}
		return nil
	},
}
