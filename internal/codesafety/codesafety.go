// Package codesafety is the static code-safety scanner behind --deep: it
// picks the files of a plugin or skill directory from the state snapshot,
// reads them with bounded, symlink-proof reads and runs upstream's pattern
// rules over them (checks.md §5.12, deep.md §3).
//
// It never executes, imports or evaluates anything it reads, never follows
// a symlink out of the tree (walked symlinks are skipped; forced entries may
// resolve through a link only to a file inside the scanned directory), and
// never reads more than MaxFileBytes of one file or MaxFiles files of one
// directory. It owns no finding wording: the checks in
// internal/checks/codesafety turn its summaries into findings.
package codesafety

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/state"
)

// Upstream's limits.
const (
	MaxFiles     = 500     // files per scanned directory, forced files first
	MaxFileBytes = 1 << 20 // larger files are skipped and not counted
	MaxSkillFile = 256_000 // a SKILL.md larger than this fails the skill's scan
)

// Hit is one rule match.
type Hit struct {
	RuleID   string
	Severity check.Severity
	File     string // absolute
	Line     int    // 1-based
	Message  string // ours
	// Evidence is the trimmed line, at most 120 characters, control
	// characters replaced; a marker when it holds a credential (2026.9).
	Evidence string
}

// Summary is one directory's scan.
type Summary struct {
	ScannedFiles int
	Critical     int
	Warn         int
	Info         int
	Hits         []Hit
}

func (s *Summary) add(h Hit) {
	s.Hits = append(s.Hits, h)
	switch h.Severity {
	case check.Critical:
		s.Critical++
	case check.Warn:
		s.Warn++
	default:
		s.Info++
	}
}

// Of returns the hits of one severity, in scan order.
func (s Summary) Of(sev check.Severity) []Hit {
	var out []Hit
	for _, h := range s.Hits {
		if h.Severity == sev {
			out = append(out, h)
		}
	}
	return out
}

// Error is a scan that could not complete, where upstream's scan throws.
type Error struct {
	Path   string
	Reason string
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }

// Scanner scans directories of one snapshot under one profile.
type Scanner struct {
	snap    *state.Snapshot
	compat  check.Compat
	failed  map[string]string // directory → why the snapshot could not list it
	workers int
}

// New returns a scanner over snap. The snapshot's own walk errors tell the
// scanner which directories upstream could not have read either.
func New(snap *state.Snapshot, compat check.Compat) *Scanner {
	s := &Scanner{snap: snap, compat: compat, failed: map[string]string{}, workers: runtime.GOMAXPROCS(0)}
	if snap != nil {
		for _, e := range snap.Errors() {
			if e.Op == "open" || e.Op == "readdir" {
				s.failed[e.Path] = e.Op + ": " + bareReason(e.Err)
			}
		}
	}
	return s
}

// Scannable reports whether a file name has one of the scanned extensions.
func Scannable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".js", ".ts", ".mjs", ".cjs", ".mts", ".cts", ".jsx", ".tsx":
		return true
	}
	return false
}

// ScanDir scans root: the forced files first (absolute paths inside root,
// as a plugin's openclaw.extensions entries resolve), then the walk. It
// returns an *Error where upstream's scan would throw.
func (s *Scanner) ScanDir(root string, forced []string) (Summary, error) {
	files, err := s.collect(root, forced)
	if err != nil {
		return Summary{}, err
	}
	return s.scanFiles(files)
}

// collect lists the files to scan, forced files first, at most MaxFiles.
func (s *Scanner) collect(root string, forced []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, f := range forced {
		if !inside(root, f) || !Scannable(f) || seen[f] {
			continue
		}
		ok, err := s.forcedFile(root, f)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, f)
			seen[f] = true
		}
	}
	if len(out) >= MaxFiles {
		return out[:MaxFiles], nil
	}
	walked, err := s.walk(root, MaxFiles+1)
	if err != nil {
		return nil, err
	}
	for _, f := range walked {
		if len(out) >= MaxFiles {
			break
		}
		if !seen[f] {
			out = append(out, f)
			seen[f] = true
		}
	}
	return out, nil
}

