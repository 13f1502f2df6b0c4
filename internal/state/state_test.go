package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// tree builds files under a fresh temp dir. Modes are set with Chmod because
// the umask varies between machines.
type tree struct {
	t    *testing.T
	root string // as the test names it
	real string // with the temp dir's own symlinks resolved, for RealPath
}

func newTree(t *testing.T) *tree {
	t.Helper()
	dir := t.TempDir()
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return &tree{t: t, root: dir, real: real}
}

func (tr *tree) path(rel string) string { return filepath.Join(tr.root, filepath.FromSlash(rel)) }

func (tr *tree) file(rel, content string, mode fs.FileMode) string {
	tr.t.Helper()
	p := tr.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tr.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		tr.t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		tr.t.Fatal(err)
	}
	return p
}

func (tr *tree) dir(rel string, mode fs.FileMode) string {
	tr.t.Helper()
	p := tr.path(rel)
	if err := os.MkdirAll(p, 0o755); err != nil {
		tr.t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		tr.t.Fatal(err)
	}
	return p
}

func (tr *tree) link(rel, target string) string {
	tr.t.Helper()
	p := tr.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tr.t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		tr.t.Fatal(err)
	}
	return p
}

func take(t *testing.T, opts Options) *Snapshot {
	t.Helper()
	type result struct {
		s   *Snapshot
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := Take(opts)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.s
	case <-time.After(10 * time.Second):
		t.Fatal("Take did not return within 10s")
	}
	return nil
}

// readWithin fails the test instead of hanging when ReadFile blocks.
func readWithin(t *testing.T, s *Snapshot, path string) ([]byte, error) {
	t.Helper()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := s.ReadFile(path)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("ReadFile(%s) did not return within 10s", path)
	}
	return nil, nil
}

func mustLstat(t *testing.T, s *Snapshot, path string) Entry {
	t.Helper()
	e, ok := s.Lstat(path)
	if !ok {
		t.Fatalf("Lstat(%s): not recorded", path)
	}
	return e
}

func mustStat(t *testing.T, s *Snapshot, path string) Info {
	t.Helper()
	i, ok := s.Stat(path)
	if !ok {
		t.Fatalf("Stat(%s): not recorded", path)
	}
	return i
}

func TestKindsModesAndOwners(t *testing.T) {
	tr := newTree(t)
	tr.file("a600", "secret", 0o600)
	tr.file("b644", "hello", 0o644)
	tr.file("c777", "", 0o777)
	tr.file("d622", "x", 0o622)
	tr.file("e4755", "x", 0o755|fs.ModeSetuid)
	tr.dir("f700", 0o700)
	tr.dir("g1777", 0o777|fs.ModeSticky)
	tr.dir("h2750", 0o750|fs.ModeSetgid)
	s := take(t, Options{Roots: []string{tr.root}})

	tests := []struct {
		rel  string
		kind Kind
		mode fs.FileMode
		size int64
	}{
		{"a600", File, 0o600, 6},
		{"b644", File, 0o644, 5},
		{"c777", File, 0o777, 0},
		{"d622", File, 0o622, 1},
		{"e4755", File, 0o755 | fs.ModeSetuid, 1},
		{"f700", Dir, 0o700, -1},
		{"g1777", Dir, 0o777 | fs.ModeSticky, -1},
		{"h2750", Dir, 0o750 | fs.ModeSetgid, -1},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			e := mustLstat(t, s, tr.path(tt.rel))
			if e.Kind != tt.kind || e.Mode != tt.mode {
				t.Errorf("got %s %v, want %s %v", e.Kind, e.Mode, tt.kind, tt.mode)
			}
			if tt.size >= 0 && e.Size != tt.size {
				t.Errorf("size %d, want %d", e.Size, tt.size)
			}
			if e.Root != tr.root {
				t.Errorf("root %q, want %q", e.Root, tr.root)
			}
			if runtime.GOOS != "windows" {
				if !e.HasOwner || e.UID != uint32(os.Geteuid()) {
					t.Errorf("owner %v %d, want uid %d", e.HasOwner, e.UID, os.Geteuid())
				}
				if e.Nlink == 0 {
					t.Error("nlink 0")
				}
			}
			i := mustStat(t, s, tr.path(tt.rel))
			if i.Kind != tt.kind || i.Mode != tt.mode || i.IsSymlink || i.Dangling {
				t.Errorf("Stat = %+v", i)
			}
			if want := filepath.Join(tr.real, tt.rel); i.RealPath != want {
				t.Errorf("RealPath %q, want %q", i.RealPath, want)
			}
		})
	}
	root := mustLstat(t, s, tr.root)
	if root.Kind != Dir || root.Root != tr.root {
		t.Errorf("root entry %+v", root)
	}
	if len(s.Errors()) != 0 || s.Truncated() {
		t.Errorf("errors %v, truncations %v", s.Errors(), s.Truncations())
	}
}

