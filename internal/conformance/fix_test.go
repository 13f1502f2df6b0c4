package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// fixRelease is the release whose --fix the corpus records: after its own
// --fix on a copy of a fixture, a plain audit of that copy gave the pairs
// in expect-fix-<release>.
const fixRelease = "2026.4.14"

// TestConformanceAfterFix runs clawcheck --fix on a copy of each corpus
// fixture that has a post-fix recording, audits the copy again, and
// compares the remaining findings with what the reference left after its
// own --fix. The report inside the --fix envelope must already show that
// state (decision D6: it is a fresh audit of the fixed installation).
func TestConformanceAfterFix(t *testing.T) {
	fixtures, err := Load(filepath.Join("..", "..", "testdata", "conformance"))
	if err != nil {
		t.Fatal(err)
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
	ran := 0
	for _, fx := range fixtures {
		want, ok := fx.Expect["fix-"+fixRelease]
		if !ok {
			continue
		}
		ran++
		t.Run(fx.Name, func(t *testing.T) {
			tmp := t.TempDir()
			home := filepath.Join(tmp, "home")
			envLines, err := fx.Materialize(home)
			if err != nil {
				t.Fatal(err)
			}
			env := config.Env{"HOME": home, "PATH": os.Getenv("PATH"), "NO_COLOR": "1", "OPENCLAW_DISABLE_BONJOUR": "1"}
			for k, v := range config.EnvFromList(envLines) {
				env[k] = v
			}
			run := func(extra ...string) []byte {
				args := append([]string{"security", "audit", "--json", "--compat", "2026.4"}, extra...)
				args = append(args, fx.Args...)
				var out, errb bytes.Buffer
				code := cli.Run(context.Background(), cli.Invocation{
					Args: args, Env: env, Cwd: tmp, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
					Now: func() time.Time { return time.Unix(0, 0) },
				})
				if code != cli.ExitOK {
					t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
				}
				return out.Bytes()
			}
			var env1 struct {
				Fix    *json.RawMessage `json:"fix"`
				Report json.RawMessage  `json:"report"`
			}
			if err := json.Unmarshal(run("--fix"), &env1); err != nil || env1.Fix == nil {
				t.Fatalf("--fix --json is not the envelope: %v", err)
			}
			inEnvelope := pairsOf(t, env1.Report)
			got := pairsOf(t, run())
			if strings.Join(inEnvelope, "\n") != strings.Join(got, "\n") {
				t.Errorf("the --fix report differs from a fresh audit afterwards:\n%s\nvs\n%s",
					strings.Join(inEnvelope, "\n"), strings.Join(got, "\n"))
			}
			wantSet, gotSet := setOf(want), setOf(got)
			for _, g := range got {
				if !wantSet[g] && !isAddition(fixRelease, strings.Fields(g)[0]) {
					t.Errorf("extra finding after --fix: %s", g)
				}
			}
			for _, w := range want {
				if !gotSet[w] && implemented(strings.Fields(w)[0]) {
					t.Errorf("missing finding after --fix: %s", w)
				}
			}
		})
	}
	if ran == 0 {
		t.Skip("no expect-fix-" + fixRelease + " recordings")
	}
}

func pairsOf(t *testing.T, data []byte) []string {
	t.Helper()
	var rep struct {
		Findings []struct {
			CheckID  string `json:"checkId"`
			Severity string `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	var ids, sevs []string
	for _, f := range rep.Findings {
		ids = append(ids, f.CheckID)
		sevs = append(sevs, f.Severity)
	}
	p := Pairs(ids, sevs)
	sort.Strings(p)
	return p
}
