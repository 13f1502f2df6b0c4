package state

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
)

// errSymlinkInPath is what the platform openers return when a component of
// a path that had no symlinks is now one (or is no longer a directory).
var errSymlinkInPath = errors.New("a path component is a symlink or not a directory")

// ReadFile returns the content of a regular file the snapshot recorded, or
// of a file below a recorded root. It never opens a FIFO, socket or device,
// never follows a symlink whose real path leaves the root it lies under, and
// refuses a file that is no longer the one Take saw. A symlink below a root
// that resolves inside that root is read through its recorded target. An
// extra path outside every root was named by the caller, so its own symlink
// is followed wherever it points.
//
// Results, errors included, are cached per path, so every caller sees the
// same answer; each call returns its own copy of the bytes.
func (s *Snapshot) ReadFile(path string) ([]byte, error) {
	p, ok := lookupKey(path)
	if !ok {
		return nil, fmt.Errorf("state: read %s: path is not absolute: %w", path, ErrNotRecorded)
	}
	s.readMu.Lock()
	c := s.reads[p]
	if c == nil {
		c = &cachedRead{}
		s.reads[p] = c
	}
	s.readMu.Unlock()
	c.once.Do(func() {
		c.data, c.err = s.read(p)
		if c.err != nil {
			c.err = fmt.Errorf("state: read %s: %w", p, c.err)
		}
	})
	if c.err != nil {
		return nil, c.err
	}
	return bytes.Clone(c.data), nil
}

// read decides which real path may be opened for p and what must be found
// there, then reads it.
func (s *Snapshot) read(p string) ([]byte, error) {
	e, ok := s.entries[p]
	if !ok {
		r, ok := s.rootFor(p)
		if !ok {
			return nil, ErrNotRecorded
		}
		if r.RealPath == "" {
			return nil, fmt.Errorf("root %s could not be resolved: %w", r.Path, ErrNotRecorded)
		}
		rel, err := filepath.Rel(r.Path, p)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNotRecorded, err)
		}
		// Nothing was recorded to compare with, so any symlink on the way
		// is refused rather than resolved.
		return s.readReal(filepath.Join(r.RealPath, rel), fileID{}, ErrSymlink)
	}

	var rootReal string
	if e.Root != "" {
		r, _ := s.rootFor(e.Root)
		rootReal = r.RealPath
	}
	switch e.Kind {
	case File:
		if e.real == "" {
			return nil, fmt.Errorf("its directory could not be resolved: %w", ErrNotRecorded)
		}
		if e.Root != "" && !within(rootReal, e.real) {
			// An extra path reached through a symlinked directory.
			return nil, fmt.Errorf("%w: %s lies outside %s", ErrOutsideRoot, e.real, e.Root)
		}
		return s.readReal(e.real, e.id, ErrChanged)
	case Symlink:
		l := e.Link
		if !l.TargetExists {
			return nil, fmt.Errorf("dangling symlink to %q (%s): %w", l.Text, l.Err, fs.ErrNotExist)
		}
		if e.Root != "" && !l.InsideRoot {
			return nil, fmt.Errorf("%w: %s resolves to %s, outside %s", ErrOutsideRoot, p, l.RealPath, e.Root)
		}
		if l.TargetKind != File {
			return nil, fmt.Errorf("symlink to a %s: %w", l.TargetKind, ErrNotRegular)
		}
		return s.readReal(l.RealPath, l.targetID, ErrChanged)
	}
	return nil, fmt.Errorf("%s: %w", e.Kind, ErrNotRegular)
}

// readReal reads the regular file at real, a path recorded without
// symlinks. want is the identity recorded for it, if any; onSymlink is the
// error for meeting a symlink on the way.
func (s *Snapshot) readReal(real string, want fileID, onSymlink error) ([]byte, error) {
	f, ri, err := openNoFollow(real)
	switch {
	case errors.Is(err, errSymlinkInPath):
		return nil, fmt.Errorf("%w: %w", onSymlink, err)
	case err != nil && want.known && isNotExist(err):
		return nil, fmt.Errorf("%w: %w", ErrChanged, bareErr(err))
	case err != nil:
		return nil, bareErr(err)
	case f == nil && want.known:
		return nil, fmt.Errorf("%w: now a %s", ErrChanged, ri.kind)
	case f == nil && ri.kind == Symlink:
		return nil, onSymlink
	case f == nil:
		return nil, fmt.Errorf("%s: %w", ri.kind, ErrNotRegular)
	}
	defer f.Close()
	if want.known && !sameID(want, ri.id) {
		return nil, fmt.Errorf("%w: a different file is now at %s", ErrChanged, real)
	}
	limit := s.opts.MaxReadBytes
	if ri.size > limit {
		return nil, fmt.Errorf("%w: %d bytes, the cap is %d bytes", ErrTooLarge, ri.size, limit)
	}
	var buf bytes.Buffer
	buf.Grow(int(ri.size) + 1)
	// One byte past the cap tells a file that grew since fstat.
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, bareErr(err)
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes, the cap", ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}
