package fix_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/clawcheck/clawcheck/internal/audit"
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checktest"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/fix"
)

// A fixture (testdata/*.txtar) is an installation and what --fix must do
// to it:
//
//	-- env --           KEY=VALUE lines; $HOME is the laid-out home
//	-- compat --        2026.4 (default) or 2026.9
//	-- modes --         "MODE REL" lines applied after the files are written
//	-- symlinks --      "REL -> TARGET" lines
//	-- want-changes --  the change strings, in order
//	-- want-actions --  "REL MODE RESULT" per permission target, RESULT ok, error or a skip reason
//	-- want-errors --   fragments each error must contain, one error per line (none when absent)
//	-- want-modes --    "MODE REL" after the fix
//	-- second-changes -- the changes a second run would still plan (none when absent)
//	-- home/REL --      a file of the installation
//	-- after/REL --     the file's exact bytes after the fix; every other home file must not change
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runFixture(t, file)
		})
	}
}

type fixture struct {
	sections map[string]string
	home     map[string]string
	after    map[string]string
}

func parseFixture(t *testing.T, file string) *fixture {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fx := &fixture{sections: map[string]string{}, home: map[string]string{}, after: map[string]string{}}
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "home/"):
			fx.home[strings.TrimPrefix(f.Name, "home/")] = string(f.Data)
		case strings.HasPrefix(f.Name, "after/"):
			fx.after[strings.TrimPrefix(f.Name, "after/")] = string(f.Data)
		default:
			fx.sections[f.Name] = string(f.Data)
		}
	}
	return fx
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// layout writes the fixture's home into a new directory and returns it.
func layout(t *testing.T, fx *fixture) string {
	home := filepath.Join(t.TempDir(), "home")
	for rel, data := range fx.home {
		p := filepath.Join(home, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range lines(fx.sections["symlinks"]) {
		rel, target, ok := strings.Cut(l, " -> ")
		if !ok {
			t.Fatalf("bad symlink line %q", l)
		}
		p := filepath.Join(home, strings.TrimSpace(rel))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(strings.ReplaceAll(strings.TrimSpace(target), "$HOME", home), p); err != nil {
			t.Fatal(err)
		}
	}
	if err := checktest.ApplyModes(home, lines(fx.sections["modes"])); err != nil {
		t.Fatal(err)
	}
	return home
}

// tryPlan is plan for configs that may not load; ok is false when the
// audit itself refuses the config.
func tryPlan(t *testing.T, home string) (*fix.Plan, bool) {
	res, err := audit.Run(audit.Request{
		Env: config.Env{"HOME": home}, Cwd: filepath.Dir(home), OSHome: home, Compat: "2026.4",
		Options: check.Options{NoDocker: true}, Checks: []*check.Check{}, Now: time.Unix(0, 0),
	})
	if err != nil {
		return nil, false
	}
	return fix.Build(res.Compat, res.Config, res.State), true
}

// plan loads the installation at home as the audit does and plans the fix.
func plan(t *testing.T, home string, envSection, compat string) (*fix.Plan, config.Env) {
	env := config.Env{"HOME": home}
	for _, l := range lines(envSection) {
		k, v, _ := strings.Cut(l, "=")
		env[k] = strings.ReplaceAll(v, "$HOME", home)
	}
	if compat == "" {
		compat = "2026.4"
	}
	res, err := audit.Run(audit.Request{
		Env: env, Cwd: filepath.Dir(home), OSHome: home, Compat: compat,
		Options: check.Options{NoDocker: true}, Checks: []*check.Check{}, Now: time.Unix(0, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	return fix.Build(res.Compat, res.Config, res.State), env
}

var posix = false

func runFixture(t *testing.T, file string) {
	fx := parseFixture(t, file)
	home := layout(t, fx)
	before := snapshotFiles(t, home)
	p, env := plan(t, home, fx.sections["env"], strings.TrimSpace(fx.sections["compat"]))
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	rel := func(p string) string {
		if r, err := filepath.Rel(home, p); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
		return p
	}

	if got, want := strings.Join(r.Changes, "\n"), strings.Join(lines(fx.sections["want-changes"]), "\n"); got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
	if want, ok := fx.sections["want-actions"]; ok {
		var got []string
		for _, a := range r.Actions {
			res := "ok"
			switch {
			case a.Skipped != "":
				res = a.Skipped
			case a.Error != "":
				res = "error"
			}
			got = append(got, fmt.Sprintf("%s %o %s", rel(a.Path), a.Mode, res))
		}
		if g, w := strings.Join(got, "\n"), strings.Join(lines(want), "\n"); g != w {
			t.Errorf("actions:\n%s\nwant:\n%s", g, w)
		}
	}
	wantErrs := lines(fx.sections["want-errors"])
	if len(r.Errors) != len(wantErrs) {
		t.Errorf("errors: %q, want %d matching %q", r.Errors, len(wantErrs), wantErrs)
	} else {
		for i, w := range wantErrs {
			if !strings.Contains(r.Errors[i], w) {
				t.Errorf("error %d: %q does not contain %q", i, r.Errors[i], w)
			}
		}
	}
	if r.OK != (len(r.Errors) == 0) {
		t.Errorf("ok = %v with %d errors", r.OK, len(r.Errors))
	}
	for _, l := range lines(fx.sections["want-modes"]) {
		mode, p, _ := strings.Cut(l, " ")
		fi, err := os.Lstat(filepath.Join(home, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if got := fmt.Sprintf("%o", fi.Mode().Perm()|fi.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); got != mode && fmt.Sprintf("%o", fi.Mode().Perm()) != mode {
			t.Errorf("%s: mode %s, want %s", p, got, mode)
		}
	}
	after := snapshotFiles(t, home)
	for relPath, data := range before {
		want, changed := fx.after[relPath]
		if !changed {
			want = data
		}
		if got, ok := after[relPath]; !ok {
			t.Errorf("%s: gone after the fix", relPath)
		} else if got != want {
			t.Errorf("%s after the fix:\n%s\nwant:\n%s", relPath, got, want)
		}
	}
	for relPath := range fx.after {
		if _, ok := before[relPath]; !ok {
			if got, ok := after[relPath]; !ok || got != fx.after[relPath] {
				t.Errorf("%s after the fix:\n%s\nwant:\n%s", relPath, got, fx.after[relPath])
			}
		}
	}
	// Nothing but the edited files' backups is created.
	var extra []string
	for relPath := range after {
		if _, ok := before[relPath]; ok {
			continue
		}
		if _, ok := fx.after[relPath]; ok {
			continue
		}
		if strings.Contains(relPath, ".bak") {
			continue
		}
		extra = append(extra, relPath)
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("files created by the fix: %v", extra)
	}
	// A second run has nothing left to change.
	p2, _ := plan(t, home, fx.sections["env"], strings.TrimSpace(fx.sections["compat"]))
	if got, want := strings.Join(p2.ChangeTexts(), "\n"), strings.Join(lines(fx.sections["second-changes"]), "\n"); len(wantErrs) == 0 && got != want {
		t.Errorf("a second --fix would change:\n%s\nwant:\n%s", got, want)
	}
}

// snapshotFiles maps every regular file below home (symlinks not followed)
// to its content.
func snapshotFiles(t *testing.T, home string) map[string]string {
	out := map[string]string{}
	err := filepath.WalkDir(home, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			r, _ := filepath.Rel(home, p)
			out[r] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
