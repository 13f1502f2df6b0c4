package state

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
)

// Options says what Take records. Zero or negative limits take the defaults.
type Options struct {
	// Roots are walked recursively. A root that is a symlink is recorded as
	// one and its target is walked, because the state dir may legitimately
	// live elsewhere.
	Roots []string
	// Paths are recorded on their own, never walked: the config file, its
	// include files, the log file. Like Node's lstat, directories above the
	// last component are followed even when they are symlinks.
	Paths []string

	MaxEntries   int   // entries below the roots; default 200,000
	MaxDepth     int   // levels below a root; default 32
	MaxReadBytes int64 // per ReadFile; default 4 MiB

	// linkBudget bounds the work of resolving symlinks; see resolver.
	// Tests lower it; zero takes defaultBudget(MaxEntries).
	linkBudget int
}

const (
	defaultMaxEntries   = 200_000
	defaultMaxDepth     = 32
	defaultMaxReadBytes = 4 << 20
)

func (o Options) withDefaults() Options {
	if o.MaxEntries <= 0 {
		o.MaxEntries = defaultMaxEntries
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = defaultMaxDepth
	}
	if o.MaxReadBytes <= 0 {
		o.MaxReadBytes = defaultMaxReadBytes
	}
	if o.linkBudget <= 0 {
		o.linkBudget = defaultBudget(o.MaxEntries)
	}
	return o
}

// rawInfo is what one lstat, fstat or fstatat says, whatever the platform.
type rawInfo struct {
	kind     Kind
	mode     fs.FileMode
	size     int64
	uid      uint32
	gid      uint32
	nlink    uint64
	hasOwner bool
	id       fileID
}

// fileID identifies a file so that ReadFile can tell that the file it opened
// is the one Take saw. Unix platforms compare device and inode; elsewhere
// the FileInfo is kept for os.SameFile.
type fileID struct {
	known bool
	dev   uint64
	ino   uint64
	fi    fs.FileInfo
}

func sameID(a, b fileID) bool {
	if !a.known || !b.known {
		return false
	}
	if a.fi != nil && b.fi != nil {
		return os.SameFile(a.fi, b.fi)
	}
	return a.dev == b.dev && a.ino == b.ino
}

// dirHandle is an open directory. The walk reads names from it and looks
// children up relative to it, so that a directory swapped for a symlink
// mid-walk cannot redirect the walk (where the platform allows).
type dirHandle interface {
	// names returns the directory's names in the file system's order, at
	// most limit of them, and whether that was all of them.
	names(limit int) ([]string, bool, error)
	lstat(name string) (rawInfo, error)
	readlink(name string) (string, error)
	// openDir opens a child directory without following a symlink and
	// without blocking, and reports what it opened.
	openDir(name string) (dirHandle, rawInfo, error)
	close()
}

// Take walks opts.Roots and records opts.Paths. Problems on the disk are
// recorded in the snapshot, never returned. The only error is a root that is
// not absolute, which is a programmer error; extra paths often come from the
// audited config, so an empty one is ignored and a relative one is recorded
// in Errors and skipped.
func Take(opts Options) (*Snapshot, error) {
	opts = opts.withDefaults()
	roots, err := cleanRoots(opts.Roots)
	if err != nil {
		return nil, err
	}
	opts.Roots = roots

	s := &Snapshot{
		opts:     opts,
		entries:  make(map[string]Entry),
		children: make(map[string][]string),
		partial:  make(map[string]bool),
		reads:    make(map[string]*cachedRead),
	}
	w := &walker{
		opts:    opts,
		snap:    s,
		rootSet: make(map[string]bool, len(roots)),
		res:     newResolver(opts.linkBudget),
	}
	for _, r := range roots {
		w.rootSet[r] = true
	}
	for _, r := range roots {
		w.takeRoot(r)
	}
	for _, p := range opts.Paths {
		switch {
		case p == "":
		case !filepath.IsAbs(p):
			w.fail(p, "lstat", errNotAbsolute)
		default:
			w.takeExtra(filepath.Clean(p))
		}
	}
	return s, nil
}

