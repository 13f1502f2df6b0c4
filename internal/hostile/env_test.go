package hostile

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// load reads the state dir's config the way the audit does.
func load(t *testing.T, homeDir string, env config.Env) *config.Config {
	t.Helper()
	e := config.Env{"HOME": homeDir}
	for k, v := range env {
		e[k] = v
	}
	paths, err := config.Locate(e, config.LocateOptions{Cwd: homeDir, OSHome: homeDir})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: e, Cwd: homeDir})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// A variable whose value holds another reference is substituted once: the
// audited value is the literal text, and the second variable's value is
// never pulled in.
func TestEnvValueHoldsReference(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ gateway: { bind: "${A}", auth: { mode: "token", token: "${T}" } } }`), 0o600)
	env := config.Env{"A": "${B}", "B": "lan", "T": "x${S}y", "S": "SECOND-LEVEL-CANARY-0c4e"}
	cfg := load(t, homeDir, env)
	if got, _ := cfg.Root.Get("gateway").Get("bind").String(); got != "${B}" {
		t.Errorf("gateway.bind audited as %q, want the literal ${B}", got)
	}
	if got, _ := cfg.Root.Get("gateway").Get("auth").Get("token").String(); got != "x${S}y" {
		t.Errorf("gateway.auth.token audited as %q", got)
	}
	r := audit(t, homeDir, env)
	wantExit(t, r, cli.ExitOK, "", false)
	if strings.Contains(r.stdout, `"gateway.bind_no_auth"`) {
		t.Error("a second-level substitution made the bind lan")
	}
	if strings.Contains(r.stdout+r.stderr, "SECOND-LEVEL-CANARY") {
		t.Error("a second-level value reached the output")
	}
}

// 10^5 references in one value, and 10^5 values with one each: linear time,
// and the warnings for missing ones are bounded on stderr.
func TestEnv100000References(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
	}{
		{"OneValuePresent", `{ x: "` + strings.Repeat("${PRESENT}", 100_000) + `" }`},
		{"OneValueMissing", `{ x: "` + strings.Repeat("${MISSING}", 100_000) + `" }`},
		{"ManyValuesMissing", `{ x: [` + strings.Repeat(`"${MISSING}",`, 100_000) + `] }`},
		{"Unterminated", `{ x: "` + strings.Repeat("${", 1_000_000) + `" }`},
		{"UnterminatedThenClosed", `{ x: "` + strings.Repeat("${", 1_000_000) + `}" }`},
		{"Escapes", `{ x: "` + strings.Repeat("$${PRESENT}", 100_000) + `" }`},
		{"Dollars", `{ x: "` + strings.Repeat("$", 2_000_000) + `{A}" }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			homeDir, stateDir := home(t)
			write(t, filepath.Join(stateDir, "openclaw.json"), []byte(tc.src), 0o600)
			start := time.Now()
			r := audit(t, homeDir, map[string]string{"PRESENT": "value"})
			wantExit(t, r, cli.ExitOK, "", false)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %s", d)
			}
			if n := strings.Count(r.stderr, "\n"); n > 200 {
				t.Errorf("%d lines on stderr", n)
			}
		})
	}
}

// Names that are not valid references stay literal, without a warning;
// valid names that are missing or empty stay literal with one.
func TestEnvInvalidNames(t *testing.T) {
	homeDir, stateDir := home(t)
	invalid := []string{"${lower}", "${1A}", "${A-B}", "${}", "${ A}", "${A.B}", "${É}", "${A\u0000}", "${" + strings.Repeat("A", 5000) + "x}"}
	var b strings.Builder
	b.WriteString("{ v: [")
	for _, s := range invalid {
		b.WriteString(`"` + strings.ReplaceAll(s, "\u0000", `\u0000`) + `",`)
	}
	b.WriteString("] }")
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(b.String()), 0o600)
	env := config.Env{"lower": "no", "A": "no", "A-B": "no", "1A": "no"}
	cfg := load(t, homeDir, env)
	for i, s := range invalid {
		if got, _ := cfg.Root.Get("v").Index(i).String(); got != s {
			t.Errorf("%q became %q", s, got)
		}
	}
	if len(cfg.Warnings) != 0 {
		t.Errorf("warnings for invalid names: %q", cfg.Warnings)
	}
}

func TestEnvMissingVariables(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ gateway: { bind: "${GW_BIND}", auth: { token: "${EMPTY}" } } }`), 0o600)
	env := config.Env{"EMPTY": ""}
	cfg := load(t, homeDir, env)
	if got, _ := cfg.Root.Get("gateway").Get("bind").String(); got != "${GW_BIND}" {
		t.Errorf("bind %q", got)
	}
	if got, _ := cfg.Root.Get("gateway").Get("auth").Get("token").String(); got != "${EMPTY}" {
		t.Errorf("token %q", got)
	}
	r := audit(t, homeDir, env)
	wantExit(t, r, cli.ExitOK, "", false)
	for _, name := range []string{"GW_BIND", "EMPTY"} {
		if !strings.Contains(r.stderr, "environment variable "+name+" is missing") {
			t.Errorf("no warning names %s: %s", name, clip(r.stderr))
		}
	}
}
