package hostile

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/cli"
)

// treeState describes every entry below root: type, mode, size, mtime,
// link target and content hash.
func treeState(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		desc := fmt.Sprintf("%v %d %d", fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			desc += " -> " + target
		case fi.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %x", sha256.Sum256(b))
		}
		out[p] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The audit only reads: after every kind of run (each format, --deep,
// --fix --dry-run) the home holds exactly what it held before, to the
// modification time, and nothing new.
func TestAuditWritesNothing(t *testing.T) {
	homeDir, stateDir := home(t)
	copyTree(t, filepath.Join("..", "..", "examples", "insecure-home", ".openclaw"), stateDir)
	symlink(t, filepath.Join(stateDir, "openclaw.json"), filepath.Join(stateDir, "link.json"))
	before := treeState(t, homeDir)
	for _, args := range [][]string{
		{"security", "audit", "--no-docker"},
		{"security", "audit", "--no-docker", "--json"},
		{"security", "audit", "--no-docker", "--format", "sarif"},
		{"security", "audit", "--no-docker", "--format", "html"},
		{"security", "audit", "--no-docker", "--format", "markdown"},
		{"security", "audit", "--no-docker", "--deep", "--timeout", "20s"},
		{"security", "audit", "--no-docker", "--fix", "--dry-run"},
		{"security", "audit", "--no-docker", "--compat", "2026.9", "--fail-on", "info"},
	} {
		r := audit(t, homeDir, map[string]string{"OPENCLAW_GATEWAY_PORT": "1"}, args...)
		if r.code != cli.ExitOK && r.code != cli.ExitFindings {
			t.Fatalf("%v: exit %d: %s", args, r.code, clip(r.stderr))
		}
		after := treeState(t, homeDir)
		var diff []string
		for p, d := range after {
			if before[p] != d {
				diff = append(diff, fmt.Sprintf("%s: %q -> %q", p, before[p], d))
			}
		}
		for p := range before {
			if _, ok := after[p]; !ok {
				diff = append(diff, p+": removed")
			}
		}
		sort.Strings(diff)
		if len(diff) > 0 {
			t.Errorf("%v changed the home:\n%s", args, strings.Join(diff, "\n"))
		}
	}
}
