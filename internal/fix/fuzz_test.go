package fix_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/clawcheck/clawcheck/internal/fix"
)

// FuzzPlan plans fixes for arbitrary config texts and applies them: the
// planner must never panic, and every file it writes must pass the
// applier's re-parse check (an edit that changes more than the planned
// values fails the write, which the fuzzer reports).
func FuzzPlan(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "home/.openclaw/openclaw.json" {
				f.Add(string(af.Data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		home := filepath.Join(t.TempDir(), "home")
		dir := filepath.Join(home, ".openclaw")
		if err := os.MkdirAll(filepath.Join(dir, "credentials"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "openclaw.json"), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "credentials", "whatsapp-allowFrom.json"), []byte(`{"allowFrom":["+1"]}`), 0o600); err != nil {
			t.Fatal(err)
		}
		p, ok := tryPlan(t, home)
		if !ok {
			return
		}
		r := fix.Apply(p, fix.Options{Windows: &posix})
		for _, e := range r.Errors {
			if strings.Contains(e, "differs from the original") || strings.Contains(e, "does not parse") ||
				strings.Contains(e, "conflict") {
				t.Fatalf("bad edit for %q: %s", text, e)
			}
		}
	})
}
