package engine

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/report"
)

func fake(id, collector string, sev check.Severity, run func(p *check.Pass) error) *check.Check {
	return &check.Check{ID: id, Severity: sev, Title: "t " + id, Doc: "d", Collector: collector, Run: run}
}

func reportsDetails(details ...string) func(p *check.Pass) error {
	return func(p *check.Pass) error {
		for _, d := range details {
			p.Report(check.Finding{Detail: d})
		}
		return nil
	}
}

func input(compat check.Compat) Input {
	return Input{Compat: compat, Config: &config.Config{Root: config.NewObject()}, Now: time.UnixMilli(1234)}
}

func ids(r *report.Report) string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.CheckID)
	}
	return strings.Join(out, " ")
}

// Findings come out by collector order, then by the collector's own id
// order, whatever the registry order.
func TestOrder(t *testing.T) {
	checks := []*check.Check{
		fake("fs.state_dir.perms_readable", check.CollectorFSStateDir, check.Warn, reportsDetails("a")),
		fake("gateway.auth_no_rate_limit", check.CollectorGateway, check.Warn, reportsDetails("b")),
		fake("gateway.bind_no_auth", check.CollectorGateway, check.Critical, reportsDetails("c")),
		fake("summary.attack_surface", check.CollectorSummary, check.Info, reportsDetails("d")),
		fake("gateway.tools_invoke_http.dangerous_allow", check.CollectorGateway, check.Warn, reportsDetails("e1", "e2")),
	}
	res := Run(input(check.Compat2026_4), checks)
	want := "summary.attack_surface gateway.tools_invoke_http.dangerous_allow gateway.tools_invoke_http.dangerous_allow gateway.bind_no_auth gateway.auth_no_rate_limit fs.state_dir.perms_readable"
	if got := ids(res.Report); got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
	if s := res.Report.Summary; s.Critical != 1 || s.Warn != 4 || s.Info != 1 {
		t.Errorf("summary %+v", s)
	}
	if res.Report.TS != 1234 || res.Report.Compat != check.Compat2026_4 {
		t.Errorf("ts %d compat %s", res.Report.TS, res.Report.Compat)
	}
}

// Group interleaves checks of one collector (per agent, per channel).
func TestGroupInterleaves(t *testing.T) {
	perAgent := func(id string) *check.Check {
		return fake(id, check.CollectorFSAgents, check.Warn, func(p *check.Pass) error {
			for g := 0; g < 2; g++ {
				p.Report(check.Finding{Group: g})
			}
			return nil
		})
	}
	res := Run(input(check.Compat2026_9), []*check.Check{perAgent("fs.auth_profiles.perms_readable"), perAgent("fs.sessions_store.perms_readable")})
	want := "fs.auth_profiles.perms_readable fs.sessions_store.perms_readable fs.auth_profiles.perms_readable fs.sessions_store.perms_readable"
	if got := ids(res.Report); got != want {
		t.Errorf("got %s", got)
	}
}

// A check that fails or panics is reported as an error; the audit goes on.
func TestCheckFailures(t *testing.T) {
	checks := []*check.Check{
		fake("gateway.bind_no_auth", check.CollectorGateway, check.Critical, func(*check.Pass) error { return errors.New("boom") }),
		fake("gateway.auth_no_rate_limit", check.CollectorGateway, check.Warn, func(p *check.Pass) error {
			var v *config.Value
			_ = v.Members[0] // nil dereference
			return nil
		}),
		fake("gateway.tailscale_serve", check.CollectorGateway, check.Info, func(p *check.Pass) error {
			p.Report(check.Finding{CheckID: "gateway.something_else"})
			return nil
		}),
		fake("summary.attack_surface", check.CollectorSummary, check.Info, reportsDetails("ok")),
	}
	res := Run(input(check.Compat2026_4), checks)
	if got := ids(res.Report); got != "summary.attack_surface" {
		t.Errorf("findings %s", got)
	}
	if len(res.Errors) != 3 {
		t.Fatalf("errors %v", res.Errors)
	}
	for i, want := range []string{"could not be evaluated: boom", "crashed", "foreign id"} {
		if !strings.Contains(res.Errors[i].Error(), want) {
			t.Errorf("error %d %q lacks %q", i, res.Errors[i], want)
		}
	}
}

// Deep checks run only with --deep.
func TestDeepSelection(t *testing.T) {
	c := fake("gateway.probe_failed", check.CollectorProbe, check.Warn, reportsDetails("x"))
	c.Needs = check.NeedsDeep
	if res := Run(input(check.Compat2026_4), []*check.Check{c}); len(res.Report.Findings) != 0 {
		t.Error("deep check ran without --deep")
	}
	in := input(check.Compat2026_4)
	in.Options.Deep = true
	if res := Run(in, []*check.Check{c}); len(res.Report.Findings) != 1 {
		t.Error("deep check did not run with --deep")
	}
}

// A canary secret planted in every text field never reaches any output.
func TestRedactionCanary(t *testing.T) {
	const canary = "CANARY-7f3e9a1c5b"
	in := input(check.Compat2026_4)
	in.Config.SecretValues = []string{canary, "short"}
	in.Config.Diagnostics = []string{"diag " + canary}
	c := fake("gateway.bind_no_auth", check.CollectorGateway, check.Critical, func(p *check.Pass) error {
		p.Report(check.Finding{Title: "title " + canary, Detail: "detail " + canary + "\nline2 " + canary, Remediation: "fix " + canary})
		p.Report(check.Finding{Detail: "the word short stays"})
		return nil
	})
	res := Run(in, []*check.Check{c})
	var js, text bytes.Buffer
	if err := report.WriteJSON(&js, res.Report); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteText(&text, res.Report, report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"json": js.String(), "text": text.String()} {
		if strings.Contains(out, canary) {
			t.Errorf("%s output leaks the canary:\n%s", name, out)
		}
		if !strings.Contains(out, Mask) || !strings.Contains(out, "the word short stays") {
			t.Errorf("%s output not redacted as expected:\n%s", name, out)
		}
	}
}

func TestRedactorLongestFirst(t *testing.T) {
	r := NewRedactor([]string{"abcdef", "abcdefghij", "  "})
	if got := r.String("x abcdefghij y abcdef"); got != "x "+Mask+" y "+Mask {
		t.Errorf("got %q", got)
	}
}
