package suppress

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/report"
)

func root(t *testing.T, src string) *config.Value {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "openclaw.json")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(config.Paths{StateDir: dir, ConfigPath: path}, config.LoadOptions{Env: config.Env{}})
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Root
}

func findings() []check.Finding {
	return []check.Finding{
		{CheckID: "summary.attack_surface", Severity: check.Info, Title: "Attack surface", Detail: "groups: 0"},
		{CheckID: "gateway.trusted_proxies_missing", Severity: check.Warn, Title: "Proxy headers untrusted", Detail: "no trustedProxies"},
		{CheckID: "gateway.loopback_no_auth", Severity: check.Critical, Title: "Loopback gateway without auth", Detail: "bind loopback"},
		{CheckID: "gateway.loopback_no_auth", Severity: check.Critical, Title: "Something else", Detail: "other"},
	}
}

// The worked example of the suppression semantics.
func TestApplyConfigSuppressions(t *testing.T) {
	rules := Rules(root(t, `{ security: { audit: { suppressions: [
		{ checkId: "  summary.attack_surface  ", reason: "   " },
		{ checkId: "gateway.trusted_proxies_missing", reason: "no proxy here" },
		{ checkId: "gateway.loopback_no_auth", titleIncludes: "LOOPBACK" },
		{ checkId: "gateway.loopback_no_auth", detailIncludes: "matches nothing at all" },
		"not an object",
	] } } }`))
	if len(rules) != 4 {
		t.Fatalf("configured = %d, want 4 (non-objects skipped)", len(rules))
	}
	kept, moved := Apply(findings(), rules)
	if len(kept) != 1 || kept[0].Title != "Something else" {
		t.Fatalf("kept = %+v", kept)
	}
	wantReasons := []string{"", "no proxy here", ""}
	if len(moved) != 3 {
		t.Fatalf("moved = %+v", moved)
	}
	for i, m := range moved {
		if m.Reason != wantReasons[i] {
			t.Errorf("moved[%d].Reason = %q, want %q", i, m.Reason, wantReasons[i])
		}
	}
}

func TestRuleMatching(t *testing.T) {
	f := check.Finding{CheckID: "gateway.bind_no_auth", Title: "Gateway Exposed", Detail: "bind LAN"}
	for _, tc := range []struct {
		rule Rule
		want bool
	}{
		{Rule{CheckID: "gateway.bind_no_auth"}, true},
		{Rule{CheckID: "gateway.*"}, false},
		{Rule{CheckID: "GATEWAY.BIND_NO_AUTH"}, false},
		{Rule{CheckID: ""}, false},
		{Rule{CheckID: "gateway.bind_no_auth", TitleIncludes: "exposed"}, true},
		{Rule{CheckID: "gateway.bind_no_auth", DetailIncludes: "lan"}, true},
		{Rule{CheckID: "gateway.bind_no_auth", DetailIncludes: "tailnet"}, false},
	} {
		if got := tc.rule.Matches(f); got != tc.want {
			t.Errorf("%+v.Matches = %v, want %v", tc.rule, got, tc.want)
		}
	}
}

func TestIgnoreFile(t *testing.T) {
	yamlSrc := `
ignore:
  - checkId: gateway.trusted_proxies_missing
    reason: no reverse proxy
  - checkId: gateway.loopback_no_auth
    detail: other
    reason: accepted
    expires: 2026-01-31
  - checkId: gateway.loopback_no_auth
    detail: bind loopback
    reason: dev box
    expires: 2099-12-31
  - checkId: security.audit.suppressions.active
    reason: hide the marker
`
	f, err := ParseIgnoreFile("ignore.yaml", []byte(yamlSrc))
	if err != nil {
		t.Fatal(err)
	}
	r := &report.Report{Findings: append(findings(), check.Finding{CheckID: MarkerID, Severity: check.Info})}
	expired := f.Apply(r, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))
	if len(expired) != 1 || expired[0].Line != 5 {
		t.Fatalf("expired = %+v, want the entry on line 5", expired)
	}
	var ids []string
	for _, fd := range r.Findings {
		ids = append(ids, fd.CheckID+"/"+fd.Detail)
	}
	want := "summary.attack_surface/groups: 0 gateway.loopback_no_auth/other security.audit.suppressions.active/"
	if strings.Join(ids, " ") != want {
		t.Errorf("kept %q, want %q", strings.Join(ids, " "), want)
	}
	if len(r.Suppressed) != 2 || !strings.Contains(r.Suppressed[0].Reason, "ignore.yaml") {
		t.Errorf("suppressed = %+v", r.Suppressed)
	}
	if r.Summary.Critical != 1 || r.Summary.Info != 2 {
		t.Errorf("summary = %+v", r.Summary)
	}
}

