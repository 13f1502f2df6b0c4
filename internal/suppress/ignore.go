package suppress

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/report"
)

// MaxIgnoreFileBytes bounds the ignore file clawcheck reads.
const MaxIgnoreFileBytes = 1 << 20

// IgnoreEntry is one entry of an ignore file (--ignore FILE): clawcheck's
// own, kept outside openclaw.json so a CI pipeline can accept risks without
// editing the installation.
//
//	ignore:
//	  - checkId: gateway.trusted_proxies_missing
//	    detail: "no proxy"          # optional: the detail must contain this
//	    reason: "no reverse proxy"  # required
//	    expires: 2027-01-31         # optional: stops applying after this day
type IgnoreEntry struct {
	CheckID string
	Detail  string
	Reason  string
	Expires time.Time // zero: never
	Line    int
}

// IgnoreFile is a parsed ignore file.
type IgnoreFile struct {
	Path    string
	Entries []IgnoreEntry
}

// ParseIgnoreFile reads an ignore file in YAML or JSON (JSON is read as
// YAML). The document is either a list of entries or an object with an
// "ignore" list. Every entry needs a checkId and a reason; errors name the
// file and line.
func ParseIgnoreFile(path string, data []byte) (*IgnoreFile, error) {
	if len(data) > MaxIgnoreFileBytes {
		return nil, fmt.Errorf("%s: ignore file is larger than %d bytes", path, MaxIgnoreFileBytes)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := &IgnoreFile{Path: path}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return out, nil // empty file: nothing ignored
	}
	list := doc.Content[0]
	if list.Kind == yaml.MappingNode {
		var found *yaml.Node
		for i := 0; i+1 < len(list.Content); i += 2 {
			k := list.Content[i]
			if k.Value == "ignore" {
				found = list.Content[i+1]
			} else {
				return nil, fmt.Errorf("%s:%d:%d: unknown key %q (want ignore)", path, k.Line, k.Column, k.Value)
			}
		}
		if found == nil {
			return out, nil
		}
		list = found
	}
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d:%d: want a list of entries", path, list.Line, list.Column)
	}
	for _, item := range list.Content {
		e, err := parseEntry(path, item)
		if err != nil {
			return nil, err
		}
		out.Entries = append(out.Entries, e)
	}
	return out, nil
}

func parseEntry(path string, n *yaml.Node) (IgnoreEntry, error) {
	e := IgnoreEntry{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		return e, fmt.Errorf("%s:%d:%d: an entry must be an object with checkId and reason", path, n.Line, n.Column)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return e, fmt.Errorf("%s:%d:%d: %s must be a string", path, v.Line, v.Column, k.Value)
		}
		val := strings.TrimSpace(v.Value)
		switch k.Value {
		case "checkId":
			e.CheckID = val
		case "detail":
			e.Detail = val
		case "reason":
			e.Reason = val
		case "expires":
			t, err := time.Parse("2006-01-02", val)
			if err != nil {
				return e, fmt.Errorf("%s:%d:%d: expires must be a date like 2027-01-31", path, v.Line, v.Column)
			}
			e.Expires = t
		default:
			return e, fmt.Errorf("%s:%d:%d: unknown key %q (want checkId, detail, reason, expires)", path, k.Line, k.Column, k.Value)
		}
	}
	switch {
	case e.CheckID == "":
		return e, fmt.Errorf("%s:%d:%d: entry has no checkId", path, n.Line, n.Column)
	case e.Reason == "":
		return e, fmt.Errorf("%s:%d:%d: entry for %s has no reason; say why the risk is accepted", path, n.Line, n.Column, e.CheckID)
	}
	return e, nil
}

// Expired reports whether the entry no longer applies on day now: an entry
// is valid through its expiry date.
func (e IgnoreEntry) Expired(now time.Time) bool {
	if e.Expires.IsZero() {
		return false
	}
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return today.After(e.Expires)
}

// Matches reports whether the entry covers f: the exact checkId and, when
// given, a detail substring (case-sensitive, so it cannot match by accident).
func (e IgnoreEntry) Matches(f check.Finding) bool {
	return e.CheckID == f.CheckID && (e.Detail == "" || strings.Contains(f.Detail, e.Detail))
}

// Apply moves the findings the file's live entries cover to the suppressed
// list (reason prefixed with the file name) and returns the expired entries,
// which apply to nothing.
func (f *IgnoreFile) Apply(r *report.Report, now time.Time) (expired []IgnoreEntry) {
	var live []IgnoreEntry
	for _, e := range f.Entries {
		if e.Expired(now) {
			expired = append(expired, e)
		} else {
			live = append(live, e)
		}
	}
	kept := r.Findings[:0:0]
	for _, fd := range r.Findings {
		moved := false
		for _, e := range live {
			if fd.CheckID == MarkerID {
				break // the marker says the report is filtered; it stays
			}
			if e.Matches(fd) {
				r.Suppressed = append(r.Suppressed, report.Suppressed{Finding: fd, Reason: e.Reason + " (" + f.Path + ")"})
				moved = true
				break
			}
		}
		if !moved {
			kept = append(kept, fd)
		}
	}
	r.Findings = kept
	r.Count()
	return expired
}

// MarkerID is the finding that says suppressions are configured; nothing
// can suppress it.
const MarkerID = "security.audit.suppressions.active"
