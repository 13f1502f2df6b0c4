package report

import (
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

func renderText(t *testing.T, r *Report, opt TextOptions) string {
	t.Helper()
	var b strings.Builder
	if err := WriteText(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The golden files hold the same thing; spelling the layout out here makes
// the rules readable without opening them.
func TestTextLayout(t *testing.T) {
	r := &Report{
		Compat: check.Compat2026_9,
		Findings: []check.Finding{
			{CheckID: "i.one", Severity: check.Info, Title: "Info one", Detail: "a\nb"},
			{CheckID: "c.one", Severity: check.Critical, Title: "Crit one", Detail: "c", Remediation: " do it \n"},
			{CheckID: "i.two", Severity: "bogus", Title: "Info two"},
			{CheckID: "c.two", Severity: check.Critical, Title: "Crit two", Detail: "d", Remediation: "  "},
		},
		Suppressed:        []Suppressed{{Finding: check.Finding{CheckID: "s", Severity: check.Warn}}},
		SecretDiagnostics: []string{"one", "two"},
	}
	want := `clawcheck security audit (profile 2026.9)
Summary: 2 critical · 0 warn · 2 info
Suppressed: 1 configured
Run deeper: clawcheck security audit --deep
[secrets] one
[secrets] two

CRITICAL
c.one Crit one
  c
  Fix: do it
c.two Crit two
  d

INFO
i.one Info one
  a
b
i.two Info two
`
	if got := renderText(t, r, TextOptions{}); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextPlainHasNoEscapes(t *testing.T) {
	for name, r := range goldenReports() {
		if name == "tricky" { // its own strings contain ESC on purpose
			continue
		}
		if got := renderText(t, r, TextOptions{TrueColor: true}); strings.Contains(got, "\x1b") {
			t.Errorf("%s: plain output has escape codes:\n%q", name, got)
		}
	}
}

// Every coloured line must end with its attributes reset, or the colour
// would bleed into whatever the terminal prints next.
func TestTextColourIsClosedOnEveryLine(t *testing.T) {
	for _, opt := range []TextOptions{{Color: true}, {Color: true, TrueColor: true}} {
		out := renderText(t, fullReport(), opt)
		for i, line := range strings.Split(out, "\n") {
			if !strings.Contains(line, "\x1b[") {
				continue
			}
			last := strings.LastIndex(line, "\x1b[")
			tail := line[last:]
			if !strings.HasPrefix(tail, "\x1b[39m") && !strings.HasPrefix(tail, "\x1b[22m") {
				t.Errorf("truecolor=%v line %d does not end with a reset: %q", opt.TrueColor, i+1, line)
			}
			if strings.Count(line, "\x1b[1m") != strings.Count(line, "\x1b[22m") {
				t.Errorf("truecolor=%v line %d: unbalanced bold: %q", opt.TrueColor, i+1, line)
			}
		}
	}
}

func TestTextColourCodes(t *testing.T) {
	r := &Report{Findings: []check.Finding{
		{CheckID: "c", Severity: check.Critical, Title: "t", Detail: "d", Remediation: "r"},
	}}
	basic := renderText(t, r, TextOptions{Color: true})
	for _, want := range []string{
		"\x1b[1m\x1b[91mclawcheck security audit (profile )\x1b[39m\x1b[22m\n",
		"\x1b[90mSummary: \x1b[39m\x1b[91m1\x1b[39m\x1b[90m critical · \x1b[39m\x1b[93m0\x1b[39m",
		"\n\x1b[1m\x1b[91mCRITICAL\x1b[39m\x1b[22m\n\x1b[90mc\x1b[39m t\n  d\n  \x1b[90mFix: r\x1b[39m\n",
	} {
		if !strings.Contains(basic, want) {
			t.Errorf("16-colour output lacks %q:\n%q", want, basic)
		}
	}
	full := renderText(t, r, TextOptions{Color: true, TrueColor: true})
	for _, want := range []string{
		"\x1b[1m\x1b[38;2;255;90;45mclawcheck",
		"\x1b[1m\x1b[38;2;226;61;45mCRITICAL\x1b[39m\x1b[22m",
		"\x1b[38;2;139;127;119mc\x1b[39m t",
		"\x1b[38;2;255;176;32m0\x1b[39m",
	} {
		if !strings.Contains(full, want) {
			t.Errorf("truecolor output lacks %q:\n%q", want, full)
		}
	}
}

func TestTrimJS(t *testing.T) {
	for in, want := range map[string]string{
		"  x  ":               "x",
		"\ufeff\u00a0x\u2028": "x",
		"\u0085x\u0085":       "\u0085x\u0085",
		" \t\n\v\f\r":         "",
	} {
		if got := trimJS(in); got != want {
			t.Errorf("trimJS(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextNeutralisesControlCharacters(t *testing.T) {
	r := &Report{Compat: "2026.4", Findings: []check.Finding{{
		CheckID: "gateway.bind_no_auth", Severity: check.Critical,
		Title:  "title\x1b]0;owned\x07",
		Detail: "line one\nline two\twith tab \x1b[2J\u202eevil\r",
	}}, SecretDiagnostics: []string{"diag \u009b31m", "raw \x9b byte"}}
	var b strings.Builder
	if err := WriteText(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\r", "\u009b", "\x9b"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{`title\x1b]0;owned\x07`, "line one\nline two\twith tab", `\x1b[2J\u202eevil\x0d`, `diag \x9b31m`, "raw \uFFFD byte"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
