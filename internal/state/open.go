package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Open opens a regular file the snapshot recorded (or a file below a
// recorded root) for streaming, under exactly the rules of ReadFile: no
// FIFO, socket or device, no symlink out of its root, and only the file Take
// saw (same device and inode). It is for content too large for ReadFile's
// cap; the caller bounds what it reads and closes the file.
//
// The size is the one fstat reported after opening, so a reader can budget
// its work before reading a byte.
func (s *Snapshot) Open(path string) (*os.File, int64, error) {
	p, ok := lookupKey(path)
	if !ok {
		return nil, 0, fmt.Errorf("state: open %s: path is not absolute: %w", path, ErrNotRecorded)
	}
	f, size, err := s.open(p)
	if err != nil {
		return nil, 0, fmt.Errorf("state: open %s: %w", p, err)
	}
	return f, size, nil
}

// open mirrors read: it decides which real path may be opened for p and
// what must be found there.
func (s *Snapshot) open(p string) (*os.File, int64, error) {
	e, ok := s.entries[p]
	if !ok {
		r, ok := s.rootFor(p)
		if !ok {
			return nil, 0, ErrNotRecorded
		}
		if r.RealPath == "" {
			return nil, 0, fmt.Errorf("root %s could not be resolved: %w", r.Path, ErrNotRecorded)
		}
		rel, err := filepath.Rel(r.Path, p)
		if err != nil {
			return nil, 0, fmt.Errorf("%w: %w", ErrNotRecorded, err)
		}
		return openChecked(filepath.Join(r.RealPath, rel), fileID{}, ErrSymlink)
	}
	var rootReal string
	if e.Root != "" {
		r, _ := s.rootFor(e.Root)
		rootReal = r.RealPath
	}
	switch e.Kind {
	case File:
		if e.real == "" {
			return nil, 0, fmt.Errorf("its directory could not be resolved: %w", ErrNotRecorded)
		}
		if e.Root != "" && !within(rootReal, e.real) {
			return nil, 0, fmt.Errorf("%w: %s lies outside %s", ErrOutsideRoot, e.real, e.Root)
		}
		return openChecked(e.real, e.id, ErrChanged)
	case Symlink:
		l := e.Link
		if !l.TargetExists {
			return nil, 0, fmt.Errorf("dangling symlink to %q (%s): %w", l.Text, l.Err, fs.ErrNotExist)
		}
		if e.Root != "" && !l.InsideRoot {
			return nil, 0, fmt.Errorf("%w: %s resolves to %s, outside %s", ErrOutsideRoot, p, l.RealPath, e.Root)
		}
		if l.TargetKind != File {
			return nil, 0, fmt.Errorf("symlink to a %s: %w", l.TargetKind, ErrNotRegular)
		}
		return openChecked(l.RealPath, l.targetID, ErrChanged)
	}
	return nil, 0, fmt.Errorf("%s: %w", e.Kind, ErrNotRegular)
}

// openChecked opens the regular file at real without following symlinks and
// checks it against the identity recorded for it, if any.
func openChecked(real string, want fileID, onSymlink error) (*os.File, int64, error) {
	f, ri, err := openNoFollow(real)
	switch {
	case errors.Is(err, errSymlinkInPath):
		return nil, 0, fmt.Errorf("%w: %w", onSymlink, err)
	case err != nil && want.known && isNotExist(err):
		return nil, 0, fmt.Errorf("%w: %w", ErrChanged, bareErr(err))
	case err != nil:
		return nil, 0, bareErr(err)
	case f == nil && want.known:
		return nil, 0, fmt.Errorf("%w: now a %s", ErrChanged, ri.kind)
	case f == nil && ri.kind == Symlink:
		return nil, 0, onSymlink
	case f == nil:
		return nil, 0, fmt.Errorf("%s: %w", ri.kind, ErrNotRegular)
	}
	if want.known && !sameID(want, ri.id) {
		f.Close()
		return nil, 0, fmt.Errorf("%w: a different file is now at %s", ErrChanged, real)
	}
	return f, ri.size, nil
}
