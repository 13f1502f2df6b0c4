//go:build unix

package fix

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/clawcheck/clawcheck/internal/state"
)

// applyACLs is the Windows step; on POSIX the modes are used instead.
func applyACLs(p *Plan, opt Options) []Action { return applyModes(p) }

// applyModes applies every permission target through descriptors: the
// state dir is opened once (following a symlinked state dir, as the
// reference's path-based calls do) and targets below it are reached one
// component at a time without following symlinks. Targets elsewhere (a
// config or credentials dir outside the state dir, an include) are opened
// from their parent directory. Each target is checked with fstat and
// changed with fchmod on that descriptor, never by path.
func applyModes(p *Plan) []Action {
	stateFD := -1
	if fd, err := unix.Open(p.StateDir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0); err == nil {
		stateFD = fd
		defer unix.Close(fd)
	}
	out := make([]Action, 0, len(p.Targets))
	for _, t := range p.Targets {
		a := Action{Kind: "chmod", Path: t.Path, Mode: uint32(t.Mode)}
		applyMode(stateFD, p.StateDir, t, &a)
		out = append(out, a)
	}
	return out
}

func applyMode(stateFD int, stateDir string, t Target, a *Action) {
	dfd, name, err := openParent(stateFD, stateDir, t.Path)
	if err != nil {
		setErr(a, err)
		return
	}
	defer unix.Close(dfd)
	var lst unix.Stat_t
	if err := unix.Fstatat(dfd, name, &lst, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		setErr(a, err)
		return
	}
	kind := kindOf(uint32(lst.Mode))
	switch {
	case kind == state.Symlink:
		a.Skipped = SkipSymlink
		return
	case t.Kind != state.None && kind != t.Kind:
		a.Skipped = SkipTypeChanged
		return
	case t.Dir && kind != state.Dir:
		a.Skipped = SkipNotDir
		return
	case !t.Dir && kind != state.File:
		a.Skipped = SkipNotFile
		return
	}
	flags := unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_CLOEXEC
	if t.Dir {
		flags |= unix.O_DIRECTORY
	}
	fd, err := unix.Openat(dfd, name, flags, 0)
	if err != nil {
		if errors.Is(err, unix.ELOOP) {
			a.Skipped = SkipSymlink
			return
		}
		setErr(a, err)
		return
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		setErr(a, err)
		return
	}
	if st.Dev != lst.Dev || st.Ino != lst.Ino || kindOf(uint32(st.Mode)) != kind {
		a.Skipped = SkipTypeChanged
		return
	}
	if int(st.Uid) != os.Geteuid() {
		a.Skipped = SkipNotOwned
		return
	}
	if !t.Dir && st.Nlink > 1 {
		a.Skipped = SkipHardLinked
		return
	}
	cur := uint32(st.Mode) & 0o7777
	want := cur & uint32(t.Mode)
	if want == cur {
		a.Skipped = SkipAlready
		return
	}
	if err := unix.Fchmod(fd, want); err != nil {
		setErr(a, err)
		return
	}
	a.OK = true
}

// openParent opens the directory holding path and returns it with the
// last name. Below the state dir the walk starts at the pinned state-dir
// descriptor and refuses symlinked directories on the way.
func openParent(stateFD int, stateDir, path string) (int, string, error) {
	dir, name := filepath.Split(path)
	dir = filepath.Clean(dir)
	rel, err := filepath.Rel(stateDir, dir)
	if stateFD < 0 || err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || path == stateDir {
		fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		return fd, name, err
	}
	fd, err := unix.Dup(stateFD)
	if err != nil {
		return -1, "", err
	}
	if rel == "." {
		return fd, name, nil
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		next, err := unix.Openat(fd, part, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			var st unix.Stat_t
			if errors.Is(err, unix.ELOOP) ||
				unix.Fstatat(fd, part, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFLNK {
				err = errSymlinkedParent
			}
			unix.Close(fd)
			return -1, "", err
		}
		unix.Close(fd)
		fd = next
	}
	return fd, name, nil
}

var errSymlinkedParent = errors.New("symlinked parent")

func kindOf(mode uint32) state.Kind {
	switch mode & unix.S_IFMT {
	case unix.S_IFREG:
		return state.File
	case unix.S_IFDIR:
		return state.Dir
	case unix.S_IFLNK:
		return state.Symlink
	case unix.S_IFIFO:
		return state.FIFO
	case unix.S_IFSOCK:
		return state.Socket
	case unix.S_IFCHR, unix.S_IFBLK:
		return state.Device
	}
	return state.Other
}

func setErr(a *Action, err error) {
	switch {
	case errors.Is(err, unix.ENOENT), errors.Is(err, unix.ENOTDIR):
		a.Skipped = SkipMissing
	case errors.Is(err, errSymlinkedParent):
		a.Skipped = SkipSymlink
	default:
		a.Error = "Error: " + err.Error()
	}
}