var errNotAbsolute = errors.New("path is not absolute")

func cleanRoots(in []string) ([]string, error) {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, p := range in {
		if !filepath.IsAbs(p) {
			return nil, fmt.Errorf("state: root %q: %w", p, errNotAbsolute)
		}
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out, nil
}

type walker struct {
	opts    Options
	snap    *Snapshot
	rootSet map[string]bool
	res     *resolver
	count   int  // entries recorded below roots, against MaxEntries
	full    bool // MaxEntries reached; nothing more is walked
	broke   bool // the resolver's budget ran out; recorded once
}

func (w *walker) fail(path, op string, err error) {
	w.snap.errs = append(w.snap.errs, PathError{Path: path, Op: op, Err: bareErr(err)})
}

func (w *walker) truncate(path string, l Limit) {
	w.snap.truncated = append(w.snap.truncated, Truncation{Path: path, Limit: l})
}

func (w *walker) record(e Entry) {
	w.snap.entries[e.Path] = e
	w.snap.order = append(w.snap.order, e.Path)
}

func newEntry(path, root string, ri rawInfo) Entry {
	return Entry{
		Path:     path,
		Root:     root,
		Kind:     ri.kind,
		Mode:     ri.mode,
		Size:     ri.size,
		UID:      ri.uid,
		GID:      ri.gid,
		Nlink:    ri.nlink,
		HasOwner: ri.hasOwner,
		id:       ri.id,
	}
}

// setTarget fills the link of the entry at path from a resolution of it.
func (w *walker) setTarget(path string, l *Link, real string, ti rawInfo, err error, rootReal string) {
	if err != nil {
		l.Err = bareErr(err).Error()
		if errors.Is(err, errBudget) && !w.broke {
			w.broke = true
			w.truncate(path, LimitLinks)
		}
		return
	}
	l.TargetExists = true
	l.TargetKind = ti.kind
	l.TargetMode = ti.mode
	l.TargetSize = ti.size
	l.TargetUID = ti.uid
	l.TargetGID = ti.gid
	l.TargetNlink = ti.nlink
	l.RealPath = real
	l.InsideRoot = within(rootReal, real)
	l.targetID = ti.id
}

func (w *walker) takeRoot(root string) {
	ri, err := lstatPath(root)
	if err != nil {
		if !isNotExist(err) {
			w.fail(root, "lstat", err)
		}
		return
	}
	real, target, rerr := w.res.resolvePath(root)
	if rerr != nil {
		real = ""
	}
	e := newEntry(root, root, ri)
	if ri.kind == Symlink {
		if dir, _, err := w.res.resolvePath(filepath.Dir(root)); err == nil {
			e.real = filepath.Join(dir, filepath.Base(root))
		}
		text, err := readlinkPath(root)
		if err != nil {
			w.fail(root, "readlink", err)
		}
		e.Link.Text = text
		w.setTarget(root, &e.Link, real, target, rerr, real)
	} else {
		e.real = real
		if rerr != nil {
			w.fail(root, "resolve", rerr)
		}
	}
	w.record(e)
	w.snap.roots = append(w.snap.roots, Root{Path: root, RealPath: real})
	if rerr != nil || target.kind != Dir {
		return
	}
	if w.full {
		w.truncate(root, LimitEntries)
		return
	}
	h, hi, err := openDirReal(real)
	if err != nil {
		if errors.Is(err, errSymlinkInPath) {
			err = ErrChanged
		}
		w.fail(root, "open", err)
		return
	}
	defer h.close()
	if hi.kind != Dir || !sameID(hi.id, target.id) {
		w.fail(root, "open", ErrChanged)
		return
	}
	w.walkDir(h, root, real, root, real, 0)
}

// walkDir records the children of the open directory h, whose lexical path
// is path and whose real path is real, at depth levels below root.
func (w *walker) walkDir(h dirHandle, path, real, root, rootReal string, depth int) {
	// A directory with more names than a whole walk may record is cut
	// short while reading, so that a hostile one cannot exhaust memory;
	// only then does the file system's order pick which names are kept.
	names, complete, err := h.names(w.opts.MaxEntries + 1)
	if err != nil {
		w.fail(path, "readdir", err)
		return
	}
	slices.Sort(names)
	kids := make([]string, 0, len(names))
	defer func() { w.snap.children[path] = kids }()
	if !complete {
		defer func() {
			if !w.snap.partial[path] {
				w.full = true
				w.truncate(path, LimitEntries)
				w.snap.partial[path] = true
			}
		}()
	}

	for _, name := range names {
		child := filepath.Join(path, name)
		if w.rootSet[child] {
			// A root nested in this one is walked on its own, so that its
			// entries belong to the innermost root.
			kids = append(kids, child)
			continue
		}
		if w.full || w.count >= w.opts.MaxEntries {
			if !w.full {
				w.full = true
				w.truncate(path, LimitEntries)
			}
			w.snap.partial[path] = true
			return
		}
		ri, err := h.lstat(name)
		if err != nil {
			if !isNotExist(err) {
				w.fail(child, "lstat", err)
			}
			continue
		}
		e := newEntry(child, root, ri)
		e.real = filepath.Join(real, name)
		if ri.kind == Symlink {
			text, err := h.readlink(name)
			if err != nil {
				w.fail(child, "readlink", err)
				e.Link.Err = bareErr(err).Error()
			} else {
				e.Link.Text = text
				t, ti, err := w.res.resolveLink(real, text)
				w.setTarget(child, &e.Link, t, ti, err, rootReal)
			}
		}
		w.record(e)
		kids = append(kids, child)
		w.count++

		if ri.kind != Dir {
			continue
		}
		if depth+1 >= w.opts.MaxDepth {
			w.truncate(child, LimitDepth)
			continue
		}
		ch, ci, err := h.openDir(name)
		if err != nil {
			if errors.Is(err, errSymlinkInPath) {
				err = ErrChanged
			}
			w.fail(child, "open", err)
			continue
		}
		if ci.kind != Dir || !sameID(ci.id, ri.id) {
			ch.close()
			w.fail(child, "open", ErrChanged)
			continue
		}
		w.walkDir(ch, child, e.real, root, rootReal, depth+1)
		ch.close()
		if w.full {
			w.snap.partial[path] = true
			return
		}
	}
}

// takeExtra records one extra path, unless a walk already did.
func (w *walker) takeExtra(p string) {
	if _, ok := w.snap.entries[p]; ok {
		return
	}
	ri, err := lstatPath(p)
	if err != nil {
		if !isNotExist(err) {
			w.fail(p, "lstat", err)
		}
		return
	}
	root, _ := w.snap.rootFor(p)
	e := newEntry(p, root.Path, ri)
	dir, _, derr := w.res.resolvePath(filepath.Dir(p))
	if derr == nil {
		e.real = filepath.Join(dir, filepath.Base(p))
	}
	if ri.kind == Symlink {
		text, err := readlinkPath(p)
		switch {
		case err != nil:
			w.fail(p, "readlink", err)
			e.Link.Err = bareErr(err).Error()
		case derr != nil:
			e.Link.Text = text
			e.Link.Err = bareErr(derr).Error()
		default:
			e.Link.Text = text
			t, ti, err := w.res.resolveLink(dir, text)
			w.setTarget(p, &e.Link, t, ti, err, root.RealPath)
		}
	}
	w.record(e)
}

// isNotExist treats a path through a non-directory like a missing one, as
// Node's lstat callers do.
func isNotExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, errNotDir)
}

// bareErr drops the path and operation an error carries, so that recorded
// messages do not repeat the path and do not depend on how it was reached.
func bareErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err
	}
	return err
}

// readNames reads up to limit names from an open directory in batches.
func readNames(f *os.File, limit int) ([]string, bool, error) {
	var names []string
	for len(names) < limit {
		batch, err := f.Readdirnames(min(1024, limit-len(names)))
		names = append(names, batch...)
		if err == io.EOF {
			return names, true, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
	// Exactly limit names may still be all of them.
	more, err := f.Readdirnames(1)
	if err == io.EOF {
		return names, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	return names, len(more) == 0, nil
}
