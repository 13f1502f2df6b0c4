package codesafety

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/audit"
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/state"
)

// deepPass lays out a home (relative path → content), loads its config and
// takes the --deep snapshot of it.
func deepPass(t *testing.T, c *check.Check, compat check.Compat, files map[string]string, links map[string]string) *check.Pass {
	t.Helper()
	home := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(home, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for rel, target := range links {
		if err := os.Link(filepath.Join(home, target), filepath.Join(home, rel)); err != nil {
			t.Fatal(err)
		}
	}
	env := config.Env{"HOME": home}
	paths, err := config.Locate(env, config.LocateOptions{Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: env, Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	opts := audit.SnapshotOptions(cfg)
	opts.Roots = append(opts.Roots, filepath.Join(home, ".openclaw", "agents"))
	snap, err := state.Take(opts)
	if err != nil {
		t.Fatal(err)
	}
	return check.NewPass(c, compat, cfg, snap, cfg.Env, check.Options{Deep: true})
}

func details(t *testing.T, p *check.Pass, c *check.Check) string {
	t.Helper()
	if err := c.Run(p); err != nil {
		t.Fatal(err)
	}
	fs, err := p.Findings()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Severity)+" "+f.Detail)
	}
	return strings.Join(out, "\n")
}

const skillMD = "---\nname: %s\ndescription: d\n---\n"

func TestWorkshopHardLinkRejected(t *testing.T) {
	files := map[string]string{
		".openclaw/openclaw.json":                                "{}",
		".openclaw/agents/main/agent/workshop-skills/a/SKILL.md": strings.Replace(skillMD, "%s", "a", 1),
		".openclaw/agents/main/agent/workshop-skills/a/run.js":   "eval(x)",
	}
	links := map[string]string{".openclaw/agents/main/agent/workshop-skills/a/copy.md": ".openclaw/agents/main/agent/workshop-skills/a/SKILL.md"}
	got := details(t, deepPass(t, SkillScanFailed, check.Compat2026_9, files, links), SkillScanFailed)
	if !strings.Contains(got, "hard link") {
		t.Fatalf("want a hard-link diagnostic, got %q", got)
	}
	if got := details(t, deepPass(t, SkillCodeSafety, check.Compat2026_9, files, links), SkillCodeSafety); got != "" {
		t.Fatalf("a rejected workshop skill was scanned: %q", got)
	}
}

func TestSkillFileOverAuditCap(t *testing.T) {
	// The loader's limit is raised, so it accepts the skill; the audit's
	// own 256,000-byte read cap then fails the scan (profile 2026.9 only).
	big := strings.Replace(skillMD, "%s", "big", 1) + strings.Repeat("x", 300_000)
	files := map[string]string{
		".openclaw/openclaw.json":                 `{ skills: { limits: { maxSkillFileBytes: 1000000 } } }`,
		".openclaw/workspace/skills/big/SKILL.md": big,
		".openclaw/workspace/skills/big/a.js":     "eval(x)",
	}
	got := details(t, deepPass(t, SkillScanFailed, check.Compat2026_9, files, nil), SkillScanFailed)
	if !strings.Contains(got, "over the 256000-byte limit") {
		t.Fatalf("got %q", got)
	}
	if got := details(t, deepPass(t, SkillScanFailed, check.Compat2026_4, files, nil), SkillScanFailed); got != "" {
		t.Fatalf("2026.4 reads no SKILL.md, got %q", got)
	}
	if got := details(t, deepPass(t, SkillCodeSafety, check.Compat2026_4, files, nil), SkillCodeSafety); !strings.HasPrefix(got, "critical ") {
		t.Fatalf("2026.4 scans the code, got %q", got)
	}
	// With the default limit the loader drops the skill silently.
	files[".openclaw/openclaw.json"] = "{}"
	if got := details(t, deepPass(t, SkillScanFailed, check.Compat2026_9, files, nil), SkillScanFailed); got != "" {
		t.Fatalf("got %q", got)
	}
}