func TestSymlinkInsideRoot(t *testing.T) {
	tr := newTree(t)
	tr.file("sub/target.json", `{"ok":true}`, 0o640)
	tr.link("rel", "sub/target.json")
	tr.link("sub/up", "../sub/./target.json")
	tr.link("abs", tr.path("sub/target.json"))
	tr.link("dirlink", "sub")
	s := take(t, Options{Roots: []string{tr.root}})

	for _, rel := range []string{"rel", "sub/up", "abs"} {
		t.Run(rel, func(t *testing.T) {
			p := tr.path(rel)
			e := mustLstat(t, s, p)
			if e.Kind != Symlink || !e.Link.TargetExists || e.Link.TargetKind != File ||
				e.Link.TargetMode != 0o640 || !e.Link.InsideRoot || e.Link.Err != "" {
				t.Fatalf("entry %+v", e)
			}
			if want := filepath.Join(tr.real, "sub", "target.json"); e.Link.RealPath != want {
				t.Errorf("RealPath %q, want %q", e.Link.RealPath, want)
			}
			i := mustStat(t, s, p)
			if i.Kind != File || i.Mode != 0o640 || !i.IsSymlink || i.Dangling || i.Size != 11 {
				t.Errorf("Stat = %+v", i)
			}
			b, err := readWithin(t, s, p)
			if err != nil || string(b) != `{"ok":true}` {
				t.Errorf("ReadFile = %q, %v", b, err)
			}
		})
	}
	if e := mustLstat(t, s, tr.path("rel")); e.Link.Text != "sub/target.json" {
		t.Errorf("link text %q", e.Link.Text)
	}

	// A symlinked directory is recorded, not walked.
	if i := mustStat(t, s, tr.path("dirlink")); i.Kind != Dir || !i.IsSymlink {
		t.Errorf("Stat(dirlink) = %+v", i)
	}
	if s.Listed(tr.path("dirlink")) || s.Children(tr.path("dirlink")) != nil {
		t.Error("symlinked dir was walked")
	}
	if _, ok := s.Lstat(tr.path("dirlink/target.json")); ok {
		t.Error("entry recorded through a symlinked dir")
	}
	// Reading through it is refused: the path is not recorded and passes
	// through a symlink.
	if _, err := readWithin(t, s, tr.path("dirlink/target.json")); !errors.Is(err, ErrSymlink) {
		t.Errorf("ReadFile through dir link: %v, want ErrSymlink", err)
	}
}

