package probe_test

import (
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/probe"
	"github.com/clawcheck/clawcheck/internal/checktest"
	"github.com/clawcheck/clawcheck/internal/config"
	probeclient "github.com/clawcheck/clawcheck/internal/probe"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", probe.Checks) }

// Outcomes a fixture cannot produce without a live gateway.
func TestProbeOutcomes(t *testing.T) {
	cfg := &config.Config{Root: config.NewObject(), Secrets: map[string]*config.SecretInput{}}
	run := func(c *check.Check, g *probeclient.Result) []check.Finding {
		t.Helper()
		p := check.NewPass(c, check.Compat2026_9, cfg, nil, nil, check.Options{Deep: true, Gateway: g})
		if err := c.Run(p); err != nil {
			t.Fatal(err)
		}
		f, err := p.Findings()
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	ok := &probeclient.Result{Attempted: true, URL: "ws://127.0.0.1:18789", OK: true}
	if f := run(probe.ProbeFailed, ok); len(f) != 0 {
		t.Errorf("a completed probe reported %v", f)
	}
	scope := &probeclient.Result{Attempted: true, URL: "ws://127.0.0.1:18789", Error: "missing scope: operator.read"}
	f := run(probe.ProbeFailed, scope)
	if len(f) != 1 || !strings.HasPrefix(f[0].Detail, "missing scope: operator.read\n") || !strings.Contains(f[0].Detail, "refused the read scope") {
		t.Errorf("refused scope: got %+v", f)
	}
	// As in the reference, an unusable credential reference is reported
	// whatever the probe's outcome.
	okWithRef := &probeclient.Result{Attempted: true, OK: true, UnresolvedRef: "gateway.auth.token"}
	if f := run(probe.ProbeAuthSecretRefUnavailable, okWithRef); len(f) != 1 || !strings.Contains(f[0].Detail, "gateway.auth.token") {
		t.Errorf("unresolved ref with a completed probe: got %+v", f)
	}
	if f := run(probe.ProbeFailed, nil); len(f) != 0 {
		t.Errorf("no probe result reported %v", f)
	}
}
