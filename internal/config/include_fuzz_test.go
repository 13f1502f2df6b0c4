package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// includeOutsideCanary is the content of every file the include resolver
// must never read: outside the config directory, or reached through a
// symlink that leaves it, or a hard link to a file elsewhere.
const includeOutsideCanary = "include-outside-canary-61f0"

// includeLayout builds a state dir with include targets of every kind the
// resolver meets, plus files outside it that it must refuse.
func includeLayout(t *testing.T) (dir, state string) {
	dir = t.TempDir()
	state = filepath.Join(dir, "home", ".openclaw")
	outside := filepath.Join(dir, "outside")
	for _, d := range []string{state, filepath.Join(state, "sub"), filepath.Join(state, "dir.json5"), outside} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(state, "a.json5"):          `{ a: 1, $include: "sub/b.json5" }`,
		filepath.Join(state, "sub", "b.json5"):   `{ b: 2 }`,
		filepath.Join(state, "sub", "up.json5"):  `{ $include: "../a.json5" }`,
		filepath.Join(state, "cycle.json5"):      `{ $include: "cycle.json5" }`,
		filepath.Join(outside, "secret.json5"):   `{ leaked: "` + includeOutsideCanary + `" }`,
		filepath.Join(outside, "hardlink.json5"): `{ leaked: "` + includeOutsideCanary + `" }`,
	}
	for p, s := range files {
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		filepath.Join(state, "out.json5"):      filepath.Join(outside, "secret.json5"),
		filepath.Join(state, "outdir"):         outside,
		filepath.Join(state, "in.json5"):       "a.json5",
		filepath.Join(state, "dangling.json5"): "nowhere.json5",
		filepath.Join(state, "loop.json5"):     "loop.json5",
	}
	for l, target := range links {
		if err := os.Symlink(target, l); err != nil {
			t.Fatal(err)
		}
	}
	// A hard link inside the state dir to a file outside it.
	_ = os.Link(filepath.Join(outside, "hardlink.json5"), filepath.Join(state, "hard.json5"))
	return dir, state
}

// FuzzIncludePath feeds arbitrary $include paths (one, or an array of two)
// to the resolver over includeLayout. Whatever the path, loading never
// panics, fails only with a positioned *Error naming a file, never reads a
// file outside the state dir, and lists only include files inside it.
func FuzzIncludePath(f *testing.F) {
	for _, s := range []string{
		"a.json5", "./a.json5", "sub/b.json5", "sub/up.json5", "sub/../a.json5", "../outside/secret.json5",
		"out.json5", "outdir/secret.json5", "in.json5", "dangling.json5", "loop.json5", "cycle.json5",
		"hard.json5", "dir.json5", ".", "..", "/", "/etc/passwd", "/dev/zero", "~/x", "a.json5\x00",
		"openclaw.json", "sub//b.json5", "sub/./b.json5", strings.Repeat("../", 50) + "etc/passwd", "",
	} {
		f.Add(s, "a.json5", false)
	}
	f.Fuzz(func(t *testing.T, p1, p2 string, array bool) {
		dir, state := includeLayout(t)
		q := func(s string) string {
			b := []byte{'"'}
			for _, r := range s {
				switch {
				case r == '"' || r == '\\':
					b = append(b, '\\', byte(r))
				case r < 0x20:
					b = append(b, []byte(`\u00`+string("0123456789abcdef"[r>>4])+string("0123456789abcdef"[r&15]))...)
				default:
					b = append(b, string(r)...)
				}
			}
			return string(append(b, '"'))
		}
		inc := q(p1)
		if array {
			inc = "[" + q(p1) + ", " + q(p2) + "]"
		}
		if err := os.WriteFile(filepath.Join(state, "openclaw.json"), []byte(`{ x: { $include: `+inc+` } }`), 0o600); err != nil {
			t.Fatal(err)
		}
		env := Env{"HOME": filepath.Join(dir, "home")}
		paths, err := Locate(env, LocateOptions{Cwd: dir})
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(paths, LoadOptions{Env: env, Cwd: dir})
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.File == "" {
				t.Fatalf("error without a file: %v", err)
			}
			return
		}
		if strings.Contains(plain(cfg.Root), includeOutsideCanary) {
			t.Fatalf("$include %q %q read a file outside the state dir: %s", p1, p2, plain(cfg.Root))
		}
		realState, err := filepath.EvalSymlinks(state)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cfg.IncludeFiles {
			if !within(p, []string{realState}) {
				t.Fatalf("$include %q %q lists %s, outside the state dir", p1, p2, p)
			}
		}
	})
}
