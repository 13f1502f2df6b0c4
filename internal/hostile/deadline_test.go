package hostile

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// auditWith runs the command line with a replaced check registry.
func auditWith(t *testing.T, homeDir string, checks []*check.Check, args ...string) (result, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		var out, errb bytes.Buffer
		code := cli.Run(ctx, cli.Invocation{
			Args: args, Env: config.Env{"HOME": homeDir, "PATH": os.Getenv("PATH"), "NO_COLOR": "1"}, Cwd: homeDir,
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Checks: checks,
			Now: func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) },
		})
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r, time.Since(start)
	case <-ctx.Done():
		t.Fatalf("audit did not finish within %s", caseTimeout)
		return result{}, 0
	}
}

// A check that never returns: the audit still ends at --timeout, with every
// other check's findings, and names the check it gave up on.
func TestAuditDeadlineNeverHangs(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	hung := &check.Check{
		ID: "gateway.bind_no_auth", Severity: check.Critical, Title: "hangs", Doc: "a deliberately hung check",
		Collector: check.CollectorGateway,
		Run:       func(*check.Pass) error { <-release; return nil },
	}
	var checks []*check.Check
	for _, c := range all.Checks() {
		if c.ID == hung.ID {
			c = hung
		}
		checks = append(checks, c)
	}
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ gateway: { bind: "lan", auth: { mode: "none" } } }`), 0o600)

	r, took := auditWith(t, homeDir, checks, "security", "audit", "--json", "--no-docker", "--timeout", "2s")
	wantExit(t, r, cli.ExitOK, "", false)
	if took > 10*time.Second {
		t.Errorf("the audit took %s with --timeout 2s", took)
	}
	if !strings.Contains(r.stderr, "gateway.bind_no_auth") || !strings.Contains(r.stderr, "deadline") {
		t.Errorf("stderr does not name the unfinished check: %s", clip(r.stderr))
	}
	if !parseReport(t, r).has("gateway.auth_no_rate_limit") {
		t.Error("the other checks' findings are missing")
	}
	// A gate never passes an audit that did not finish.
	r, _ = auditWith(t, homeDir, checks, "security", "audit", "--json", "--no-docker", "--timeout", "1s", "--fail-on", "critical")
	if r.code != cli.ExitFailure {
		t.Errorf("--fail-on: exit %d, want %d for an incomplete audit", r.code, cli.ExitFailure)
	}
	// The text report as well.
	r, _ = auditWith(t, homeDir, checks, "security", "audit", "--no-docker", "--timeout", "1s")
	wantExit(t, r, cli.ExitOK, "", false)
}

// --timeout takes a duration; a negative one is a usage error and 0 means
// no limit.
func TestAuditTimeoutFlag(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{}`), 0o600)
	for arg, code := range map[string]int{"-1s": cli.ExitUsage, "soon": cli.ExitUsage, "0": cli.ExitOK, "90s": cli.ExitOK, "1h": cli.ExitOK} {
		r := audit(t, homeDir, nil, "security", "audit", "--json", "--no-docker", "--timeout", arg)
		if r.code != code {
			t.Errorf("--timeout %s: exit %d, want %d: %s", arg, r.code, code, clip(r.stderr))
		}
	}
}
