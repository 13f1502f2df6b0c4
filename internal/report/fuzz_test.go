package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

// fuzzReport puts the fuzzer's strings in every string field, in more than
// one place so that neighbouring values are exercised too.
func fuzzReport(id, sev, title, detail, rem, reason, diag, compat string) *Report {
	return &Report{
		TS:     int64(len(detail)) * 1_000_003,
		Compat: check.Compat(compat),
		Findings: []check.Finding{
			{CheckID: id, Severity: check.Severity(sev), Title: title, Detail: detail, Remediation: rem},
			{CheckID: title, Severity: check.Severity(rem), Title: detail, Detail: id, Remediation: reason},
		},
		Suppressed: []Suppressed{
			{Finding: check.Finding{CheckID: reason, Severity: check.Severity(sev), Title: diag, Detail: rem, Remediation: detail}, Reason: reason},
			{Finding: check.Finding{CheckID: compat, Severity: check.Critical, Title: id, Detail: title}, Reason: diag},
		},
		SecretDiagnostics: []string{diag, detail, ""},
	}
}

func addFuzzSeeds(f *testing.F) {
	f.Add("gateway.bind_no_auth", "critical", "Title", "line one\nline two", "", "", "", "2026.4")
	f.Add("a", "warn", "<b>&amp;</b>", "\u2028\u2029", "  fix  ", "because", "diag", "2026.9")
	f.Add("\x00\x1f\x7f", "info", "\"quoted\" \\slash\\", "\xff\xfe", "\xed\xa0\x80", "\t", "日本語 🦀", "")
	f.Add("", "", "", "", "\ufeff", "\u0085", "\x1b[31m", "\r\n")
}

func FuzzWriteJSON(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, sev, title, detail, rem, reason, diag, compat string) {
		r := fuzzReport(id, sev, title, detail, rem, reason, diag, compat)
		var b bytes.Buffer
		if err := WriteJSON(&b, r); err != nil {
			t.Fatal(err)
		}
		out := b.Bytes()
		if !json.Valid(out) {
			t.Fatalf("invalid JSON:\n%s", out)
		}
		checkDocument(t, r, decodeDocument(t, out))
		if _, err := keyOrder(out); err != nil {
			t.Fatal(err)
		}
		// JavaScript's JSON.stringify escapes nothing above U+001F except the
		// quote and the backslash, so no \u escape may name anything else.
		for i := 0; i < len(out); i++ {
			if out[i] != '\\' {
				continue
			}
			if out[i+1] == 'u' && string(out[i+2:i+6]) > "001f" {
				t.Fatalf("escape %s where JavaScript writes the character", out[i:i+6])
			}
			i++ // past the escaped character, which may itself be a backslash
		}
	})
}

func FuzzWriteText(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, sev, title, detail, rem, reason, diag, compat string) {
		r := fuzzReport(id, sev, title, detail, rem, reason, diag, compat)
		for _, opt := range []TextOptions{{}, {Color: true}, {Color: true, TrueColor: true}} {
			var b strings.Builder
			if err := WriteText(&b, r, opt); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if !strings.HasSuffix(out, "\n") {
				t.Fatalf("output does not end with a newline: %q", out)
			}
			if !opt.Color && !strings.Contains(out, "\nSummary: ") {
				t.Fatalf("no Summary line: %q", out)
			}
		}
	})
}
