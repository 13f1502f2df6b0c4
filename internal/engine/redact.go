package engine

import (
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/report"
)

// Mask replaces a secret in any rendered text.
const Mask = "[redacted]"

// Redactor removes known secret values from text. It is the single place
// where redaction happens: every renderer receives an already redacted report.
type Redactor struct{ r *strings.Replacer }

// NewRedactor builds a redactor for the given values; values shorter than
// config.MinRedactLen after trimming are ignored.
func NewRedactor(secrets []string) *Redactor {
	seen := map[string]bool{}
	var vals []string
	for _, s := range secrets {
		s = strings.TrimSpace(s)
		if len(s) >= config.MinRedactLen && !seen[s] {
			seen[s] = true
			vals = append(vals, s)
		}
	}
	// Longest first, so a secret containing another is masked whole.
	sort.Slice(vals, func(i, j int) bool {
		if len(vals[i]) != len(vals[j]) {
			return len(vals[i]) > len(vals[j])
		}
		return vals[i] < vals[j]
	})
	pairs := make([]string, 0, 2*len(vals))
	for _, v := range vals {
		pairs = append(pairs, v, Mask)
	}
	return &Redactor{r: strings.NewReplacer(pairs...)}
}

// String redacts one text.
func (x *Redactor) String(s string) string { return x.r.Replace(s) }

// Report redacts every text field of a report in place.
func (x *Redactor) Report(r *report.Report) {
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Title, f.Detail, f.Remediation = x.String(f.Title), x.String(f.Detail), x.String(f.Remediation)
	}
	for i := range r.Suppressed {
		f := &r.Suppressed[i].Finding
		f.Title, f.Detail, f.Remediation = x.String(f.Title), x.String(f.Detail), x.String(f.Remediation)
		r.Suppressed[i].Reason = x.String(r.Suppressed[i].Reason)
	}
	for i, d := range r.SecretDiagnostics {
		r.SecretDiagnostics[i] = x.String(d)
	}
}
