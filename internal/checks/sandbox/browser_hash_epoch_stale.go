package sandbox

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// BrowserHashEpochStale: a container from an older browser security epoch
// misses the hardening introduced since.
var BrowserHashEpochStale = &check.Check{
	ID:          "sandbox.browser_container.hash_epoch_stale",
	Severity:    check.Warn,
	Title:       "Sandbox browser container was created under an older security epoch",
	Remediation: recreateBrowsers,
	Doc:         "Each release stamps sandbox-browser containers with openclaw.browserConfigEpoch, bumped whenever the browser container's security settings change (2026.4: 2026-04-05-cdp-source-range; 2026.9: 2026-05-12-cdp-relay-auth). A container with another or no epoch was created before the current hardening and keeps its old settings until recreated. The expected epoch follows the compatibility profile.",
	Needs:       check.NeedsState,
	Collector:   check.CollectorFSSandboxBrowse,
	Run: func(p *check.Pass) error {
		want := expectedBrowserEpoch(p.Compat)
		var names []string
		for _, c := range browserInspection(p).Containers {
			if c.Epoch == want {
				continue
			}
			epoch := "none"
			if c.Epoch != "" {
				epoch = fmt.Sprintf("%q", c.Epoch)
			}
			names = append(names, fmt.Sprintf("%s (epoch %s)", c.Name, epoch))
		}
		if len(names) > 0 {
			p.Report(check.Finding{Detail: fmt.Sprintf("openclaw.browserConfigEpoch is not %q on: %s.", want, strings.Join(names, ", "))})
		}
		return nil
	},
}