func TestSymlinkEscapingRoot(t *testing.T) {
	tr := newTree(t)
	out := newTree(t)
	secret := out.file("secret", "token", 0o600)
	out.dir("d", 0o755)
	rel, err := filepath.Rel(tr.root, secret)
	if err != nil {
		t.Fatal(err)
	}
	tr.link("abs", secret)
	tr.link("rel", rel)
	tr.link("dir", out.path("d"))
	// Escapes through a link that itself stays inside.
	tr.link("hop", "abs")
	s := take(t, Options{Roots: []string{tr.root}})

	for _, name := range []string{"abs", "rel", "hop"} {
		t.Run(name, func(t *testing.T) {
			p := tr.path(name)
			e := mustLstat(t, s, p)
			if e.Kind != Symlink || !e.Link.TargetExists || e.Link.InsideRoot || e.Link.TargetKind != File {
				t.Fatalf("entry %+v", e)
			}
			if want := filepath.Join(out.real, "secret"); e.Link.RealPath != want {
				t.Errorf("RealPath %q, want %q", e.Link.RealPath, want)
			}
			if i := mustStat(t, s, p); i.Kind != File || i.Mode != 0o600 {
				t.Errorf("Stat = %+v", i)
			}
			_, err := readWithin(t, s, p)
			if !errors.Is(err, ErrOutsideRoot) {
				t.Fatalf("ReadFile: %v, want ErrOutsideRoot", err)
			}
			if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "outside") {
				t.Errorf("error %q does not name the path and the escape", err)
			}
		})
	}
	e := mustLstat(t, s, tr.path("dir"))
	if e.Link.InsideRoot || e.Link.TargetKind != Dir {
		t.Errorf("dir link %+v", e)
	}
}

func TestSymlinkedRoot(t *testing.T) {
	base := newTree(t)
	real := base.dir("real-state", 0o700)
	base.file("real-state/openclaw.json", "{}", 0o600)
	base.file("real-state/credentials/c.json", "{}", 0o600)
	root := base.link(".openclaw", real)
	s := take(t, Options{Roots: []string{root}})

	e := mustLstat(t, s, root)
	wantReal := filepath.Join(base.real, "real-state")
	if e.Kind != Symlink || !e.Link.TargetExists || e.Link.TargetKind != Dir || !e.Link.InsideRoot ||
		e.Link.RealPath != wantReal || e.Link.TargetMode != 0o700 {
		t.Fatalf("root entry %+v", e)
	}
	if i := mustStat(t, s, root); !i.IsDir() || i.Mode != 0o700 || !i.IsSymlink {
		t.Errorf("Stat(root) = %+v", i)
	}
	if got := s.Roots(); len(got) != 1 || got[0] != (Root{Path: root, RealPath: wantReal}) {
		t.Errorf("Roots() = %+v", got)
	}
	cfg := filepath.Join(root, "openclaw.json")
	ce := mustLstat(t, s, cfg)
	if ce.Kind != File || ce.Root != root {
		t.Errorf("config entry %+v", ce)
	}
	if i := mustStat(t, s, cfg); i.RealPath != filepath.Join(wantReal, "openclaw.json") {
		t.Errorf("config RealPath %q", i.RealPath)
	}
	if got := names(s.Children(root)); !reflect.DeepEqual(got, []string{"credentials", "openclaw.json"}) {
		t.Errorf("Children(root) = %v", got)
	}
	if b, err := readWithin(t, s, cfg); err != nil || string(b) != "{}" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
}

func names(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, filepath.Base(e.Path))
	}
	return out
}

func TestDanglingLinkAndLoops(t *testing.T) {
	tr := newTree(t)
	tr.link("dangling", "missing.json")
	tr.link("a", "b")
	tr.link("b", "a")
	tr.link("self", "self")
	tr.file("f", "x", 0o600)
	tr.link("through-file", "f/x")
	tr.link("slash-file", "f/")
	s := take(t, Options{Roots: []string{tr.root}})

	tests := []struct {
		name, errText string
	}{
		{"dangling", "no such file"},
		{"a", "too many levels"},
		{"b", "too many levels"},
		{"self", "too many levels"},
		{"through-file", "not a directory"},
		{"slash-file", "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tr.path(tt.name)
			e := mustLstat(t, s, p)
			if e.Kind != Symlink || e.Link.TargetExists || e.Link.RealPath != "" || e.Link.TargetKind != None {
				t.Fatalf("entry %+v", e)
			}
			if !strings.Contains(e.Link.Err, tt.errText) {
				t.Errorf("Link.Err %q, want %q", e.Link.Err, tt.errText)
			}
			i := mustStat(t, s, p)
			if !i.Dangling || !i.IsSymlink || i.Kind != Symlink || i.RealPath != "" || i.Mode != e.Mode {
				t.Errorf("Stat = %+v", i)
			}
			if runtime.GOOS == "linux" && i.Mode != 0o777 {
				t.Errorf("dangling link mode %v, want the link's own 0777", i.Mode)
			}
			if _, err := readWithin(t, s, p); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("ReadFile: %v, want not-exist", err)
			}
		})
	}
}

