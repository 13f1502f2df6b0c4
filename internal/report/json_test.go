package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

// jsonFinding mirrors the document's finding; Remediation is a pointer so
// that an absent key and an empty string can be told apart.
type jsonFinding struct {
	CheckID     string  `json:"checkId"`
	Severity    string  `json:"severity"`
	Title       string  `json:"title"`
	Detail      string  `json:"detail"`
	Remediation *string `json:"remediation"`
	Suppression *struct {
		Reason *string `json:"reason"`
	} `json:"suppression"`
}

type jsonDocument struct {
	TS                 *int64         `json:"ts"`
	Summary            *Summary       `json:"summary"`
	Findings           []jsonFinding  `json:"findings"`
	SuppressedFindings *[]jsonFinding `json:"suppressedFindings"`
	SecretDiagnostics  []string       `json:"secretDiagnostics"`
	Compat             *string        `json:"compat"`
}

func decodeDocument(t *testing.T, data []byte) jsonDocument {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc jsonDocument
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("output is not the expected JSON: %v\n%s", err, data)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("more than one JSON value in the output (%v)", err)
	}
	return doc
}

// utf8Clean is what a string becomes after a trip through the renderer:
// each byte that is not UTF-8 turns into U+FFFD.
func utf8Clean(s string) string { return string([]rune(s)) }

// checkDocument compares a decoded document with the report it came from.
func checkDocument(t *testing.T, r *Report, doc jsonDocument) {
	t.Helper()
	if doc.TS == nil || *doc.TS != r.TS {
		t.Errorf("ts = %v, want %d", doc.TS, r.TS)
	}
	want := summaryOf(r)
	if doc.Summary == nil || *doc.Summary != want {
		t.Errorf("summary = %+v, want %+v", doc.Summary, want)
	}
	if doc.Compat == nil || *doc.Compat != utf8Clean(string(r.Compat)) {
		t.Errorf("compat = %v, want %q", doc.Compat, r.Compat)
	}
	if doc.Findings == nil || doc.SecretDiagnostics == nil {
		t.Errorf("findings or secretDiagnostics missing")
	}
	if len(doc.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(doc.Findings), len(r.Findings))
	}
	for i := range r.Findings {
		checkFinding(t, "findings", &r.Findings[i], doc.Findings[i])
		if doc.Findings[i].Suppression != nil {
			t.Errorf("active finding %d has a suppression", i)
		}
	}
	if len(r.Suppressed) == 0 {
		if doc.SuppressedFindings != nil {
			t.Errorf("suppressedFindings present for a report with none")
		}
	} else {
		if doc.SuppressedFindings == nil || len(*doc.SuppressedFindings) != len(r.Suppressed) {
			t.Fatalf("suppressedFindings = %v, want %d entries", doc.SuppressedFindings, len(r.Suppressed))
		}
		for i, s := range r.Suppressed {
			got := (*doc.SuppressedFindings)[i]
			checkFinding(t, "suppressedFindings", &s.Finding, got)
			switch {
			case got.Suppression == nil:
				t.Errorf("suppressed finding %d has no suppression", i)
			case s.Reason == "" && got.Suppression.Reason != nil:
				t.Errorf("suppressed finding %d: reason %q, want none", i, *got.Suppression.Reason)
			case s.Reason != "" && (got.Suppression.Reason == nil || *got.Suppression.Reason != utf8Clean(s.Reason)):
				t.Errorf("suppressed finding %d: reason %v, want %q", i, got.Suppression.Reason, s.Reason)
			}
		}
	}
	wantDiags := make([]string, len(r.SecretDiagnostics))
	for i, d := range r.SecretDiagnostics {
		wantDiags[i] = utf8Clean(d)
	}
	if !reflect.DeepEqual(doc.SecretDiagnostics, wantDiags) {
		t.Errorf("secretDiagnostics = %q, want %q", doc.SecretDiagnostics, wantDiags)
	}
}

func checkFinding(t *testing.T, list string, f *check.Finding, got jsonFinding) {
	t.Helper()
	if got.CheckID != utf8Clean(f.CheckID) || got.Severity != utf8Clean(string(f.Severity)) ||
		got.Title != utf8Clean(f.Title) || got.Detail != utf8Clean(f.Detail) {
		t.Errorf("%s: got %+v, want %+v", list, got, f)
	}
	switch {
	case f.Remediation == "" && got.Remediation != nil:
		t.Errorf("%s %s: remediation %q written for an empty one", list, f.CheckID, *got.Remediation)
	case f.Remediation != "" && (got.Remediation == nil || *got.Remediation != utf8Clean(f.Remediation)):
		t.Errorf("%s %s: remediation %v, want %q", list, f.CheckID, got.Remediation, f.Remediation)
	}
}

func TestJSONDecodesToTheReport(t *testing.T) {
	for name, r := range goldenReports() {
		t.Run(name, func(t *testing.T) {
			b, err := MarshalJSON(r)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, r, decodeDocument(t, b))
			if bytes.Contains(b, []byte("null")) {
				t.Errorf("output contains null:\n%s", b)
			}
			if !bytes.HasSuffix(b, []byte("}\n")) || bytes.HasSuffix(b, []byte("\n\n")) {
				t.Errorf("output does not end in exactly one newline")
			}
		})
	}
}