func TestIgnoreFileJSONAndList(t *testing.T) {
	f, err := ParseIgnoreFile("i.json", []byte(`[{"checkId": "a.b", "reason": "r"}]`))
	if err != nil || len(f.Entries) != 1 {
		t.Fatalf("%v %+v", err, f)
	}
	f, err = ParseIgnoreFile("empty.yaml", nil)
	if err != nil || len(f.Entries) != 0 {
		t.Fatalf("%v %+v", err, f)
	}
}

func TestIgnoreFileErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"ignore:\n  - checkId: a.b\n", "i.yaml:2:5: entry for a.b has no reason"},
		{"ignore:\n  - reason: x\n", "i.yaml:2:5: entry has no checkId"},
		{"ignore:\n  - checkId: a.b\n    reason: r\n    expires: soon\n", "i.yaml:4:14: expires must be a date"},
		{"ignore:\n  - checkId: a.b\n    reason: r\n    colour: red\n", `i.yaml:4:5: unknown key "colour"`},
		{"ignores: []\n", `i.yaml:1:1: unknown key "ignores"`},
		{"ignore: {a: b}\n", "i.yaml:1:9: want a list"},
		{"ignore:\n  - [x]\n", "i.yaml:2:5: an entry must be an object"},
		{"ignore: [\n", "i.yaml: yaml:"},
	} {
		_, err := ParseIgnoreFile("i.yaml", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestBaseline(t *testing.T) {
	base := `{"ts": 1, "summary": {}, "findings": [
		{"checkId": "gateway.loopback_no_auth", "severity": "critical", "title": "t", "detail": "bind loopback"},
		{"checkId": "summary.attack_surface", "severity": "info", "title": "t", "detail": "groups: 0"},
		{"checkId": "gateway.trusted_proxies_missing", "severity": "info", "title": "t", "detail": "no trustedProxies"},
		{"checkId": "security.audit.suppressions.active", "severity": "info", "title": "t", "detail": ""}
	]}`
	b, err := ParseBaseline("base.json", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	fs := findings()
	fs = append(fs, fs[0], check.Finding{CheckID: MarkerID, Severity: check.Info})
	r := &report.Report{Findings: fs}
	if n := b.Apply(r); n != 2 {
		t.Errorf("dropped %d, want 2", n)
	}
	// The second copy of the summary is new, a finding whose severity
	// changed is new, and the marker always stays.
	if len(r.Findings) != 4 {
		t.Errorf("kept %d findings, want 4: %+v", len(r.Findings), r.Findings)
	}

	env := `{"fix": {"ok": true}, "report": {"findings": []}}`
	if _, err := ParseBaseline("fix.json", []byte(env)); err != nil {
		t.Errorf("fix envelope: %v", err)
	}
	for _, bad := range []string{`{"a": 1}`, `[1]`, "{\n  \"findings\": [\n  }", `{"findings": [{"severity": "info"}]}`} {
		if _, err := ParseBaseline("b.json", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	_, err = ParseBaseline("b.json", []byte("{\n  \"findings\": [\n  }"))
	if err == nil || !strings.HasPrefix(err.Error(), "b.json:3:") {
		t.Errorf("syntax error position: %v", err)
	}
}
