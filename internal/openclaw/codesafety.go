package openclaw

import (
	"path/filepath"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// SkillLoaderRoots are the folders the workspace skill loader reads for
// one workspace, lowest precedence first (a later root's skill replaces an
// earlier one of the same name): skills.load.extraDirs, the managed
// <stateDir>/skills, ~/.agents/skills (only when the state dir is the
// default one), <ws>/.agents/skills and <ws>/skills. Bundled and plugin
// skill roots are left out: the audit never scans them.
func SkillLoaderRoots(cfg *config.Config, ws string) []string {
	out := SkillLoaderExtraDirs(cfg)
	out = append(out, filepath.Join(cfg.Paths.StateDir, "skills"))
	if !cfg.Paths.StateDirExplicit && cfg.Paths.Home != "" {
		out = append(out, filepath.Join(cfg.Paths.Home, ".agents", "skills"))
	}
	return append(out, filepath.Join(ws, ".agents", "skills"), filepath.Join(ws, "skills"))
}

// DeepSkillRoots are the skill roots of every workspace of both profiles,
// without repeats, for the --deep snapshot.
func DeepSkillRoots(cfg *config.Config, env config.Env) []string {
	seen := map[string]bool{}
	var out []string
	for _, compat := range []check.Compat{check.Compat2026_4, check.Compat2026_9} {
		for _, ws := range SkillWorkspaceDirs(compat, cfg, env) {
			for _, r := range SkillLoaderRoots(cfg, ws) {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// SkillLoaderExtraDirs are the resolved skills.load.extraDirs entries
// (strings that UserPath accepts), in order.
func SkillLoaderExtraDirs(cfg *config.Config) []string {
	var out []string
	for _, d := range cfg.Root.Get("skills", "load", "extraDirs").Items() {
		if raw, ok := d.String(); ok {
			if p, ok := UserPath(raw, cfg.Paths.Home); ok {
				out = append(out, p)
			}
		}
	}
	return out
}