func TestLinkHopLimit(t *testing.T) {
	tr := newTree(t)
	tr.file("target", "x", 0o600)
	// l0 → l1 → … → l(n-1) → target: n links in all.
	chain := func(prefix string, n int) {
		for i := 0; i < n; i++ {
			next := "target"
			if i+1 < n {
				next = fmt.Sprintf("%s%d", prefix, i+1)
			}
			tr.link(fmt.Sprintf("%s%d", prefix, i), next)
		}
	}
	chain("ok", maxLinkHops)
	chain("long", maxLinkHops+1)
	s := take(t, Options{Roots: []string{tr.root}})
	if e := mustLstat(t, s, tr.path("ok0")); !e.Link.TargetExists {
		t.Errorf("%d hops: %+v", maxLinkHops, e.Link)
	}
	if e := mustLstat(t, s, tr.path("long0")); e.Link.TargetExists || !strings.Contains(e.Link.Err, "too many") {
		t.Errorf("%d hops: %+v", maxLinkHops+1, e.Link)
	}
}

func TestMaxEntries(t *testing.T) {
	tr := newTree(t)
	for _, d := range []string{"d1", "d2"} {
		for i := 0; i < 4; i++ {
			tr.file(fmt.Sprintf("%s/f%d", d, i), "", 0o600)
		}
	}
	tr.file("z", "", 0o600)
	second := newTree(t)
	second.file("x", "", 0o600)
	s := take(t, Options{Roots: []string{tr.root, second.root}, MaxEntries: 7})

	var got []string
	for _, e := range s.Entries() {
		got = append(got, e.Path)
	}
	want := []string{
		tr.root,
		tr.path("d1"), tr.path("d1/f0"), tr.path("d1/f1"), tr.path("d1/f2"), tr.path("d1/f3"),
		tr.path("d2"), tr.path("d2/f0"),
		second.root,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries\n got %q\nwant %q", got, want)
	}
	wantTrunc := []Truncation{{tr.path("d2"), LimitEntries}, {second.root, LimitEntries}}
	if !reflect.DeepEqual(s.Truncations(), wantTrunc) {
		t.Errorf("truncations %+v, want %+v", s.Truncations(), wantTrunc)
	}
	if !s.Listed(tr.path("d1")) {
		t.Error("a complete listing reports itself cut short")
	}
	for _, d := range []string{tr.path("d2"), tr.root, second.root} {
		if s.Listed(d) {
			t.Errorf("cut-short listing of %s reports itself complete", d)
		}
	}
	if n := len(s.Children(tr.path("d2"))); n != 1 {
		t.Errorf("Children(d2) has %d entries", n)
	}
}

// A directory with more names than MaxEntries is cut short while its names
// are read; which names survive is up to the file system, but the walk
// stays bounded, sorted and flagged.
func TestMaxEntriesHugeDir(t *testing.T) {
	tr := newTree(t)
	for i := 0; i < 50; i++ {
		tr.file(fmt.Sprintf("big/f%02d", i), "", 0o600)
	}
	s := take(t, Options{Roots: []string{tr.root}, MaxEntries: 10})
	kids := s.Children(tr.path("big"))
	if len(kids) != 9 {
		t.Errorf("Children(big) has %d entries, want 9", len(kids))
	}
	if !slices.IsSortedFunc(kids, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("children not sorted")
	}
	want := []Truncation{{tr.path("big"), LimitEntries}}
	if !reflect.DeepEqual(s.Truncations(), want) {
		t.Errorf("truncations %+v, want %+v", s.Truncations(), want)
	}
}

