package suppress

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/clawcheck/clawcheck/internal/report"
)

// MaxBaselineBytes bounds the baseline report clawcheck reads.
const MaxBaselineBytes = 64 << 20

// ErrNotReport is returned when a baseline file is not an audit report.
var ErrNotReport = errors.New("not an audit report (want the output of `clawcheck security audit --json`)")

// Baseline is a previous report's findings, as a multiset of
// (checkId, severity, detail): a finding is "known" while the baseline still
// has an unused copy of it, so a problem that appears once more than before
// is reported.
type Baseline struct {
	Path  string
	known map[baselineKey]int
}

type baselineKey struct{ checkID, severity, detail string }

// ParseBaseline reads a JSON report (`security audit --json`, or the
// `report` member of a --fix --json envelope).
func ParseBaseline(path string, data []byte) (*Baseline, error) {
	if len(data) > MaxBaselineBytes {
		return nil, fmt.Errorf("%s: baseline is larger than %d bytes", path, MaxBaselineBytes)
	}
	type finding struct {
		CheckID  *string `json:"checkId"`
		Severity string  `json:"severity"`
		Detail   string  `json:"detail"`
	}
	var doc struct {
		Findings *[]finding `json:"findings"`
		Report   *struct {
			Findings *[]finding `json:"findings"`
		} `json:"report"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := position(data, int(se.Offset)-1) // Offset counts the bad byte
			return nil, fmt.Errorf("%s:%d:%d: %v", path, line, col, err)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	list := doc.Findings
	if list == nil && doc.Report != nil {
		list = doc.Report.Findings
	}
	if list == nil {
		return nil, fmt.Errorf("%s: %w", path, ErrNotReport)
	}
	b := &Baseline{Path: path, known: map[baselineKey]int{}}
	for i, f := range *list {
		if f.CheckID == nil || *f.CheckID == "" {
			return nil, fmt.Errorf("%s: finding %d has no checkId: %w", path, i+1, ErrNotReport)
		}
		b.known[baselineKey{*f.CheckID, f.Severity, f.Detail}]++
	}
	return b, nil
}

// Apply removes from r the findings the baseline already has and returns how
// many it removed. The suppressions marker is never removed.
func (b *Baseline) Apply(r *report.Report) int {
	left := make(map[baselineKey]int, len(b.known))
	for k, n := range b.known {
		left[k] = n
	}
	kept := r.Findings[:0:0]
	dropped := 0
	for _, f := range r.Findings {
		k := baselineKey{f.CheckID, string(f.Severity), f.Detail}
		if f.CheckID != MarkerID && left[k] > 0 {
			left[k]--
			dropped++
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	r.Count()
	return dropped
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off && i < len(data); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
