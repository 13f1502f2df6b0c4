// Package suppressions holds the marker finding that tells a reader the
// report was filtered by configured suppressions.
package suppressions

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// Checks is this family's list.
var Checks = []*check.Check{Active}

// Active: once any suppression is configured, say so, so nobody mistakes a
// filtered report for a clean one. It runs after the filter and cannot be
// suppressed itself.
var Active = &check.Check{
	ID:          "security.audit.suppressions.active",
	Severity:    check.Info,
	Title:       "Audit suppressions are configured",
	Remediation: "Review security.audit.suppressions from time to time and remove entries whose reason no longer holds.",
	Doc: "security.audit.suppressions moves matching findings out of the report's findings into suppressedFindings. " +
		"That is useful for accepted risks, and dangerous when an entry outlives its reason or matches more than intended. " +
		"This finding appears whenever at least one suppression is configured, even if none matched, and cannot itself be suppressed.",
	Needs:            check.NeedsConfig,
	Collector:        check.CollectorSuppressions,
	AfterSuppression: true,
	Run: func(p *check.Pass) error {
		s := p.Suppressions
		if s.Configured == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("%d suppression(s) configured in security.audit.suppressions; %d finding(s) moved to suppressedFindings.", s.Configured, s.Moved),
			Location: check.At(p.Root().Get("security", "audit", "suppressions"), "security.audit.suppressions"),
		})
		return nil
	},
}
