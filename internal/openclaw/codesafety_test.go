package openclaw

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/config"
)

func TestSkillLoaderRoots(t *testing.T) {
	for _, c := range []struct {
		name string
		json string
		env  config.Env
		want []string // relative to the home; "WS" is the workspace
	}{
		{"defaults", `{}`, nil, []string{".openclaw/skills", ".agents/skills", "WS/.agents/skills", "WS/skills"}},
		{"explicit state dir", `{}`, config.Env{"OPENCLAW_STATE_DIR": "$HOME/st"},
			[]string{"st/skills", "WS/.agents/skills", "WS/skills"}},
		{"extra dirs", `{skills: {load: {extraDirs: ["~/more", 7, "", "rel"]}}}`, nil,
			[]string{"more", ".openclaw/skills", ".agents/skills", "WS/.agents/skills", "WS/skills"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := loadConfig(t, c.json, nil)
			if c.env != nil {
				// The state dir is chosen by the environment: relocate it.
				env := config.Env{}
				for k, v := range c.env {
					env[k] = strings.ReplaceAll(v, "$HOME", cfg.Paths.Home)
				}
				paths, err := config.Locate(env, config.LocateOptions{Cwd: cfg.Paths.Home, OSHome: cfg.Paths.Home})
				if err != nil {
					t.Fatal(err)
				}
				cfg.Paths = paths
			}
			home := cfg.Paths.Home
			ws := filepath.Join(home, "ws")
			var got []string
			for _, r := range SkillLoaderRoots(cfg, ws) {
				rel, _ := filepath.Rel(home, r)
				got = append(got, strings.Replace(filepath.ToSlash(rel), "ws", "WS", 1))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDeepSkillRootsHasNoRepeats(t *testing.T) {
	cfg := loadConfig(t, `{ agents: { list: [{ id: "main" }, { id: "ops", workspace: "~/ops" }] } }`, nil)
	roots := DeepSkillRoots(cfg, cfg.Env)
	seen := map[string]bool{}
	for _, r := range roots {
		if seen[r] {
			t.Fatalf("%s repeated in %q", r, roots)
		}
		seen[r] = true
	}
	if !seen[filepath.Join(cfg.Paths.Home, "ops", "skills")] || !seen[filepath.Join(cfg.Paths.Home, "ops", ".agents", "skills")] {
		t.Fatalf("ops workspace roots missing from %q", roots)
	}
}
