//go:build linux || darwin || freebsd || netbsd || openbsd

package state

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// On these platforms every open is relative to an already open directory
// and refuses symlinks, so neither the walk nor ReadFile can be redirected
// by a path component swapped for a symlink after it was checked.

const (
	// O_NONBLOCK keeps a FIFO swapped in after the lstat from blocking the
	// open; O_DIRECTORY makes anything but a directory fail before the
	// kernel calls a driver's open.
	dirFlags  = unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_CLOEXEC
	fileFlags = unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_NOCTTY | unix.O_CLOEXEC
)

func rawFromStat(st *unix.Stat_t) rawInfo {
	m := uint32(st.Mode)
	var k Kind
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
		k = File
	case unix.S_IFDIR:
		k = Dir
	case unix.S_IFLNK:
		k = Symlink
	case unix.S_IFIFO:
		k = FIFO
	case unix.S_IFSOCK:
		k = Socket
	case unix.S_IFCHR, unix.S_IFBLK:
		k = Device
	default:
		k = Other
	}
	mode := fs.FileMode(m & 0o777)
	if m&unix.S_ISUID != 0 {
		mode |= fs.ModeSetuid
	}
	if m&unix.S_ISGID != 0 {
		mode |= fs.ModeSetgid
	}
	if m&unix.S_ISVTX != 0 {
		mode |= fs.ModeSticky
	}
	return rawInfo{
		kind:     k,
		mode:     mode,
		size:     st.Size,
		uid:      st.Uid,
		gid:      st.Gid,
		nlink:    uint64(st.Nlink),
		hasOwner: true,
		id:       fileID{known: true, dev: uint64(st.Dev), ino: uint64(st.Ino)},
	}
}

// retry repeats a system call interrupted by a signal, which the Go runtime
// sends routinely and slow file systems let through.
func retry(call func() error) error {
	for {
		err := call()
		if err != unix.EINTR {
			return err
		}
	}
}

func lstatPath(path string) (rawInfo, error) {
	var st unix.Stat_t
	if err := retry(func() error { return unix.Lstat(path, &st) }); err != nil {
		return rawInfo{}, &fs.PathError{Op: "lstat", Path: path, Err: err}
	}
	return rawFromStat(&st), nil
}

func readlinkPath(path string) (string, error) { return os.Readlink(path) }

// isSymlinkErr recognises an open refused by O_NOFOLLOW or O_DIRECTORY.
// FreeBSD reports a final symlink as EMLINK rather than ELOOP.
func isSymlinkErr(err error) bool {
	return err == unix.ELOOP || err == unix.ENOTDIR || err == unix.EMLINK
}

func openat(dirfd int, name string, flags int) (int, error) {
	var fd int
	err := retry(func() error {
		var err error
		fd, err = unix.Openat(dirfd, name, flags, 0)
		return err
	})
	return fd, err
}

func fstat(fd int) (rawInfo, error) {
	var st unix.Stat_t
	if err := retry(func() error { return unix.Fstat(fd, &st) }); err != nil {
		return rawInfo{}, err
	}
	return rawFromStat(&st), nil
}

// openParent opens, one component at a time without following symlinks,
// the directory that holds the last component of real, and returns that
// component.
func openParent(real string) (int, string, error) {
	parts := splitPath(real)
	fd, err := openat(unix.AT_FDCWD, "/", dirFlags)
	if err != nil {
		return -1, "", err
	}
	if len(parts) == 0 {
		return fd, ".", nil
	}
	for _, name := range parts[:len(parts)-1] {
		next, err := openat(fd, name, dirFlags)
		unix.Close(fd)
		if err != nil {
			if isSymlinkErr(err) {
				return -1, "", errSymlinkInPath
			}
			return -1, "", err
		}
		fd = next
	}
	return fd, parts[len(parts)-1], nil
}

func openDirReal(real string) (dirHandle, rawInfo, error) {
	parent, name, err := openParent(real)
	if err != nil {
		return nil, rawInfo{}, err
	}
	defer unix.Close(parent)
	return (&atDir{fd: parent}).openDir(name)
}

// openNoFollow opens the regular file at real. It returns a nil file and
// what it found when that is not a regular file.
func openNoFollow(real string) (*os.File, rawInfo, error) {
	parent, name, err := openParent(real)
	if err != nil {
		return nil, rawInfo{}, err
	}
	defer unix.Close(parent)
	d := &atDir{fd: parent}
	// Looking before opening keeps a device that is already there from
	// ever being opened; the fstat below catches one swapped in between.
	ri, err := d.lstat(name)
	if err != nil {
		return nil, rawInfo{}, err
	}
	if ri.kind != File {
		return nil, ri, nil
	}
	fd, err := openat(parent, name, fileFlags)
	if err != nil {
		if isSymlinkErr(err) {
			return nil, rawInfo{kind: Symlink}, nil
		}
		return nil, rawInfo{}, err
	}
	ri, err = fstat(fd)
	if err != nil {
		unix.Close(fd)
		return nil, rawInfo{}, err
	}
	if ri.kind != File {
		unix.Close(fd)
		return nil, ri, nil
	}
	return os.NewFile(uintptr(fd), real), ri, nil
}

type atDir struct{ fd int }

func (d *atDir) close() { unix.Close(d.fd) }

func (d *atDir) names(limit int) ([]string, bool, error) {
	// A fresh descriptor for ".", so that reading names does not disturb d
	// and closing the os.File does not close d.
	fd, err := openat(d.fd, ".", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC)
	if err != nil {
		return nil, false, err
	}
	f := os.NewFile(uintptr(fd), ".")
	defer f.Close()
	return readNames(f, limit)
}

func (d *atDir) lstat(name string) (rawInfo, error) {
	var st unix.Stat_t
	err := retry(func() error { return unix.Fstatat(d.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) })
	if err != nil {
		return rawInfo{}, err
	}
	return rawFromStat(&st), nil
}

func (d *atDir) readlink(name string) (string, error) {
	for size := 256; ; size *= 2 {
		buf := make([]byte, size)
		var n int
		err := retry(func() error {
			var err error
			n, err = unix.Readlinkat(d.fd, name, buf)
			return err
		})
		if err != nil {
			return "", err
		}
		if n < size {
			return string(buf[:n]), nil
		}
		if size >= 1<<20 {
			return "", errors.New("link text too long")
		}
	}
}

func (d *atDir) openDir(name string) (dirHandle, rawInfo, error) {
	fd, err := openat(d.fd, name, dirFlags)
	if err != nil {
		if isSymlinkErr(err) {
			return nil, rawInfo{}, errSymlinkInPath
		}
		return nil, rawInfo{}, err
	}
	ri, err := fstat(fd)
	if err != nil {
		unix.Close(fd)
		return nil, rawInfo{}, err
	}
	return &atDir{fd: fd}, ri, nil
}
