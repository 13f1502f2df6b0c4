package config

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/difftest"
	"golang.org/x/tools/txtar"
)

// The loader differential test: each testdata/loaderdiff/*.txtar is an
// installation (home/..., cwd/..., an optional `env` section of KEY=VALUE
// lines with $HOME expanded, optional `symlinks` lines "REL -> TARGET" and
// `hardlinks` lines "REL => EXISTING", and the config paths to compare in
// `paths`).
// Its `reference` section records what the reference's
// `openclaw config get --json PATH` printed for each path: a JSON value,
// !missing, or !error when the reference could not read the config.
//
// The resolved config this package computes is always compared with the
// recorded values. When CLAWCHECK_DIFFTEST is set (make difftest) and the
// reference is installed, the test also runs it live and compares; -record
// rewrites the reference sections from the live run. The corpus holds no secrets: `config get` would redact them anyway.
//
// `config get` prints the validated config, defaults filled in, so only
// paths whose values come from the files themselves are compared.

var record = flag.Bool("record", false, "rewrite testdata/loaderdiff reference sections from the live reference")

type loaderCase struct {
	name  string
	file  string
	arch  *txtar.Archive
	env   []string // KEY=VALUE, $HOME unexpanded
	paths []string
	// symlinks are "REL -> TARGET" lines, REL relative to the case folder.
	symlinks []string
	// hardlinks are "REL => EXISTING" lines, both relative to the case folder.
	hardlinks []string
	want      map[string]string // recorded reference results by path
	// version is the reference release the case is recorded with: the
	// default, or a `version` section's release where clawcheck follows the
	// newer one (OPENCLAW_INCLUDE_ROOTS, which 2026.4.14 ignores).
	version string
}

func readLoaderCases(t *testing.T) []*loaderCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "loaderdiff", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no loader cases: %v", err)
	}
	var out []*loaderCase
	for _, f := range files {
		arch, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := &loaderCase{name: strings.TrimSuffix(filepath.Base(f), ".txtar"), file: f, arch: arch, want: map[string]string{},
			version: difftest.DefaultVersion}
		for _, af := range arch.Files {
			switch af.Name {
			case "env":
				c.env = nonEmptyLines(af.Data)
			case "paths":
				c.paths = nonEmptyLines(af.Data)
			case "symlinks":
				c.symlinks = nonEmptyLines(af.Data)
			case "hardlinks":
				c.hardlinks = nonEmptyLines(af.Data)
			case "version":
				c.version = strings.TrimSpace(string(af.Data))
			case "reference":
				for _, line := range nonEmptyLines(af.Data) {
					path, val, ok := strings.Cut(line, " ")
					if !ok {
						t.Fatalf("%s: bad reference line %q", f, line)
					}
					c.want[path] = val
				}
			}
		}
		if len(c.paths) == 0 {
			t.Fatalf("%s: no paths", f)
		}
		out = append(out, c)
	}
	return out
}

func nonEmptyLines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// materialise writes the case's files under a new directory and returns
// it with the case's environment.
func (c *loaderCase) materialise(t *testing.T) (dir string, env Env) {
	t.Helper()
	dir = t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "home"), 0o700))
	must(t, os.MkdirAll(filepath.Join(dir, "cwd"), 0o700))
	for _, f := range c.arch.Files {
		if !strings.HasPrefix(f.Name, "home/") && !strings.HasPrefix(f.Name, "cwd/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o700))
		must(t, os.WriteFile(p, f.Data, 0o600))
	}
	for _, line := range c.symlinks {
		from, to, _ := strings.Cut(line, " -> ")
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimSpace(from)))
		must(t, os.MkdirAll(filepath.Dir(p), 0o700))
		must(t, os.Symlink(filepath.FromSlash(strings.TrimSpace(to)), p))
	}
	for _, line := range c.hardlinks {
		from, to, _ := strings.Cut(line, " => ")
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimSpace(from)))
		must(t, os.MkdirAll(filepath.Dir(p), 0o700))
		must(t, os.Link(filepath.Join(dir, filepath.FromSlash(strings.TrimSpace(to))), p))
	}
	home := filepath.Join(dir, "home")
	env = Env{"HOME": home}
	for _, kv := range c.env {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = strings.ReplaceAll(v, "$HOME", home)
	}
	return dir, env
}

