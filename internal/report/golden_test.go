package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// goldenReports are the reports every renderer is checked against. Each
// one is built fresh so that no test can disturb another's input.
func goldenReports() map[string]*Report {
	return map[string]*Report{
		"empty": {
			TS:     1700000000000,
			Compat: check.Compat2026_4,
		},
		"full":    fullReport(),
		"tricky":  trickyReport(),
		"oddball": oddballReport(),
	}
}

// fullReport has every part of the layout: all three severities
// interleaved, multi-line details, remediation present and absent,
// secretDiagnostics and suppressed findings with and without a reason.
func fullReport() *Report {
	r := &Report{
		TS:     1760000000123,
		Compat: check.Compat2026_9,
		Findings: []check.Finding{
			{
				CheckID:  "summary.attack_surface",
				Severity: check.Info,
				Title:    "Attack surface summary",
				Detail:   "groups: open=0, allowlist=1\ntools.elevated: enabled\nhooks: disabled",
			},
			{
				CheckID:     "gateway.bind_no_auth",
				Severity:    check.Critical,
				Title:       "Gateway listens beyond loopback without auth",
				Detail:      "gateway.bind is \"lan\" and no token or password is set.",
				Remediation: "Set gateway.auth.token or bind to loopback.",
				Location:    &check.Location{File: "/home/u/.openclaw/openclaw.json", Line: 3, Col: 5, Path: "gateway.bind"},
			},
			{
				CheckID:     "fs.config.perms_world_readable",
				Severity:    check.Critical,
				Title:       "Config file is world-readable",
				Detail:      "/home/u/.openclaw/openclaw.json mode=644",
				Remediation: "chmod 600 /home/u/.openclaw/openclaw.json",
				Group:       2,
			},
			{
				CheckID:     "gateway.trusted_proxies_missing",
				Severity:    check.Warn,
				Title:       "Reverse proxy headers are not trusted",
				Detail:      "gateway.trustedProxies is empty.\nRequests through a proxy will look local.",
				Remediation: "  Set gateway.trustedProxies to your proxy's address.\n",
			},
			{
				CheckID:  "hooks.token_too_short",
				Severity: check.Warn,
				Title:    "Hooks token is short",
				Detail:   "hooks.token is 8 characters long.",
			},
			{
				CheckID:  "security.audit.suppressions.active",
				Severity: check.Info,
				Title:    "Audit suppressions are configured",
				Detail:   "2 configured, 2 moved to suppressedFindings.",
			},
		},
		Suppressed: []Suppressed{
			{
				Finding: check.Finding{
					CheckID:     "gateway.loopback_no_auth",
					Severity:    check.Critical,
					Title:       "Loopback gateway without auth",
					Detail:      "gateway.auth.mode is \"none\".",
					Remediation: "Set gateway.auth.mode to token.",
				},
			},
			{
				Finding: check.Finding{
					CheckID:  "gateway.http.no_auth",
					Severity: check.Warn,
					Title:    "HTTP endpoints without auth",
					Detail:   "gateway.http.endpoints.chatCompletions is enabled.",
				},
				Reason: "behind an authenticating proxy",
			},
		},
		SecretDiagnostics: []string{
			`security audit: failed to resolve gateway.auth.token locally (Environment variable "OPENCLAW_TOKEN" is missing or empty.).`,
			"gateway.remote.token: gateway.auth.token is configured.",
		},
	}
	r.Count()
	return r
}

// trickyReport carries text that JSON and terminals treat specially.
func trickyReport() *Report {
	const nasty = "<script>&amp;</script> \u2028line\u2029para \"q\" \\back\\slash\\ " +
		"tab\tcr\rnul\x00bel\x07esc\x1b[31mdel\x7f " +
		"日本語 émoji 🦀 nbsp\u00a0 bom\ufeff"
	r := &Report{
		TS:     0,
		Compat: check.Compat2026_4,
		Findings: []check.Finding{
			{
				CheckID:     "channels.telegram.dm.open",
				Severity:    check.Warn,
				Title:       "Title with " + nasty,
				Detail:      "detail: " + nasty + "\nsecond line \"quoted\"",
				Remediation: "fix: " + nasty,
			},
			{
				CheckID:  "fs.state_dir.symlink",
				Severity: check.Critical,
				Title:    "State dir is a symlink",
				Detail:   "/tmp/odd dir/\u2028/target -> 'quoted'",
			},
		},
		Suppressed: []Suppressed{{
			Finding: check.Finding{
				CheckID:  "summary.attack_surface",
				Severity: check.Info,
				Title:    "Attack surface summary",
				Detail:   nasty,
			},
			Reason: "reason " + nasty,
		}},
		SecretDiagnostics: []string{"diag " + nasty, "invalid utf-8: \xff\xfe end"},
	}
	r.Count()
	return r
}

