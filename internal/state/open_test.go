package state

import (
	"errors"
	"io"
	"os"
	"syscall"
	"testing"
)

func TestOpenStreamsRecordedFile(t *testing.T) {
	tr := newTree(t)
	p := tr.file("agents/main/sessions/a.jsonl", "line one\nline two\n", 0o600)
	snap, err := Take(Options{Roots: []string{tr.root}, MaxReadBytes: 4})
	if err != nil {
		t.Fatal(err)
	}
	// ReadFile refuses what is over its cap; Open streams it.
	if _, err := snap.ReadFile(p); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ReadFile: %v, want ErrTooLarge", err)
	}
	f, size, err := snap.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if size != 18 {
		t.Errorf("size %d, want 18", size)
	}
	data, err := io.ReadAll(f)
	if err != nil || string(data) != "line one\nline two\n" {
		t.Errorf("read %q, %v", data, err)
	}
}

func TestOpenRefusals(t *testing.T) {
	tr := newTree(t)
	outside := newTree(t)
	secret := outside.file("secret.txt", "s3cr3t", 0o600)
	tr.file("a.txt", "a", 0o600)
	tr.dir("d", 0o700)
	if err := os.Symlink(secret, tr.path("escape")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", tr.path("inside")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(tr.path("fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	snap, err := Take(Options{Roots: []string{tr.root}})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]error{
		"escape": ErrOutsideRoot,
		"fifo":   ErrNotRegular,
		"d":      ErrNotRegular,
	} {
		if f, _, err := snap.Open(tr.path(name)); !errors.Is(err, want) {
			if f != nil {
				f.Close()
			}
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
	if _, _, err := snap.Open("relative"); !errors.Is(err, ErrNotRecorded) {
		t.Errorf("relative: %v", err)
	}
	f, _, err := snap.Open(tr.path("inside"))
	if err != nil {
		t.Fatalf("inside: %v", err)
	}
	f.Close()

	// A file replaced after the snapshot is refused.
	tr.file("b.txt", "b", 0o600)
	if err := os.Rename(tr.path("b.txt"), tr.path("a.txt")); err != nil {
		t.Fatal(err)
	}
	if f, _, err := snap.Open(tr.path("a.txt")); !errors.Is(err, ErrChanged) {
		if f != nil {
			f.Close()
		}
		t.Errorf("replaced: %v, want ErrChanged", err)
	}
}
