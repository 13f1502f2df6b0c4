// Package suppress applies the audit suppressions configured under
// security.audit.suppressions (2026.9.6 semantics, whatever the profile):
// matching findings leave the report for its suppressedFindings list.
package suppress

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/report"
)

// Rule is one configured suppression.
type Rule struct {
	CheckID        string // trimmed; an empty id never matches
	TitleIncludes  string // trimmed and lower-cased; empty means any title
	DetailIncludes string // trimmed and lower-cased; empty means any detail
	Reason         string // trimmed
}

// Rules reads security.audit.suppressions. Entries that are not objects are
// skipped (the schema check reports them); each object counts as configured.
func Rules(root *config.Value) []Rule {
	list := root.Get("security", "audit", "suppressions")
	var rules []Rule
	for _, e := range list.Items() {
		if e.Kind != config.Object {
			continue
		}
		rules = append(rules, Rule{
			CheckID:        strings.TrimSpace(stringOf(e.Get("checkId"))),
			TitleIncludes:  strings.ToLower(strings.TrimSpace(stringOf(e.Get("titleIncludes")))),
			DetailIncludes: strings.ToLower(strings.TrimSpace(stringOf(e.Get("detailIncludes")))),
			Reason:         strings.TrimSpace(stringOf(e.Get("reason"))),
		})
	}
	return rules
}

func stringOf(v *config.Value) string {
	if v == nil || v.Kind != config.String {
		return ""
	}
	return v.Str
}

// Matches reports whether the rule suppresses f: the exact checkId (no
// wildcards, case-sensitive) and, when given, both substrings.
func (r Rule) Matches(f check.Finding) bool {
	if r.CheckID == "" || r.CheckID != f.CheckID {
		return false
	}
	if r.TitleIncludes != "" && !strings.Contains(strings.ToLower(f.Title), r.TitleIncludes) {
		return false
	}
	if r.DetailIncludes != "" && !strings.Contains(strings.ToLower(f.Detail), r.DetailIncludes) {
		return false
	}
	return true
}

// Apply splits findings into those kept and those suppressed; the first
// matching rule gives the reason.
func Apply(findings []check.Finding, rules []Rule) (kept []check.Finding, moved []report.Suppressed) {
	kept = make([]check.Finding, 0, len(findings))
	for _, f := range findings {
		matched := false
		for _, r := range rules {
			if r.Matches(f) {
				moved = append(moved, report.Suppressed{Finding: f, Reason: r.Reason})
				matched = true
				break
			}
		}
		if !matched {
			kept = append(kept, f)
		}
	}
	return kept, moved
}
