package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// releases maps each recorded release to the profile that reproduces it.
var releases = []struct{ name, compat string }{
	{"2026.4.14", "2026.4"},
	{"2026.9.6", "2026.9"},
}

type tally struct{ matched, ref, ours int }

// TestConformance runs every corpus fixture under both profiles and compares
// the distinct "checkId severity" pairs with the reference's. A finding the
// reference has and we lack fails only when its check is implemented (the
// others are listed as not yet implemented); a finding we add always fails,
// unless a decision makes it ours (additions.go).
func TestConformance(t *testing.T) {
	fixtures, err := Load(filepath.Join("..", "..", "testdata", "conformance"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fixtures) == 0 {
		t.Fatal("no conformance fixtures found")
	}
	registered := all.Checks()
	implemented := func(id string) bool {
		for _, c := range registered {
			if c.Matches(id) {
				return true
			}
		}
		return false
	}

	var total tally
	var notImplemented, skipped, ourAdditions []string
	for _, fx := range fixtures {
		for _, rel := range releases {
			name := fx.Name + "@" + rel.name
			want, recorded := fx.Expect[rel.name]
			reason, refused := fx.Invalid[rel.name]
			if !recorded && !refused {
				continue
			}
			got, code, stderr := runFixture(t, fx, rel.compat)
			if code == cli.ExitUsage && strings.Contains(stderr, "unknown flag") {
				// Counted as missing, so recall stays honest until the flags exist.
				skipped = append(skipped, fmt.Sprintf("%s (flags not supported yet: %s)", name, strings.Join(fx.Args, " ")))
				total.ref += len(want)
				for _, w := range want {
					notImplemented = append(notImplemented, name+": "+w)
				}
				continue
			}
			if code != cli.ExitOK {
				t.Errorf("%s: exit %d, want 0 (an audit that completes exits 0)\n%s", name, code, stderr)
				continue
			}
			if refused {
				// The reference refuses this config; we audit it anyway (D5).
				t.Logf("%s: reference refused (%s); clawcheck reported %d pairs", name, reason, len(got))
				continue
			}
			wantSet := setOf(want)
			var ours int
			for _, g := range got {
				id := strings.Fields(g)[0]
				switch {
				case wantSet[g]:
					total.matched++
					ours++
				case isAddition(rel.name, id):
					ourAdditions = append(ourAdditions, name+": "+g)
				default:
					ours++
					t.Errorf("%s: extra finding %s", name, g)
				}
			}
			total.ours += ours
			total.ref += len(want)
			gotSet := setOf(got)
			for _, w := range want {
				if gotSet[w] {
					continue
				}
				id := strings.Fields(w)[0]
				if implemented(id) {
					t.Errorf("%s: missing finding %s", name, w)
				} else {
					notImplemented = append(notImplemented, name+": "+w)
				}
			}
		}
	}
	for _, s := range skipped {
		fmt.Println("skipped:", s)
	}
	for _, s := range ourAdditions {
		fmt.Println("addition (ours by decision):", s)
	}
	for _, s := range notImplemented {
		fmt.Println("missing (check not implemented yet):", s)
	}
	fmt.Printf("conformance: %s recall, %s precision (%d/%d/%d)\n",
		percent(total.matched, total.ref), percent(total.matched, total.ours), total.matched, total.ref, total.ours)
}

func percent(a, b int) string {
	if b == 0 {
		return "100.0%"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, l := range list {
		m[l] = true
	}
	return m
}

// runFixture materialises the fixture and runs the audit in-process, the way
// the reference scripts run upstream: HOME is the laid-out home, the working
// directory its parent, colour off.
func runFixture(t *testing.T, fx *Fixture, compat string) (pairs []string, code int, stderr string) {
	t.Helper()
	tmp := t.TempDir()
	home := filepath.Join(tmp, "home")
	envLines, err := fx.Materialize(home)
	if err != nil {
		t.Fatal(err)
	}
	env := config.Env{"HOME": home, "PATH": os.Getenv("PATH"), "NO_COLOR": "1", "OPENCLAW_DISABLE_BONJOUR": "1"}
	for kv, v := range config.EnvFromList(envLines) {
		env[kv] = v
	}
	args := append([]string{"security", "audit", "--json", "--compat", compat}, fx.Args...)
	var out, errb bytes.Buffer
	code = cli.Run(context.Background(), cli.Invocation{
		Args: args, Env: env, Cwd: tmp, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Now: func() time.Time { return time.Unix(0, 0) },
	})
	if code != cli.ExitOK {
		return nil, code, errb.String()
	}
	var rep struct {
		Findings []struct {
			CheckID  string         `json:"checkId"`
			Severity check.Severity `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%s: output is not JSON: %v\n%s", fx.Name, err, out.String())
	}
	var ids, sevs []string
	for _, f := range rep.Findings {
		ids = append(ids, f.CheckID)
		sevs = append(sevs, string(f.Severity))
	}
	pairs = Pairs(ids, sevs)
	sort.Strings(pairs)
	return pairs, code, errb.String()
}
