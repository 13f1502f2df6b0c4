// Package conformance runs clawcheck over the corpus of recorded reference
// audits in testdata/conformance and compares the findings. A fixture is a
// folder: home/ (the HOME tree), modes, env, args and expect-<release>
// files, the layout the reference scripts use.
package conformance

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/checktest"
)

// Fixture is one corpus folder.
type Fixture struct {
	Name string
	Dir  string
	Env  []string // KEY=VALUE, $HOME not yet replaced
	Args []string
	// Expect maps a release (2026.4.14, 2026.9.6) to its recorded
	// "checkId severity" pairs; Invalid maps a release to the reason it
	// refused the fixture.
	Expect  map[string][]string
	Invalid map[string]string
}

// Load reads every fixture folder under dir, sorted by name.
func Load(dir string) ([]*Fixture, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []*Fixture
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		fx, err := loadOne(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, fx)
	}
	return out, nil
}

func loadOne(dir string) (*Fixture, error) {
	fx := &Fixture{Name: filepath.Base(dir), Dir: dir, Expect: map[string][]string{}, Invalid: map[string]string{}}
	var err error
	if fx.Env, err = lines(filepath.Join(dir, "env")); err != nil {
		return nil, err
	}
	args, err := lines(filepath.Join(dir, "args"))
	if err != nil {
		return nil, err
	}
	for _, l := range args {
		fx.Args = append(fx.Args, strings.Fields(l)...)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "expect-*"))
	for _, f := range files {
		name := strings.TrimPrefix(filepath.Base(f), "expect-")
		ls, err := lines(f)
		if err != nil {
			return nil, err
		}
		if rel, ok := strings.CutSuffix(name, ".invalid"); ok {
			fx.Invalid[rel] = strings.Join(ls, "\n")
			continue
		}
		fx.Expect[name] = ls
	}
	return fx, nil
}

// lines reads non-blank, non-comment lines; a missing file has none.
func lines(path string) ([]string, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// Materialize lays the fixture's home/ out at dest (symlinks kept as
// symlinks) and applies its modes file. It returns the environment lines
// with $HOME replaced by dest.
func (fx *Fixture) Materialize(dest string) ([]string, error) {
	src := filepath.Join(fx.Dir, "home")
	if err := copyTree(src, dest); err != nil {
		return nil, fmt.Errorf("%s: %w", fx.Name, err)
	}
	modes, err := lines(filepath.Join(fx.Dir, "modes"))
	if err != nil {
		return nil, err
	}
	if err := checktest.ApplyModes(dest, modes); err != nil {
		return nil, fmt.Errorf("%s: %w", fx.Name, err)
	}
	env := make([]string, len(fx.Env))
	for i, kv := range fx.Env {
		env[i] = strings.ReplaceAll(kv, "$HOME", dest)
	}
	return env, nil
}

func copyTree(src, dest string) error {
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(src); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dest, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		default:
			info, err := d.Info()
			if err != nil {
				return err
			}
			return copyFile(path, target, info.Mode().Perm())
		}
	})
}

func copyFile(src, dest string, mode fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode|0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Pairs turns findings into sorted unique "checkId severity" lines.
func Pairs(ids, sevs []string) []string {
	set := map[string]bool{}
	for i := range ids {
		set[ids[i]+" "+sevs[i]] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
