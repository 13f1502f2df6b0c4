package tools

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/state"

	_ "modernc.org/sqlite"
)

// TestApprovalsFromStateDatabase: under the 2026.9 profile the store is the
// state database's exec_approvals_config row, which wins over a legacy
// file; the 2026.4 profile reads only the file.
func TestApprovalsFromStateDatabase(t *testing.T) {
	home := t.TempDir()
	stateDir := filepath.Join(home, ".openclaw")
	if err := os.MkdirAll(filepath.Join(stateDir, "state"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stateDir, "openclaw.json"), []byte(`{}`), 0o600); err != nil {
		t.Fatal(err)
	}
	legacy := `{"version":1,"agents":{"main":{"allowlist":[{"pattern":"perl"}]}}}`
	if err := os.WriteFile(filepath.Join(stateDir, "exec-approvals.json"), []byte(legacy), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", openclaw.StateDBPath(stateDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE exec_approvals_config (config_key TEXT PRIMARY KEY, raw_json TEXT, updated_at_ms INTEGER)`,
		`INSERT INTO exec_approvals_config VALUES ('current', '{"version":1,"defaults":{"autoAllowSkills":true},"agents":{"main":{"allowlist":[{"pattern":"node"}]}}}', 1)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	env := config.Env{"HOME": home}
	paths, err := config.Locate(env, config.LocateOptions{Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: env, Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := state.Take(state.Options{Roots: []string{paths.StateDir}})
	if err != nil {
		t.Fatal(err)
	}
	run := func(c *check.Check, compat check.Compat) string {
		p := check.NewPass(c, compat, cfg, snap, env, check.Options{})
		if err := c.Run(p); err != nil {
			t.Fatal(err)
		}
		fs, err := p.Findings()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, f.Detail)
		}
		return strings.Join(out, "|")
	}
	if got := run(ExecInterpreterWithoutStrictInlineEval, check.Compat2026_9); !strings.Contains(got, "allowlist: node") || strings.Contains(got, "perl") {
		t.Errorf("2026.9 interpreter finding from the database: %q", got)
	}
	if got := run(ExecAutoAllowSkills, check.Compat2026_9); !strings.Contains(got, "defaults.autoAllowSkills") {
		t.Errorf("2026.9 autoAllowSkills from the database: %q", got)
	}
	if got := run(ExecInterpreterWithoutStrictInlineEval, check.Compat2026_4); !strings.Contains(got, "allowlist: perl") || strings.Contains(got, "node") {
		t.Errorf("2026.4 reads the file: %q", got)
	}
	if got := run(ExecAutoAllowSkills, check.Compat2026_4); got != "" {
		t.Errorf("2026.4 autoAllowSkills: %q", got)
	}
}