// ours resolves the case with this package, in the recorded form.
func (c *loaderCase) ours(t *testing.T, dir string, env Env) map[string]string {
	t.Helper()
	home := filepath.Join(dir, "home")
	cwd := filepath.Join(dir, "cwd")
	out := map[string]string{}
	paths, err := Locate(env, LocateOptions{Cwd: cwd, OSHome: home})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(paths, LoadOptions{Env: env, Cwd: cwd})
	for _, p := range c.paths {
		switch {
		case err != nil:
			out[p] = "!error"
		default:
			v, perr := valueAt(cfg.Root, p)
			if perr != nil {
				t.Fatalf("%s: %v", c.name, perr)
			}
			if v == nil {
				out[p] = "!missing"
			} else {
				out[p] = difftest.Canon(anyValue(v))
			}
		}
	}
	return out
}

// valueAt follows a dotted path with [i] indexes.
func valueAt(root *Value, path string) (*Value, error) {
	v := root
	for _, seg := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(seg, "[")
		if key != "" {
			v = v.Get(key)
		}
		for rest != "" {
			idx, after, ok := strings.Cut(rest, "]")
			n, err := strconv.Atoi(idx)
			if !ok || err != nil {
				return nil, fmt.Errorf("bad path %q", path)
			}
			v = v.Index(n)
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return v, nil
}

func anyValue(v *Value) any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return v.Num
	case String:
		return v.Str
	case Array:
		out := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = anyValue(e)
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			out[m.Key] = anyValue(m.Value)
		}
		return out
	}
	return nil
}

// sectionResult is what `config get` printed for one top-level section.
type sectionResult struct {
	verdict string // "" when value holds the section, else !missing or !error
	value   any
}

// at reads a sub-path ("", ".a.b", "[0].c") of the section in recorded form.
func (r sectionResult) at(sub string) string {
	if r.verdict != "" {
		return r.verdict
	}
	v := r.value
	for sub != "" {
		var key string
		switch {
		case strings.HasPrefix(sub, "["):
			end := strings.IndexByte(sub, ']')
			n, _ := strconv.Atoi(sub[1:end])
			arr, ok := v.([]any)
			if !ok || n >= len(arr) {
				return "!missing"
			}
			v, sub = arr[n], sub[end+1:]
			continue
		default:
			sub = strings.TrimPrefix(sub, ".")
			end := strings.IndexAny(sub, ".[")
			if end < 0 {
				end = len(sub)
			}
			key, sub = sub[:end], sub[end:]
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return "!missing"
		}
		if v, ok = obj[key]; !ok {
			return "!missing"
		}
	}
	return difftest.Canon(v)
}

func topSections(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		top := p
		if i := strings.IndexAny(p, ".["); i >= 0 {
			top = p[:i]
		}
		if !seen[top] {
			seen[top] = true
			out = append(out, top)
		}
	}
	return out
}

// referenceGet runs `openclaw config get --json path` on a copy of the case.
func referenceGet(ref *difftest.Reference, dir string, env Env, path string) (sectionResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, ref.Node, filepath.Join(ref.Package, "openclaw.mjs"), "config", "get", "--json", path)
	cmd.Dir = filepath.Join(dir, "cwd")
	cmd.Env = []string{"PATH=" + filepath.Dir(ref.Node) + ":/usr/bin:/bin", "NO_COLOR=1", "OPENCLAW_DISABLE_BONJOUR=1"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		var v any
		if jerr := json.Unmarshal(stdout.Bytes(), &v); jerr != nil {
			return sectionResult{}, fmt.Errorf("config get %s: output is not JSON: %q", path, stdout.String())
		}
		return sectionResult{value: v}, nil
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		if strings.Contains(stderr.String(), "Config path not found") {
			return sectionResult{verdict: "!missing"}, nil
		}
		return sectionResult{verdict: "!error"}, nil
	}
	return sectionResult{}, fmt.Errorf("config get %s: %v: %s", path, err, stderr.String())
}