func TestMaxDepth(t *testing.T) {
	tr := newTree(t)
	deep := tr.file("a/b/c/d/deep.txt", "deep", 0o600)
	tr.file("a/shallow.txt", "", 0o600)
	s := take(t, Options{Roots: []string{tr.root}, MaxDepth: 2})

	for _, rel := range []string{"a", "a/b", "a/shallow.txt"} {
		mustLstat(t, s, tr.path(rel))
	}
	if _, ok := s.Lstat(tr.path("a/b/c")); ok {
		t.Error("a/b/c recorded beyond MaxDepth")
	}
	want := []Truncation{{tr.path("a/b"), LimitDepth}}
	if !reflect.DeepEqual(s.Truncations(), want) {
		t.Errorf("truncations %+v, want %+v", s.Truncations(), want)
	}
	if s.Listed(tr.path("a/b")) || !s.Listed(tr.path("a")) {
		t.Error("Listed is wrong around the depth limit")
	}
	// A file below a root is readable even when the walk did not reach it.
	if b, err := readWithin(t, s, deep); err != nil || string(b) != "deep" {
		t.Errorf("ReadFile(deep) = %q, %v", b, err)
	}
}

func TestUnreadableDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX permissions")
	}
	if os.Geteuid() == 0 {
		t.Skip("root bypasses directory permissions")
	}
	tr := newTree(t)
	tr.file("locked/inner", "", 0o600)
	locked := tr.dir("locked", 0o000)
	t.Cleanup(func() { os.Chmod(locked, 0o700) })
	tr.file("after", "", 0o600)
	s := take(t, Options{Roots: []string{tr.root}})

	if e := mustLstat(t, s, locked); e.Kind != Dir || e.Mode != 0 {
		t.Errorf("locked entry %+v", e)
	}
	mustLstat(t, s, tr.path("after"))
	errs := s.Errors()
	if len(errs) != 1 || errs[0].Path != locked || !errors.Is(errs[0], fs.ErrPermission) {
		t.Fatalf("errors %v", errs)
	}
	if !strings.Contains(errs[0].Error(), locked) {
		t.Errorf("error %q lacks the path", errs[0].Error())
	}
	if s.Listed(locked) {
		t.Error("unreadable dir reported as listed")
	}
}

func TestFIFONeverBlocks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	tr := newTree(t)
	fifo := tr.path("pipe")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	tr.link("to-pipe", "pipe")
	swapped := tr.file("swapped", "x", 0o600)
	s := take(t, Options{Roots: []string{tr.root}})

	if e := mustLstat(t, s, fifo); e.Kind != FIFO {
		t.Errorf("fifo entry %+v", e)
	}
	if _, err := readWithin(t, s, fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(fifo): %v, want ErrNotRegular", err)
	}
	if _, err := readWithin(t, s, tr.path("to-pipe")); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(link to fifo): %v, want ErrNotRegular", err)
	}

	// A regular file replaced by a FIFO after Take: refused, not opened.
	if err := os.Remove(swapped); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(swapped); err != nil {
		t.Fatal(err)
	}
	if _, err := readWithin(t, s, swapped); !errors.Is(err, ErrChanged) {
		t.Errorf("ReadFile(swapped for fifo): %v, want ErrChanged", err)
	}
}

