// Package checktest runs checks over txtar fixtures: each archive describes
// an installation and the findings it must produce.
//
// Archive layout:
//
//	Free text first: what the fixture shows and why.
//	-- args --       optional: extra audit flags, e.g. --compat 2026.9
//	-- env --        optional: KEY=VALUE lines; $HOME means the fixture's home
//	-- modes --      optional: "MODE RELPATH" lines, applied after the files are
//	                 written; a RELPATH ending in / is created as a folder first
//	-- symlinks --   optional: "RELPATH -> TARGET" lines
//	-- want --       the findings, in report order: "checkId severity", each
//	                 optionally followed by " ~ fragment" clauses that the
//	                 detail must contain
//	-- want@2026.4 --, -- want@2026.9 --
//	                 instead of want: the findings under each profile (the
//	                 fixture then runs once per profile)
//	-- home/… --     files of the HOME tree, e.g. home/.openclaw/openclaw.json
//
// Only the checks under test run, so a family's fixtures list only that
// family's findings. `make update` (-update where a test takes it) rewrites the want sections from
// what the checks report (keeping fragments that still match); review the
// diff before committing.
package checktest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

var update = flag.Bool("update", false, "rewrite the want sections of txtar fixtures")

// Finding is what a fixture compares: id, severity and detail.
type Finding struct {
	CheckID  string `json:"checkId"`
	Severity string `json:"severity"`
	Detail   string `json:"detail"`
}

// Want is one expected finding.
type Want struct {
	CheckID   string
	Severity  string
	Fragments []string
}

func (w Want) String() string {
	s := w.CheckID + " " + w.Severity
	for _, f := range w.Fragments {
		s += " ~ " + f
	}
	return s
}

// Coverage records, per check ID, whether some fixture made it fire and
// whether some fixture ran it without it firing.
type Coverage struct {
	Fired  map[string]bool
	Silent map[string]bool
}

// Run runs every *.txtar under dir with the given checks, then requires every
// check to have fired in at least one fixture and stayed silent in another.
func Run(t *testing.T, dir string, checks []*check.Check) {
	t.Helper()
	RunWith(t, dir, checks, nil)
}

// RunWith is Run with extra checks that run alongside the ones under test,
// for checks that act on other checks' findings (the suppressions marker);
// the extra checks need no coverage here, but their findings must be listed
// in the want sections like any other.
func RunWith(t *testing.T, dir string, checks, extra []*check.Check) {
	t.Helper()
	all := append(append([]*check.Check{}, checks...), extra...)
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no txtar fixtures in %s", dir)
	}
	cov := Coverage{Fired: map[string]bool{}, Silent: map[string]bool{}}
	for _, file := range files {
		file := file
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runFile(t, file, all, &cov)
		})
	}
	for _, c := range checks {
		if !cov.Fired[c.ID] {
			t.Errorf("check %s has no fixture in %s where it fires", c.ID, dir)
		}
		if !cov.Silent[c.ID] && !c.Always {
			t.Errorf("check %s has no fixture in %s where it must stay silent", c.ID, dir)
		}
	}
}

func runFile(t *testing.T, file string, checks []*check.Check, cov *Coverage) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]byte{}
	for _, f := range ar.Files {
		sections[f.Name] = f.Data
	}
	profiles := []string{""}
	if _, ok := sections["want"]; !ok {
		profiles = nil
		for _, p := range []string{"2026.4", "2026.9"} {
			if _, ok := sections["want@"+p]; ok {
				profiles = append(profiles, p)
			}
		}
		if len(profiles) == 0 {
			t.Fatalf("%s: no want section", file)
		}
	}
	changed := false
	for _, profile := range profiles {
		section := "want"
		if profile != "" {
			section = "want@" + profile
		}
		want, err := ParseWant(sections[section])
		if err != nil {
			t.Fatalf("%s: %s: %v", file, section, err)
		}
		got := audit(t, ar, checks, profile)
		for _, c := range checks {
			fired := false
			for _, g := range got {
				fired = fired || c.Matches(g.CheckID)
			}
			if fired {
				cov.Fired[c.ID] = true
			} else {
				cov.Silent[c.ID] = true
			}
		}
		if *update {
			updated := Rewrite(want, got)
			if !bytes.Equal(updated, sections[section]) {
				setSection(ar, section, updated)
				changed = true
			}
			continue
		}
		if diff := Compare(want, got); diff != "" {
			t.Errorf("%s [%s]:\n%s", filepath.Base(file), section, diff)
		}
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func setSection(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
			return
		}
	}
}

// ParseWant reads a want section.
func ParseWant(data []byte) ([]Want, error) {
	var out []Want
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, " ~ ")
		head := strings.Fields(parts[0])
		if len(head) != 2 {
			return nil, fmt.Errorf("line %d: want \"checkId severity [~ fragment]…\", got %q", n, line)
		}
		w := Want{CheckID: head[0], Severity: head[1]}
		for _, f := range parts[1:] {
			w.Fragments = append(w.Fragments, strings.TrimSpace(f))
		}
		out = append(out, w)
	}
	return out, sc.Err()
}

