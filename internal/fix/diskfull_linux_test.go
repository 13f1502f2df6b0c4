//go:build linux

package fix_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/clawcheck/clawcheck/internal/fix"
)

// TestDiskFull runs --fix on a real, full filesystem: a 64 KiB tmpfs whose
// last page is taken before the write. The edit must fail cleanly: the
// config keeps its bytes and comments, no backup or temporary file is left,
// and the error says why. Mounting needs root (CAP_SYS_ADMIN); elsewhere the
// case is skipped (the failing-writer case in TestReadOnlyFileSystem covers
// the same path).
func TestDiskFull(t *testing.T) {
	mnt := t.TempDir()
	if err := unix.Mount("tmpfs", mnt, "tmpfs", 0, "size=64k,mode=0755"); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v", err)
	}
	t.Cleanup(func() { _ = unix.Unmount(mnt, unix.MNT_DETACH) })

	home := filepath.Join(mnt, "home")
	state := filepath.Join(home, ".openclaw")
	if err := os.MkdirAll(state, 0o700); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(state, "openclaw.json")
	orig := "// keep me\n{channels: {telegram: {groupPolicy: \"open\"}}}\n"
	if err := os.WriteFile(cfg, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	p, env := plan(t, home, "", "")

	// Fill every remaining block.
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := filler.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	filler.Close()

	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if r.OK || r.ConfigWritten {
		t.Fatalf("result on a full disk: ok=%v written=%v errors=%q", r.OK, r.ConfigWritten, r.Errors)
	}
	if !strings.Contains(strings.Join(r.Errors, "\n"), "no space left") {
		t.Errorf("errors do not say the disk is full: %q", r.Errors)
	}
	if got, _ := os.ReadFile(cfg); string(got) != orig {
		t.Errorf("config changed on a full disk: %q", got)
	}
	entries, _ := os.ReadDir(state)
	for _, e := range entries {
		if e.Name() != "openclaw.json" {
			t.Errorf("left behind in the state dir: %s", e.Name())
		}
	}
}