func TestReadFileRefusesChangedFiles(t *testing.T) {
	tr := newTree(t)
	toLink := tr.file("to-link", "original", 0o600)
	replaced := tr.file("replaced", "original", 0o600)
	removed := tr.file("removed", "original", 0o600)
	inDir := tr.file("dir/inner", "original", 0o600)
	tr.file("other", "other", 0o600)
	s := take(t, Options{Roots: []string{tr.root}})

	// A file swapped for a symlink to another file inside the root.
	if err := os.Remove(toLink); err != nil {
		t.Fatal(err)
	}
	tr.link("to-link", "other")
	// A file replaced by a new one: created before the old one goes, so it
	// cannot reuse the inode.
	tmp := tr.file("replaced.tmp", "new", 0o600)
	if err := os.Rename(tmp, replaced); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(removed); err != nil {
		t.Fatal(err)
	}
	// A directory above the file swapped for a symlink to a copy.
	if err := os.Rename(tr.path("dir"), tr.path("dir2")); err != nil {
		t.Fatal(err)
	}
	tr.link("dir", "dir2")

	for _, p := range []string{toLink, replaced, removed, inDir} {
		_, err := readWithin(t, s, p)
		if !errors.Is(err, ErrChanged) {
			t.Errorf("ReadFile(%s): %v, want ErrChanged", p, err)
			continue
		}
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q lacks the path", err)
		}
	}
}

func TestReadFileLimitsAndCache(t *testing.T) {
	tr := newTree(t)
	exact := tr.file("exact", "0123456789", 0o600)
	big := tr.file("big", "0123456789a", 0o600)
	dir := tr.dir("dir", 0o700)
	s := take(t, Options{Roots: []string{tr.root}, MaxReadBytes: 10})

	_, err := readWithin(t, s, big)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), big) || !strings.Contains(err.Error(), "10 bytes") {
		t.Errorf("ReadFile(big): %v", err)
	}
	b, err := readWithin(t, s, exact)
	if err != nil || string(b) != "0123456789" {
		t.Fatalf("ReadFile(exact) = %q, %v", b, err)
	}
	// The copy handed out is the caller's; the cache keeps its own.
	b[0] = 'X'
	// Rewriting in place keeps the inode: the cached content is served.
	if err := os.WriteFile(exact, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := readWithin(t, s, exact); err != nil || string(b) != "0123456789" {
		t.Errorf("second ReadFile = %q, %v", b, err)
	}

	if _, err := readWithin(t, s, dir); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(dir): %v, want ErrNotRegular", err)
	}
	if _, err := readWithin(t, s, "/definitely/not/recorded"); !errors.Is(err, ErrNotRecorded) {
		t.Errorf("ReadFile(outside): %v, want ErrNotRecorded", err)
	}
	if _, err := readWithin(t, s, "relative"); !errors.Is(err, ErrNotRecorded) {
		t.Errorf("ReadFile(relative): %v, want ErrNotRecorded", err)
	}
	if _, err := readWithin(t, s, tr.path("missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(missing below root): %v, want not-exist", err)
	}
}

func TestExtraPaths(t *testing.T) {
	state := newTree(t)
	elsewhere := newTree(t)
	cfg := elsewhere.file("openclaw.json", "{cfg}", 0o644)
	inc := elsewhere.file("inc/a.json5", "{inc}", 0o640)
	cfgLink := elsewhere.link("link.json", "inc/a.json5")
	elsewhere.file("target/auth.json", "{auth}", 0o600)
	// An agent dir behind a symlink inside the state dir, pointing out.
	state.link("agents", elsewhere.path("target"))
	behind := filepath.Join(state.root, "agents", "auth.json")
	state.file("sessions.json", "{}", 0o600)

	s := take(t, Options{
		Roots: []string{state.root},
		Paths: []string{cfg, inc, cfgLink, behind, state.path("sessions.json"), elsewhere.path("missing.json")},
	})

	if e := mustLstat(t, s, cfg); e.Kind != File || e.Mode != 0o644 || e.Root != "" {
		t.Errorf("config entry %+v", e)
	}
	if e := mustLstat(t, s, inc); e.Mode != 0o640 {
		t.Errorf("include entry %+v", e)
	}
	if _, ok := s.Lstat(elsewhere.path("missing.json")); ok {
		t.Error("missing path recorded")
	}
	if len(s.Errors()) != 0 {
		t.Errorf("errors %v", s.Errors())
	}
	if b, err := readWithin(t, s, cfg); err != nil || string(b) != "{cfg}" {
		t.Errorf("ReadFile(config) = %q, %v", b, err)
	}
	// A named path outside every root may follow its own symlink.
	if b, err := readWithin(t, s, cfgLink); err != nil || string(b) != "{inc}" {
		t.Errorf("ReadFile(config link) = %q, %v", b, err)
	}
	// Lstat follows the symlinked directory above the file, as Node does,
	// but the file lies outside the root it is named under.
	e := mustLstat(t, s, behind)
	if e.Kind != File || e.Root != state.root || e.Mode != 0o600 {
		t.Errorf("entry behind dir link %+v", e)
	}
	if _, err := readWithin(t, s, behind); !errors.Is(err, ErrOutsideRoot) {
		t.Errorf("ReadFile(behind dir link): %v, want ErrOutsideRoot", err)
	}
	// Already recorded by the walk: recorded once.
	n := 0
	for _, e := range s.Entries() {
		if e.Path == state.path("sessions.json") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("sessions.json recorded %d times", n)
	}
}