// forcedFile stats a forced entry the way upstream's fs.stat does, within
// what the snapshot allows: a missing file is skipped, a non-file is
// skipped, a symlink loop or a file used as a directory fails the scan. A
// symlink is followed only to a regular file inside root's real directory.
func (s *Scanner) forcedFile(root, path string) (bool, error) {
	e, ok := s.snap.Lstat(path)
	if !ok {
		// Look for a component that is not a directory (ENOTDIR upstream)
		// or one the snapshot could not list.
		rel, _ := filepath.Rel(root, path)
		cur := root
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			cur = filepath.Join(cur, part)
			if cur == path {
				break
			}
			ce, ok := s.snap.Lstat(cur)
			if !ok {
				return false, nil
			}
			switch ce.Kind {
			case state.Dir:
				if why, bad := s.failed[cur]; bad {
					return false, &Error{Path: path, Reason: "stat failed: " + why}
				}
				continue
			case state.Symlink:
				if !ce.Link.TargetExists && !missing(ce.Link.Err) {
					return false, &Error{Path: path, Reason: "stat failed: " + ce.Link.Err}
				}
				// Not followed: a directory link could lead anywhere.
				return false, nil
			default:
				return false, &Error{Path: path, Reason: "stat failed: not a directory: " + cur}
			}
		}
		return false, nil
	}
	switch e.Kind {
	case state.File:
		return true, nil
	case state.Symlink:
		if !e.Link.TargetExists {
			if missing(e.Link.Err) {
				return false, nil
			}
			return false, &Error{Path: path, Reason: "stat failed: " + e.Link.Err}
		}
		if e.Link.TargetKind != state.File {
			return false, nil
		}
		rootInfo, _ := s.snap.Stat(root)
		if rootInfo.RealPath == "" || !inside(rootInfo.RealPath, e.Link.RealPath) {
			return false, nil
		}
		return true, nil
	}
	return false, nil
}

func missing(reason string) bool {
	return reason == "" || strings.Contains(reason, "no such file")
}

// walk lists scannable regular files below root as upstream does: a stack
// of directories (children in byte-wise name order, since the snapshot
// sorts them; subdirectories popped last first), skipping names starting
// with "." and node_modules, and never entering or reading a symlink.
func (s *Scanner) walk(root string, limit int) ([]string, error) {
	var files []string
	stack := []string{root}
	for len(stack) > 0 && len(files) < limit {
		dir := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if why, bad := s.failed[dir]; bad {
			return nil, &Error{Path: dir, Reason: "cannot list: " + why}
		}
		for _, c := range s.snap.Children(dir) {
			if len(files) >= limit {
				break
			}
			name := filepath.Base(c.Path)
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				continue
			}
			switch c.Kind {
			case state.Dir:
				stack = append(stack, c.Path)
			case state.File:
				if Scannable(name) {
					files = append(files, c.Path)
				}
			}
		}
	}
	return files, nil
}

// scanFiles reads and scans files in parallel and assembles the results in
// list order. The first file (in list order) that fails decides the error,
// as upstream's sequential scan would.
func (s *Scanner) scanFiles(files []string) (Summary, error) {
	type result struct {
		scanned bool
		hits    []Hit
		err     error
	}
	results := make([]result, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	workers := min(s.workers, len(files))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, ok, err := s.readSource(files[i])
				if err != nil || !ok {
					results[i] = result{err: err}
					continue
				}
				results[i] = result{scanned: true, hits: ScanSource(src, files[i], s.compat)}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var sum Summary
	for _, r := range results {
		if r.err != nil {
			return Summary{}, r.err
		}
		if !r.scanned {
			continue
		}
		sum.ScannedFiles++
		for _, h := range r.hits {
			sum.add(h)
		}
	}
	return sum, nil
}

// readSource reads one file for scanning. ok is false for a file skipped
// silently: gone, not regular, outside the tree, or over MaxFileBytes.
func (s *Scanner) readSource(path string) ([]byte, bool, error) {
	f, size, err := s.snap.Open(path)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, state.ErrNotRegular), errors.Is(err, state.ErrOutsideRoot),
		errors.Is(err, state.ErrSymlink), errors.Is(err, state.ErrNotRecorded):
		return nil, false, nil
	case errors.Is(err, state.ErrChanged) && s.compat.Is414():
		// 2026.4.14 has no identity check: what is gone is skipped.
		return nil, false, nil
	default:
		return nil, false, &Error{Path: path, Reason: "read failed: " + bareReason(err)}
	}
	defer f.Close()
	if size > MaxFileBytes {
		return nil, false, nil
	}
	return readBounded(f, path, MaxFileBytes, s.compat.Is96())
}