// keyOrder lists every object key in document order, each prefixed with
// the path of the object holding it, e.g. "findings[].checkId".
func keyOrder(data []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var keys []string
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				key := k.(string)
				if path != "" {
					key = path + "." + key
				}
				keys = append(keys, key)
				if err := walk(key); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for dec.More() {
				if err := walk(path + "[]"); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	if err := walk(""); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data after the document (%v)", err)
	}
	return keys, nil
}

func TestJSONKeyOrder(t *testing.T) {
	r := fullReport()
	b, err := MarshalJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := keyOrder(b)
	if err != nil {
		t.Fatal(err)
	}

	want := []string{"ts", "summary", "summary.critical", "summary.warn", "summary.info", "findings"}
	finding := func(list string, f check.Finding) {
		for _, k := range []string{"checkId", "severity", "title", "detail"} {
			want = append(want, list+"[]."+k)
		}
		if f.Remediation != "" {
			want = append(want, list+"[].remediation")
		}
	}
	for _, f := range r.Findings {
		finding("findings", f)
	}
	want = append(want, "suppressedFindings")
	for _, s := range r.Suppressed {
		finding("suppressedFindings", s.Finding)
		want = append(want, "suppressedFindings[].suppression")
		if s.Reason != "" {
			want = append(want, "suppressedFindings[].suppression.reason")
		}
	}
	want = append(want, "secretDiagnostics", "compat")

	if !reflect.DeepEqual(got, want) {
		t.Errorf("key order:\n got %q\nwant %q", got, want)
	}
}

func TestSummaryComesFromCount(t *testing.T) {
	r := oddballReport() // its Summary field says 7/7/7
	stale := r.Summary
	counted := *r
	counted.Count()

	b, err := MarshalJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if doc := decodeDocument(t, b); *doc.Summary != counted.Summary {
		t.Errorf("json summary = %+v, want Count()'s %+v", *doc.Summary, counted.Summary)
	}

	var text strings.Builder
	if err := WriteText(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	line := fmt.Sprintf("\nSummary: %d critical · %d warn · %d info\n",
		counted.Summary.Critical, counted.Summary.Warn, counted.Summary.Info)
	if !strings.Contains(text.String(), line) {
		t.Errorf("text lacks %q:\n%s", line, text.String())
	}

	if r.Summary != stale {
		t.Errorf("rendering changed the report's Summary to %+v", r.Summary)
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{`"quoted" back\slash`, `"\"quoted\" back\\slash"`},
		{"\b\t\n\f\r", `"\b\t\n\f\r"`},
		{"\x00\x01\x0b\x1b\x1f", `"\u0000\u0001\u000b\u001b\u001f"`},
		{"\x7f", "\"\x7f\""},
		{"<a href='x'>&amp;</a>", `"<a href='x'>&amp;</a>"`},
		{"\u2028\u2029", "\"\u2028\u2029\""},
		{"日本語 é 🦀 \ufffd", "\"日本語 é 🦀 \ufffd\""},
		{"a\xffb\xe2\x80", "\"a\ufffdb\ufffd\ufffd\""},
		{"\xed\xa0\x80", "\"\ufffd\ufffd\ufffd\""}, // a UTF-8-encoded lone surrogate
	} {
		if got := string(AppendJSONString(nil, c.in)); got != c.want {
			t.Errorf("AppendJSONString(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestJSONWriteError(t *testing.T) {
	err := WriteJSON(failingWriter{}, fullReport())
	if !errors.Is(err, errWrite) || !strings.HasPrefix(err.Error(), "report: write json: ") {
		t.Errorf("WriteJSON error = %v", err)
	}
	err = WriteText(failingWriter{}, fullReport(), TextOptions{})
	if !errors.Is(err, errWrite) || !strings.HasPrefix(err.Error(), "report: write text: ") {
		t.Errorf("WriteText error = %v", err)
	}
}

var errWrite = errors.New("disk on fire")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

// The --fix --json envelope is composed from the building blocks: the
// report object without secretDiagnostics, then secretDiagnostics at the
// top level, then one IndentJSON over the whole.
func ExampleAppendReportObject() {
	r := &Report{
		TS:                1,
		Findings:          []check.Finding{{CheckID: "a.b", Severity: check.Warn, Title: "T", Detail: "D"}},
		SecretDiagnostics: []string{"x: y"},
	}
	b := []byte(`{"fix":{"ok":true,"changes":`)
	b = AppendJSONStrings(b, nil)
	b = append(b, `},"report":`...)
	b = AppendReportObject(b, r)
	b = append(b, `,"secretDiagnostics":`...)
	b = AppendJSONStrings(b, r.SecretDiagnostics)
	b = append(b, '}')
	out, err := IndentJSON(b)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(out)
	// Output:
	// {
	//   "fix": {
	//     "ok": true,
	//     "changes": []
	//   },
	//   "report": {
	//     "ts": 1,
	//     "summary": {
	//       "critical": 0,
	//       "warn": 1,
	//       "info": 0
	//     },
	//     "findings": [
	//       {
	//         "checkId": "a.b",
	//         "severity": "warn",
	//         "title": "T",
	//         "detail": "D"
	//       }
	//     ]
	//   },
	//   "secretDiagnostics": [
	//     "x: y"
	//   ]
	// }
}