func TestNestedRootsAndMissingRoot(t *testing.T) {
	tr := newTree(t)
	tr.file("workspace/skills/a/SKILL.md", "x", 0o644)
	tr.file("openclaw.json", "{}", 0o600)
	ws := tr.path("workspace")
	s := take(t, Options{Roots: []string{ws, tr.root, tr.path("nope"), tr.root + "/"}})

	if e := mustLstat(t, s, tr.path("workspace/skills/a/SKILL.md")); e.Root != ws {
		t.Errorf("nested entry root %q, want %q", e.Root, ws)
	}
	if e := mustLstat(t, s, tr.path("openclaw.json")); e.Root != tr.root {
		t.Errorf("outer entry root %q", e.Root)
	}
	if got := names(s.Children(tr.root)); !reflect.DeepEqual(got, []string{"openclaw.json", "workspace"}) {
		t.Errorf("Children(root) = %v", got)
	}
	seen := map[string]int{}
	for _, e := range s.Entries() {
		seen[e.Path]++
	}
	for p, n := range seen {
		if n != 1 {
			t.Errorf("%s recorded %d times", p, n)
		}
	}
	if len(s.Roots()) != 2 || len(s.Errors()) != 0 {
		t.Errorf("roots %v, errors %v", s.Roots(), s.Errors())
	}

	if _, err := Take(Options{Roots: []string{"relative/dir"}}); err == nil {
		t.Error("relative root accepted")
	}
	s = take(t, Options{Paths: []string{"", "relative.json", tr.path("openclaw.json")}})
	want := []PathError{{Path: "relative.json", Op: "lstat", Err: errNotAbsolute}}
	if !reflect.DeepEqual(s.Errors(), want) || len(s.Entries()) != 1 {
		t.Errorf("errors %v, entries %d", s.Errors(), len(s.Entries()))
	}
}

