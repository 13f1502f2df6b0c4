// Package state owns the one pass over the OpenClaw state dir (and the few
// extra paths the configuration names) that produces an immutable snapshot of
// file metadata: kinds, modes, owners, sizes and symlinks. It is the only code
// that stats the disk for checks; checks are pure functions over a Snapshot.
//
// The package must never follow a symlink while walking, never open a FIFO,
// socket or device, never hang on a hostile tree and never write. Reading file
// content is the one lazy operation, and it refuses anything that is not the
// regular file the snapshot recorded, or that a symlink would take outside the
// root it was found under.
package state

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Kind is what sort of file an entry is.
type Kind uint8

const (
	// None is the zero Kind: no file, as for the target of a dangling link.
	None Kind = iota
	File
	Dir
	Symlink
	FIFO
	Socket
	Device
	Other
)

func (k Kind) String() string {
	switch k {
	case None:
		return "none"
	case File:
		return "file"
	case Dir:
		return "dir"
	case Symlink:
		return "symlink"
	case FIFO:
		return "fifo"
	case Socket:
		return "socket"
	case Device:
		return "device"
	case Other:
		return "other"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Entry is one file as lstat saw it during Take.
type Entry struct {
	// Path is absolute and lexical: the root joined with the names walked,
	// never rewritten through a symlink, so findings name what the user named.
	Path string
	// Root is the innermost root the path lies under lexically, or "" for an
	// extra path outside every root.
	Root string
	Kind Kind
	// Mode holds the permission bits plus setuid, setgid and sticky; the file
	// type lives in Kind.
	Mode  fs.FileMode
	Size  int64
	UID   uint32
	GID   uint32
	Nlink uint64 // 0 where the platform does not report it cheaply
	// HasOwner is false where the platform has no uid/gid (Windows), so that a
	// zero UID is not mistaken for root.
	HasOwner bool
	// Link is filled for symlinks only.
	Link Link

	// real is where the entry itself lives with every directory above it
	// resolved; for a symlink it is the link, not its target. Empty when the
	// parent could not be resolved.
	real string
	id   fileID
}

// IsDir reports whether the entry itself is a directory (a symlink to a
// directory is not).
func (e Entry) IsDir() bool { return e.Kind == Dir }

// Link describes a symlink and what stat (never open) found at its target.
type Link struct {
	Text string // the raw link text

	TargetExists bool
	TargetKind   Kind
	TargetMode   fs.FileMode
	TargetSize   int64
	TargetUID    uint32
	TargetGID    uint32
	TargetNlink  uint64

	// RealPath is the target with every symlink resolved (at most 40 hops);
	// empty when the target could not be resolved.
	RealPath string
	// InsideRoot reports whether RealPath is the real path of Entry.Root or
	// lies below it. Always false for an extra path outside every root.
	InsideRoot bool
	// Err says why the target could not be resolved ("no such file or
	// directory", "too many levels of symbolic links", "permission denied"…);
	// empty when TargetExists.
	Err string

	targetID fileID
}

// Info is the view of a path that Node's fs.stat gives: a symlink is
// followed to its target.
type Info struct {
	Path     string
	Kind     Kind
	Mode     fs.FileMode
	Size     int64
	UID      uint32
	GID      uint32
	Nlink    uint64
	HasOwner bool

	// IsSymlink reports that the path itself is a symlink, so callers can tell
	// a followed link from a plain file without a second lookup.
	IsSymlink bool
	// Dangling reports a symlink whose target could not be stat'ed. Then Kind
	// is Symlink and Mode, Size, owner and Nlink are the link's own, which is
	// what upstream judges such a link by (its 0777 mode on Linux); callers
	// that deviate from that quirk test Dangling.
	Dangling bool
	// RealPath is the path with every symlink resolved, as fs.realpath gives
	// it; empty when Dangling or when it could not be resolved.
	RealPath string
}

// IsDir reports whether the path is a directory after following symlinks.
func (i Info) IsDir() bool { return i.Kind == Dir }

// Root is a walked root as recorded.
type Root struct {
	Path     string // absolute, cleaned, as given
	RealPath string // with every symlink resolved; empty when unresolvable
}

// PathError is a problem met while taking the snapshot. It never stops the
// walk: the subtree behind it is simply missing from the snapshot.
type PathError struct {
	Path string
	Op   string // "lstat", "open", "readdir", "readlink" or "resolve"
	Err  error  // the bare system error, without the path
}

func (e PathError) Error() string { return "state: " + e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e PathError) Unwrap() error { return e.Err }

// Limit names the bound that cut a walk short.
type Limit string

const (
	LimitEntries Limit = "max entries"
	LimitDepth   Limit = "max depth"
	// LimitLinks: resolving symlinks took more system calls than a tree of
	// this size can honestly need; links after Path are left unresolved
	// (TargetExists false, Link.Err says why).
	LimitLinks Limit = "link resolution budget"
)

// Truncation records a directory whose listing was cut short (LimitEntries)
// or not descended into (LimitDepth), or the first link left unresolved
// (LimitLinks).
type Truncation struct {
	Path  string
	Limit Limit
}

// Errors returned by ReadFile; they are wrapped with the path.
var (
	// ErrNotRecorded: the path is neither in the snapshot nor under a root.
	ErrNotRecorded = errors.New("not in the snapshot")
	// ErrNotRegular: a directory, FIFO, socket, device or other non-file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrOutsideRoot: a symlink whose real path leaves the root it lies under.
	ErrOutsideRoot = errors.New("symlink leaves its root")
	// ErrSymlink: a path not in the snapshot would pass through a symlink.
	ErrSymlink = errors.New("refusing to follow a symlink")
	// ErrChanged: the file on disk is no longer the one the snapshot recorded.
	ErrChanged = errors.New("file changed since the snapshot")
	// ErrTooLarge: the file is larger than Options.MaxReadBytes.
	ErrTooLarge = errors.New("file too large")
)

// Snapshot is the result of Take. Apart from ReadFile, which reads and
// caches content on demand, it never touches the disk again; it is safe for
// concurrent use.
type Snapshot struct {
	opts Options

	roots     []Root
	entries   map[string]Entry
	order     []string            // every recorded path, in walk order
	children  map[string][]string // listed directory → child paths, sorted
	partial   map[string]bool     // listed directories cut short by LimitEntries
	errs      []PathError
	truncated []Truncation

	readMu sync.Mutex
	reads  map[string]*cachedRead
}

type cachedRead struct {
	once sync.Once
	data []byte
	err  error
}

func lookupKey(path string) (string, bool) {
	if !filepath.IsAbs(path) {
		return "", false
	}
	return filepath.Clean(path), true
}

// Lstat returns the entry for path exactly as recorded.
func (s *Snapshot) Lstat(path string) (Entry, bool) {
	p, ok := lookupKey(path)
	if !ok {
		return Entry{}, false
	}
	e, ok := s.entries[p]
	return e, ok
}

// Stat returns path's metadata after following a recorded symlink, the way
// Node's fs.stat would. A dangling link is found (ok is true) and reported
// with Dangling set and the link's own metadata; see Info.
func (s *Snapshot) Stat(path string) (Info, bool) {
	e, ok := s.Lstat(path)
	if !ok {
		return Info{}, false
	}
	info := Info{
		Path:     e.Path,
		Kind:     e.Kind,
		Mode:     e.Mode,
		Size:     e.Size,
		UID:      e.UID,
		GID:      e.GID,
		Nlink:    e.Nlink,
		HasOwner: e.HasOwner,
		RealPath: e.real,
	}
	if e.Kind != Symlink {
		return info, true
	}
	info.IsSymlink = true
	if !e.Link.TargetExists {
		info.Dangling = true
		info.RealPath = ""
		return info, true
	}
	l := e.Link
	info.Kind = l.TargetKind
	info.Mode = l.TargetMode
	info.Size = l.TargetSize
	info.UID = l.TargetUID
	info.GID = l.TargetGID
	info.Nlink = l.TargetNlink
	info.RealPath = l.RealPath
	return info, true
}

// Children returns the entries of a directory the walk listed, sorted
// byte-wise by name. It returns nil for a directory that was not listed: one
// behind a symlink, past a limit, unreadable, or not a directory at all.
func (s *Snapshot) Children(dir string) []Entry {
	p, ok := lookupKey(dir)
	if !ok {
		return nil
	}
	paths := s.children[p]
	if len(paths) == 0 {
		return nil
	}
	out := make([]Entry, 0, len(paths))
	for _, c := range paths {
		if e, ok := s.entries[c]; ok {
			out = append(out, e)
		}
	}
	return out
}

// Listed reports whether Children(dir) is complete: the walk read all of
// dir's names and no limit cut the listing short. It tells an empty directory
// from one whose children are unknown.
func (s *Snapshot) Listed(dir string) bool {
	p, ok := lookupKey(dir)
	if !ok {
		return false
	}
	_, ok = s.children[p]
	return ok && !s.partial[p]
}

// Walk calls fn for root and every recorded entry below it, depth first, each
// directory's children in byte-wise order. fn may return fs.SkipDir to skip
// a directory's children or fs.SkipAll to stop; any other error stops the
// walk and is returned. A root that is not recorded is not an error.
func (s *Snapshot) Walk(root string, fn func(Entry) error) error {
	e, ok := s.Lstat(root)
	if !ok {
		return nil
	}
	err := s.walk(e, fn)
	if err == fs.SkipDir || err == fs.SkipAll {
		return nil
	}
	return err
}

func (s *Snapshot) walk(e Entry, fn func(Entry) error) error {
	if err := fn(e); err != nil {
		return err
	}
	for _, c := range s.children[e.Path] {
		ce, ok := s.entries[c]
		if !ok {
			continue
		}
		err := s.walk(ce, fn)
		if err == fs.SkipDir {
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Entries returns every recorded entry: each root's walk in the order the
// roots were given (a root nested in another appears in its own walk, not
// its parent's), then the extra paths in the order given.
func (s *Snapshot) Entries() []Entry {
	out := make([]Entry, 0, len(s.order))
	for _, p := range s.order {
		out = append(out, s.entries[p])
	}
	return out
}

// Roots returns the roots that lstat found, in the order given. A root
// whose real path could not be resolved (a dangling symlink) has an empty
// RealPath and was not walked.
func (s *Snapshot) Roots() []Root { return slices.Clone(s.roots) }

// Errors returns the problems met during the walk, in walk order.
func (s *Snapshot) Errors() []PathError { return slices.Clone(s.errs) }

// Truncations returns where a limit cut the walk short, in walk order.
func (s *Snapshot) Truncations() []Truncation { return slices.Clone(s.truncated) }

// Truncated reports whether any limit was hit.
func (s *Snapshot) Truncated() bool { return len(s.truncated) > 0 }

// rootFor returns the innermost recorded root that contains path lexically.
func (s *Snapshot) rootFor(path string) (Root, bool) {
	var best Root
	found := false
	for _, r := range s.roots {
		if within(r.Path, path) && (!found || len(r.Path) > len(best.Path)) {
			best, found = r, true
		}
	}
	return best, found
}

// within reports whether path is dir or lies below it; both must be clean.
// The comparison is byte-wise on purpose: a case-insensitive file system can
// only make this answer "no" too often, which is the safe side.
func within(dir, path string) bool {
	if dir == "" || path == "" {
		return false
	}
	if path == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(path, dir)
}