// Compare returns a description of how got differs from want, or "".
func Compare(want []Want, got []Finding) string {
	var b strings.Builder
	n := max(len(want), len(got))
	for i := 0; i < n; i++ {
		switch {
		case i >= len(want):
			fmt.Fprintf(&b, "  extra   #%d: %s %s\n", i+1, got[i].CheckID, got[i].Severity)
		case i >= len(got):
			fmt.Fprintf(&b, "  missing #%d: %s\n", i+1, want[i])
		case want[i].CheckID != got[i].CheckID || want[i].Severity != got[i].Severity:
			fmt.Fprintf(&b, "  #%d: got %s %s, want %s\n", i+1, got[i].CheckID, got[i].Severity, want[i])
		default:
			for _, f := range want[i].Fragments {
				if !strings.Contains(got[i].Detail, f) {
					fmt.Fprintf(&b, "  #%d %s: detail lacks %q:\n%s\n", i+1, got[i].CheckID, f, indent(got[i].Detail))
				}
			}
		}
	}
	return b.String()
}

// Rewrite turns what the checks reported into a want section, keeping the
// fragments of matching lines that the new details still contain.
func Rewrite(want []Want, got []Finding) []byte {
	var b bytes.Buffer
	used := make([]bool, len(want))
	for _, g := range got {
		w := Want{CheckID: g.CheckID, Severity: g.Severity}
		for i, old := range want {
			if used[i] || old.CheckID != g.CheckID || old.Severity != g.Severity {
				continue
			}
			used[i] = true
			for _, f := range old.Fragments {
				if strings.Contains(g.Detail, f) {
					w.Fragments = append(w.Fragments, f)
				}
			}
			break
		}
		b.WriteString(w.String() + "\n")
	}
	return b.Bytes()
}

func indent(s string) string { return "        " + strings.ReplaceAll(s, "\n", "\n        ") }

// audit lays the archive out in a temporary HOME and runs the audit through
// the command line with only the given checks.
func audit(t *testing.T, ar *txtar.Archive, checks []*check.Check, profile string) []Finding {
	t.Helper()
	tmp := t.TempDir()
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	var args []string
	env := config.Env{"HOME": home, "PATH": os.Getenv("PATH"), "NO_COLOR": "1"}
	for _, f := range ar.Files {
		rel, isHome := strings.CutPrefix(f.Name, "home/")
		if !isHome {
			continue
		}
		p := filepath.Join(home, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range ar.Files {
		lines := nonBlank(f.Data)
		switch f.Name {
		case "args":
			for _, l := range lines {
				args = append(args, strings.Fields(l)...)
			}
		case "env":
			for _, l := range lines {
				k, v, ok := strings.Cut(l, "=")
				if !ok {
					t.Fatalf("env: bad line %q", l)
				}
				env[k] = strings.ReplaceAll(v, "$HOME", home)
			}
		case "symlinks":
			for _, l := range lines {
				from, to, ok := strings.Cut(l, " -> ")
				if !ok {
					t.Fatalf("symlinks: bad line %q", l)
				}
				p := filepath.Join(home, strings.TrimSpace(from))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				_ = os.Remove(p)
				if err := os.Symlink(strings.TrimSpace(to), p); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, f := range ar.Files {
		if f.Name == "modes" {
			if err := ApplyModes(home, nonBlank(f.Data)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if profile != "" {
		args = append(args, "--compat", profile)
	}
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), cli.Invocation{
		Args: append([]string{"security", "audit", "--json"}, args...),
		Env:  env, Cwd: tmp, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Now:    func() time.Time { return time.Unix(0, 0) },
		Checks: checks,
	})
	if code != cli.ExitOK {
		t.Fatalf("audit exited %d: %s", code, errb.String())
	}
	var rep struct {
		Findings []Finding `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out.String())
	}
	return rep.Findings
}

// ApplyModes applies "MODE RELPATH" lines under dir, as both fixture formats
// write them: octal modes, and a RELPATH ending in / is created as a folder
// first. git keeps no modes, so fixtures state them.
func ApplyModes(dir string, lines []string) error {
	for _, l := range lines {
		fields := strings.Fields(l)
		if len(fields) != 2 {
			return fmt.Errorf("modes: bad line %q", l)
		}
		mode, err := strconv.ParseUint(fields[0], 8, 32)
		if err != nil {
			return fmt.Errorf("modes: bad mode %q", fields[0])
		}
		p := filepath.Join(dir, fields[1])
		if strings.HasSuffix(fields[1], "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
		}
		if err := os.Chmod(p, os.FileMode(mode)); err != nil {
			return fmt.Errorf("modes: %w", err)
		}
	}
	return nil
}

func nonBlank(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}