// oddballReport covers the edges of the text layout: a severity the
// renderer does not know, an empty detail, a blank remediation, and a
// summary field that disagrees with the findings.
func oddballReport() *Report {
	return &Report{
		TS:      42,
		Compat:  check.Compat2026_4,
		Summary: Summary{Critical: 7, Warn: 7, Info: 7},
		Findings: []check.Finding{
			{CheckID: "plugins.code_safety", Severity: "notice", Title: "Unknown severity counts as info", Detail: "x"},
			{CheckID: "sandbox.dangerous_bind_mount", Severity: check.Warn, Title: "Empty detail", Remediation: " \t\n\ufeff"},
			{CheckID: "sandbox.dangerous_bind_mount", Severity: check.Warn, Title: "Same checkId again", Detail: "  leading spaces kept", Remediation: "\u0085"},
		},
	}
}

func TestGolden(t *testing.T) {
	for name, r := range goldenReports() {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteJSON(&b, r); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".json", b.Bytes())

			for _, v := range []struct {
				suffix string
				opt    TextOptions
			}{
				{"text", TextOptions{}},
				{"text-color16", TextOptions{Color: true}},
				{"text-truecolor", TextOptions{Color: true, TrueColor: true}},
				{"text", TextOptions{TrueColor: true}}, // TrueColor alone means no colour
			} {
				b.Reset()
				if err := WriteText(&b, r, v.opt); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, name+"."+v.suffix, b.Bytes())
			}

			b.Reset()
			if err := WriteMarkdown(&b, r); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".md", b.Bytes())

			b.Reset()
			if err := WriteHTML(&b, r, HTMLOptions{Excerpt: goldenExcerpt}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".html", b.Bytes())

			b.Reset()
			opt := SARIFOptions{Checks: goldenCatalogue(), Version: "0.0.0-test", DocsURI: "https://example.test/docs/checks.md"}
			if err := WriteSARIF(&b, r, opt); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".sarif", b.Bytes())
		})
	}
}

// goldenCatalogue is a small registry: plain ids, a template, and checks
// that never fire in the golden reports (they must still become rules).
func goldenCatalogue() []*check.Check {
	return []*check.Check{
		{ID: "gateway.bind_no_auth", Severity: check.Critical, Title: "Gateway exposed without auth", Doc: "Why it matters.", Remediation: "Set a token."},
		{ID: "channels.<ch>.dm.open", Severity: check.Critical, Title: "DMs are open", Doc: "Anyone can talk to the bot."},
		{ID: "hooks.token_too_short", Severity: check.Warn, Title: "Hooks token is short"},
		{ID: "summary.attack_surface", Severity: check.Info, Title: "Attack surface summary"},
	}
}

// goldenExcerpt fakes the config lines around a location.
func goldenExcerpt(loc *check.Location) *Excerpt {
	return &Excerpt{
		File: loc.File, First: loc.Line - 1, Focus: loc.Line,
		Lines: []string{"{", "  gateway: { bind: \"lan\" }, // <script>alert(1)</script>", "}"},
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it)\n%s", path, firstDifference(want, got))
	}
}

// firstDifference names the first line on which two outputs part, quoted so
// that invisible characters show.
func firstDifference(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g || i >= len(wl) || i >= len(gl) {
			return "line " + strconv.Itoa(i+1) + ":\n want " + strconv.Quote(w) + "\n  got " + strconv.Quote(g)
		}
	}
	return "(line endings differ)"
}