func TestDeterministicOrder(t *testing.T) {
	tr := newTree(t)
	for _, rel := range []string{"b", "B", "a-c", "a.b", "a/x", "a/X", "_", "a/y/z", "ä"} {
		tr.file(rel, rel, 0o600)
	}
	tr.link("link", "a")
	opts := Options{Roots: []string{tr.root}}
	s1, s2 := take(t, opts), take(t, opts)
	if !reflect.DeepEqual(s1.Entries(), s2.Entries()) {
		t.Error("two snapshots of one tree differ")
	}

	var walked []string
	err := s1.Walk(tr.root, func(e Entry) error {
		rel, _ := filepath.Rel(tr.root, e.Path)
		walked = append(walked, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".", "B", "_", "a", "a/X", "a/x", "a/y", "a/y/z", "a-c", "a.b", "b", "link", "ä"}
	if !reflect.DeepEqual(walked, want) {
		t.Errorf("walk order\n got %q\nwant %q", walked, want)
	}
	var entries []string
	for _, e := range s1.Entries() {
		rel, _ := filepath.Rel(tr.root, e.Path)
		entries = append(entries, filepath.ToSlash(rel))
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("Entries order %q", entries)
	}

	// SkipDir skips one directory's children; SkipAll stops.
	walked = nil
	s1.Walk(tr.root, func(e Entry) error {
		walked = append(walked, filepath.Base(e.Path))
		if filepath.Base(e.Path) == "a" {
			return fs.SkipDir
		}
		if filepath.Base(e.Path) == "b" {
			return fs.SkipAll
		}
		return nil
	})
	if got := strings.Join(walked[1:], " "); got != "B _ a a-c a.b b" {
		t.Errorf("walk with skips: %s", got)
	}
}

func BenchmarkTake(b *testing.B) {
	root := b.TempDir()
	for d := 0; d < 50; d++ {
		dir := filepath.Join(root, fmt.Sprintf("dir%02d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := 0; f < 100; f++ {
			p := filepath.Join(dir, fmt.Sprintf("file%03d.json", f))
			if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil {
				b.Fatal(err)
			}
			if f%10 == 0 {
				if err := os.Symlink(p, p+".link"); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	opts := Options{Roots: []string{root}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Take(opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Entries()) != 1+50+5000+500 {
			b.Fatalf("%d entries", len(s.Entries()))
		}
	}
}

func TestLinkResolutionBounds(t *testing.T) {
	tr := newTree(t)
	tr.file("target", "x", 0o600)
	// Each link spends 1,500 free "." components before its next hop: two
	// such hops resolve, three exceed maxSteps.
	dots := strings.Repeat("./", 1500)
	tr.link("two1", dots+"two2")
	tr.link("two2", dots+"target")
	tr.link("three1", dots+"three2")
	tr.link("three2", dots+"three3")
	tr.link("three3", dots+"target")
	s := take(t, Options{Roots: []string{tr.root}})
	if e := mustLstat(t, s, tr.path("two1")); !e.Link.TargetExists {
		t.Errorf("two hops: %+v", e.Link)
	}
	if e := mustLstat(t, s, tr.path("three1")); e.Link.TargetExists || e.Link.Err != errTooManySteps.Error() {
		t.Errorf("three hops: %+v", e.Link)
	}

	// Links into many directories spend the budget; the walk still ends,
	// the rest are left unresolved, and the first of those is recorded.
	many := newTree(t)
	for i := 0; i < 20; i++ {
		many.file(fmt.Sprintf("d%02d/f", i), "", 0o600)
		many.link(fmt.Sprintf("l%02d", i), fmt.Sprintf("d%02d/f", i))
	}
	s = take(t, Options{Roots: []string{many.root}, linkBudget: 60})
	var unresolved []string
	for _, e := range s.Entries() {
		if e.Kind == Symlink && !e.Link.TargetExists {
			if e.Link.Err != errBudget.Error() {
				t.Errorf("%s: %q", e.Path, e.Link.Err)
			}
			unresolved = append(unresolved, e.Path)
		}
	}
	if len(unresolved) == 0 || len(unresolved) == 20 {
		t.Fatalf("%d of 20 links unresolved", len(unresolved))
	}
	want := []Truncation{{unresolved[0], LimitLinks}}
	if !reflect.DeepEqual(s.Truncations(), want) {
		t.Errorf("truncations %+v, want %+v", s.Truncations(), want)
	}
}

func TestConcurrentReads(t *testing.T) {
	tr := newTree(t)
	var paths []string
	for i := 0; i < 8; i++ {
		paths = append(paths, tr.file(fmt.Sprintf("f%d", i), fmt.Sprintf("content %d", i), 0o600))
	}
	s := take(t, Options{Roots: []string{tr.root}})
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				p := paths[(g+i)%len(paths)]
				b, err := s.ReadFile(p)
				if err == nil && !strings.HasPrefix(string(b), "content ") {
					err = fmt.Errorf("%s: %q", p, b)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