// readBounded reads at most limit bytes. With strict set, the file must not
// change while it is read (same size, modification time and identity, and
// the bytes read equal the size), as 2026.9.6 requires.
func readBounded(f *os.File, path string, limit int64, strict bool) ([]byte, bool, error) {
	before, err := f.Stat()
	if err != nil {
		return nil, false, &Error{Path: path, Reason: "stat failed: " + bareReason(err)}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, &Error{Path: path, Reason: "read failed: " + bareReason(err)}
	}
	grew := int64(len(data)) > limit
	if grew {
		data = data[:limit]
	}
	if strict {
		after, err := f.Stat()
		if err != nil || grew || !os.SameFile(before, after) || after.Size() != before.Size() ||
			!after.ModTime().Equal(before.ModTime()) || int64(len(data)) != after.Size() {
			return nil, false, &Error{Path: path, Reason: "file changed while it was scanned"}
		}
	}
	return data, true, nil
}

// ReadSkillFile reads a skill's SKILL.md as 2026.9.6's audit does: the
// path itself (never a symlink) must be a regular file of at most
// MaxSkillFile bytes that does not change during the read.
func (s *Scanner) ReadSkillFile(path string) ([]byte, error) {
	e, ok := s.snap.Lstat(path)
	switch {
	case !ok:
		return nil, &Error{Path: path, Reason: "not found"}
	case e.Kind == state.Symlink:
		return nil, &Error{Path: path, Reason: "is a symlink; skill files must be regular files"}
	case e.Kind != state.File:
		return nil, &Error{Path: path, Reason: "is a " + e.Kind.String() + ", not a regular file"}
	case e.Size > MaxSkillFile:
		return nil, &Error{Path: path, Reason: fmt.Sprintf("is %d bytes, over the %d-byte limit", e.Size, MaxSkillFile)}
	}
	f, size, err := s.snap.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Reason: "read failed: " + bareReason(err)}
	}
	defer f.Close()
	if size > MaxSkillFile {
		return nil, &Error{Path: path, Reason: fmt.Sprintf("is %d bytes, over the %d-byte limit", size, MaxSkillFile)}
	}
	data, _, err := readBounded(f, path, MaxSkillFile, true)
	return data, err
}

// ScanSkill scans a skill directory and, under profile 2026.9, its
// SKILL.md with the SKILL.md rules and the source rules. The directory's
// hits come first, then SKILL.md's, as upstream lists them.
func (s *Scanner) ScanSkill(dir, skillFile string) (Summary, error) {
	sum, err := s.ScanDir(dir, nil)
	if err != nil {
		return Summary{}, err
	}
	if s.compat.Is414() {
		return sum, nil
	}
	text, err := s.ReadSkillFile(skillFile)
	if err != nil {
		return Summary{}, err
	}
	sum.ScannedFiles++
	for _, h := range ScanSkillText(text, skillFile) {
		sum.add(h)
	}
	for _, h := range ScanSource(text, skillFile, s.compat) {
		sum.add(h)
	}
	return sum, nil
}

// inside reports whether path is dir or lies below it (both clean and
// absolute), as upstream's isPathInside does.
func inside(dir, path string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// bareReason is an error's text without the snapshot's "state: op path:"
// prefix, which would repeat the path.
func bareReason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.HasPrefix(msg, "state:") {
		return msg[i+2:]
	}
	return msg
}
