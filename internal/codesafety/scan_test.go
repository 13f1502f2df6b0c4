package codesafety

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/state"
)

// tree writes files (relative path → content) under a fresh directory and
// returns it with a snapshot of it.
func tree(t testing.TB, files map[string]string) (string, *state.Snapshot) {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(content, "->") {
			if err := os.Symlink(strings.TrimPrefix(content, "->"), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := state.Take(state.Options{Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	return root, snap
}

func rules(sum Summary) []string {
	var out []string
	for _, h := range sum.Hits {
		out = append(out, fmt.Sprintf("%s:%d:%s", filepath.Base(h.File), h.Line, h.RuleID))
	}
	return out
}

func TestScanDirHostile(t *testing.T) {
	deep := strings.Repeat("d/", 20) + "deep.js"
	root, snap := tree(t, map[string]string{
		"huge.js":           "eval(x)\n" + strings.Repeat("/", MaxFileBytes),
		"exact.js":          "eval(x)" + strings.Repeat(" ", MaxFileBytes-len("eval(x)")),
		"binary.js":         "\x00\x01\xff\xfe eval(x) \x00",
		"latin1.js":         "// caf\xe9\nnew Function('a')",
		deep:                "eval(y)",
		"link.js":           "->exact.js",
		"outside.js":        "->/etc/hostname",
		"node_modules/a.js": "eval(x)",
		".hidden/a.js":      "eval(x)",
		"a.JS":              "eval(upper)",
		"notes.md":          "eval(x)",
	})
	for _, compat := range []check.Compat{c4, c9} {
		sum, err := New(snap, compat).ScanDir(root, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(rules(sum), " ")
		for _, want := range []string{"exact.js:1:", "binary.js:1:", "latin1.js:2:", "deep.js:1:", "a.JS:1:"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %s missing from %s", compat, want, got)
			}
		}
		for _, not := range []string{"huge.js", "link.js", "outside.js", "a.js:", "notes.md"} {
			if strings.Contains(got, not) {
				t.Errorf("%s: %s scanned: %s", compat, not, got)
			}
		}
		if sum.ScannedFiles != 5 {
			t.Errorf("%s: %d scanned files, want 5", compat, sum.ScannedFiles)
		}
	}
}

func TestScanDirForced(t *testing.T) {
	root, snap := tree(t, map[string]string{
		".cache/a.js":       "eval(x)",
		"node_modules/b.js": "eval(x)",
		"main.js":           "->main.js",
		"ok.js":             "export {}",
		"in-link.js":        "->.cache/a.js",
	})
	s := New(snap, c9)
	sum, err := s.ScanDir(root, []string{filepath.Join(root, ".cache/a.js"), filepath.Join(root, "node_modules/b.js"),
		filepath.Join(root, "missing.js"), filepath.Join(root, "notes.md")})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rules(sum), " "); got != "a.js:1:dynamic-code-execution b.js:1:dynamic-code-execution" {
		t.Errorf("forced hits: %s", got)
	}
	sum, err = s.ScanDir(root, []string{filepath.Join(root, "in-link.js")})
	if err != nil || len(sum.Hits) != 1 {
		t.Errorf("a forced link inside the root is read: %v %v", rules(sum), err)
	}
	if _, err := s.ScanDir(root, []string{filepath.Join(root, "main.js")}); err == nil {
		t.Error("a looping forced entry must fail the scan")
	}
	if _, err := s.ScanDir(root, []string{filepath.Join(root, "ok.js", "x.js")}); err == nil {
		t.Error("a forced entry below a file must fail the scan")
	}
}

func TestScanDirFileCap(t *testing.T) {
	files := map[string]string{}
	for i := range MaxFiles + 20 {
		files[fmt.Sprintf("f%04d.js", i)] = "eval(x)"
	}
	root, snap := tree(t, files)
	sum, err := New(snap, c9).ScanDir(root, []string{filepath.Join(root, "f0519.js")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.ScannedFiles != MaxFiles || filepath.Base(sum.Hits[0].File) != "f0519.js" {
		t.Fatalf("scanned %d, first %s", sum.ScannedFiles, sum.Hits[0].File)
	}
}

func TestReadSkillFile(t *testing.T) {
	root, snap := tree(t, map[string]string{
		"a/SKILL.md":   "ok",
		"b/SKILL.md":   "->../a/SKILL.md",
		"c/SKILL.md":   strings.Repeat("x", MaxSkillFile+1),
		"d/SKILL.md/x": "a folder",
	})
	s := New(snap, c9)
	if _, err := s.ReadSkillFile(filepath.Join(root, "a/SKILL.md")); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"b", "c", "d", "e"} {
		if _, err := s.ReadSkillFile(filepath.Join(root, bad, "SKILL.md")); err == nil {
			t.Errorf("%s/SKILL.md read", bad)
		}
	}
}

// BenchmarkScanDir scans a generated plugin of 500 files of about 8 KiB,
// a few with hits.
func BenchmarkScanDir(b *testing.B) {
	files := map[string]string{}
	body := strings.Repeat("export function f(a, b) { return a.map((x) => x * b).filter(Boolean); }\n", 110)
	for i := range MaxFiles {
		content := body
		if i%50 == 0 {
			content += "const k = process.env.KEY;\nfetch(url, { body: k });\neval(k);\n"
		}
		files[fmt.Sprintf("src/m%02d/f%03d.ts", i%25, i)] = content
	}
	root, snap := tree(b, files)
	s := New(snap, c9)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ScanDir(root, nil); err != nil {
			b.Fatal(err)
		}
	}
}
