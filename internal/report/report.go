// Package report owns the audit report value and its renderers (JSON, text).
// Renderers receive a report whose secrets have already been redacted; they
// never look at the configuration or the disk.
package report

import "github.com/clawcheck/clawcheck/internal/check"

// Summary counts active findings by severity.
type Summary struct {
	Critical int `json:"critical"`
	Warn     int `json:"warn"`
	Info     int `json:"info"`
}

// Suppressed is a finding removed by a configured suppression.
type Suppressed struct {
	Finding check.Finding
	Reason  string // trimmed; empty renders as {}
}

// Report is one audit's result.
type Report struct {
	TS                int64 // milliseconds since the Unix epoch
	Compat            check.Compat
	StateDir          string
	ConfigPath        string
	Summary           Summary
	Findings          []check.Finding
	Suppressed        []Suppressed
	SecretDiagnostics []string
	// Deep is the --deep section (the live gateway probe); nil without
	// --deep. Only the JSON report carries it.
	Deep *Deep
}

// Count recomputes Summary from Findings: anything not critical or warn counts as info.
func (r *Report) Count() {
	r.Summary = Summary{}
	for _, f := range r.Findings {
		switch f.Severity {
		case check.Critical:
			r.Summary.Critical++
		case check.Warn:
			r.Summary.Warn++
		default:
			r.Summary.Info++
		}
	}
}
