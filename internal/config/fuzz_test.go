package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary text to the main config and to an include file.
// Loading must never panic, every failure must be a positioned *Error naming
// a file, and loading the same files twice must give the same tree.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{ $include: "a.json5", gateway: { bind: "lan" } }`), []byte(`{ gateway: { port: 1 } }`))
	f.Add([]byte(`{ x: { $include: ["a.json5", "a.json5"] } }`), []byte(`{ y: [1, 2] }`))
	f.Add([]byte(`{ $include: "a.json5" }`), []byte(`{ $include: "openclaw.json" }`))
	f.Add([]byte(`{ a: "${HOME}/x", b: "$${ESC}", c: { source: "env", provider: "default", id: "HOME" } }`), []byte(`{}`))
	f.Add([]byte(`{ gateway: { auth: { token: "${MISSING}" } }, __proto__: { polluted: true } }`), []byte(`[]`))
	f.Add([]byte("{ $include: 'a.json5', \"$include\": 7 }"), []byte("/* */ {'k': 0x1F, m: .5, n: +Infinity,}"))
	f.Fuzz(func(t *testing.T, main, inc []byte) {
		dir := t.TempDir()
		state := filepath.Join(dir, ".openclaw")
		if err := os.MkdirAll(state, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(state, "openclaw.json"), main, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(state, "a.json5"), inc, 0o600); err != nil {
			t.Fatal(err)
		}
		env := Env{"HOME": dir}
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
		again, err := Load(paths, LoadOptions{Env: env, Cwd: dir})
		if err != nil {
			t.Fatalf("second load failed: %v", err)
		}
		if plain(cfg.Root) != plain(again.Root) {
			t.Fatalf("loading is not deterministic")
		}
	})
}