func TestDifferentialLoader(t *testing.T) {
	cases := readLoaderCases(t)
	refs := map[string]*difftest.Reference{}
	var refErr error
	if !difftest.Enabled() && !*record {
		refErr = errors.New("live runs are off (set CLAWCHECK_DIFFTEST=1 or run make difftest)")
	}
	for _, c := range cases {
		if refErr != nil {
			break
		}
		if refs[c.version] != nil {
			continue
		}
		ref, err := difftest.Find(c.version)
		if err != nil {
			refErr = err
			break
		}
		refs[c.version] = ref
	}
	if refErr != nil && (*record || difftest.Required()) {
		t.Fatalf("the live loader comparison needs the reference: %v", refErr)
	}
	var (
		mu     sync.Mutex
		wg     sync.WaitGroup
		live   = map[*loaderCase]map[string]string{}
		slots  = make(chan struct{}, 8)
		failed []string
	)
	for _, c := range cases {
		dir, env := c.materialise(t)
		ours := c.ours(t, dir, env)
		for _, p := range c.paths {
			want, ok := c.want[p]
			switch {
			case !ok && !*record:
				t.Errorf("%s: %s has no recorded reference value (run with -record)", c.name, p)
			case ok && want != ours[p] && !*record:
				t.Errorf("%s: %s: ours %s, recorded reference %s", c.name, p, ours[p], want)
			}
		}
		if refErr != nil {
			continue
		}
		live[c] = map[string]string{}
		// One run per top-level section; the paths are read out of its value.
		for _, top := range topSections(c.paths) {
			// Each run gets its own copy: the reference writes under HOME.
			rdir, renv := c.materialise(t)
			wg.Add(1)
			go func() {
				defer wg.Done()
				slots <- struct{}{}
				got, err := referenceGet(refs[c.version], rdir, renv, top)
				<-slots
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					failed = append(failed, c.name+": "+err.Error())
					return
				}
				for _, p := range c.paths {
					if p == top || strings.HasPrefix(p, top+".") || strings.HasPrefix(p, top+"[") {
						live[c][p] = got.at(strings.TrimPrefix(p, top))
					}
				}
			}()
		}
	}
	wg.Wait()
	for _, f := range failed {
		t.Error(f)
	}
	if refErr != nil {
		t.Logf("compared with the recorded reference only: %v", refErr)
		return
	}
	for _, c := range cases {
		if *record {
			c.rewrite(t, live[c])
			continue
		}
		for _, p := range c.paths {
			if got, want := live[c][p], c.want[p]; got != want {
				t.Errorf("%s: %s: live reference %s, recorded %s", c.name, p, got, want)
			}
		}
	}
}

// rewrite replaces the case's reference section with live results.
func (c *loaderCase) rewrite(t *testing.T, got map[string]string) {
	t.Helper()
	var b strings.Builder
	paths := append([]string(nil), c.paths...)
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "%s %s\n", p, got[p])
	}
	files := c.arch.Files[:0:0]
	for _, f := range c.arch.Files {
		if f.Name != "reference" {
			files = append(files, f)
		}
	}
	// The reference section goes right after paths, before the files.
	var out []txtar.File
	for _, f := range files {
		out = append(out, f)
		if f.Name == "paths" {
			out = append(out, txtar.File{Name: "reference", Data: []byte(b.String())})
		}
	}
	c.arch.Files = out
	must(t, os.WriteFile(c.file, txtar.Format(c.arch), 0o644))
}
