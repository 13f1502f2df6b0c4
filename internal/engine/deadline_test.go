package engine

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
)

// hangs is a deliberately slow check: it blocks until the test ends.
func hangs(t *testing.T) func(p *check.Pass) error {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	return func(p *check.Pass) error {
		<-release
		p.Report(check.Finding{Detail: "too late"})
		return nil
	}
}

// A hung check is cut off at its share of the deadline and named in an
// error; the checks after it still run and the report is complete.
func TestDeadlineCutsOffASlowCheck(t *testing.T) {
	checks := []*check.Check{
		fake("gateway.bind_no_auth", check.CollectorGateway, check.Critical, hangs(t)),
		fake("gateway.auth_no_rate_limit", check.CollectorGateway, check.Warn, reportsDetails("b")),
		fake("summary.attack_surface", check.CollectorSummary, check.Info, reportsDetails("d")),
	}
	in := input(check.Compat2026_4)
	in.Deadline = time.Now().Add(400 * time.Millisecond)
	start := time.Now()
	res := Run(in, checks)
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("the run took %s", took)
	}
	if got, want := ids(res.Report), "summary.attack_surface gateway.auth_no_rate_limit"; got != want {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(res.Errors) != 1 {
		t.Fatalf("errors %v, want one", res.Errors)
	}
	err := res.Errors[0]
	if !errors.Is(err, ErrDeadline) || !strings.Contains(err.Error(), "gateway.bind_no_auth") {
		t.Errorf("error %q does not name the check and the deadline", err)
	}
}

// Several hung checks each get half of what is left, so together they stay
// within the deadline and the fast checks after them still run.
func TestDeadlineSeveralSlowChecks(t *testing.T) {
	var checks []*check.Check
	for _, id := range []string{"gateway.bind_no_auth", "gateway.auth_no_rate_limit", "gateway.trusted_proxies_missing"} {
		checks = append(checks, fake(id, check.CollectorGateway, check.Warn, hangs(t)))
	}
	checks = append(checks, fake("summary.attack_surface", check.CollectorSummary, check.Info, reportsDetails("d")))
	in := input(check.Compat2026_4)
	in.Deadline = time.Now().Add(600 * time.Millisecond)
	res := Run(in, checks)
	if time.Now().After(in.Deadline.Add(200 * time.Millisecond)) {
		t.Errorf("the run overran its deadline")
	}
	if got := ids(res.Report); got != "summary.attack_surface" {
		t.Errorf("findings %q", got)
	}
	if len(res.Errors) != 3 {
		t.Errorf("errors %v, want three", res.Errors)
	}
}

// A deadline already past runs nothing and says so for every check.
func TestDeadlinePassed(t *testing.T) {
	ran := false
	checks := []*check.Check{fake("gateway.bind_no_auth", check.CollectorGateway, check.Critical, func(*check.Pass) error { ran = true; return nil })}
	in := input(check.Compat2026_4)
	in.Deadline = time.Now().Add(-time.Second)
	res := Run(in, checks)
	if ran || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "was not run") {
		t.Errorf("ran %v errors %v", ran, res.Errors)
	}
	if res.Report == nil {
		t.Fatal("no report")
	}
}

// Without a deadline, and with a generous one, fast checks behave exactly
// as before, panics included.
func TestDeadlineFastChecksUnchanged(t *testing.T) {
	checks := []*check.Check{
		fake("gateway.bind_no_auth", check.CollectorGateway, check.Critical, reportsDetails("a")),
		fake("gateway.auth_no_rate_limit", check.CollectorGateway, check.Warn, func(*check.Pass) error { panic("boom") }),
	}
	for _, d := range []time.Duration{0, time.Minute} {
		in := input(check.Compat2026_4)
		if d > 0 {
			in.Deadline = time.Now().Add(d)
		}
		res := Run(in, checks)
		if ids(res.Report) != "gateway.bind_no_auth" || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "crashed") {
			t.Errorf("deadline %s: findings %q errors %v", d, ids(res.Report), res.Errors)
		}
	}
}
