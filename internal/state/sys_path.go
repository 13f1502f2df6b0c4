//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package state

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Without openat and friends in reach, the walk and ReadFile work on paths:
// each file is lstat'ed before it is opened and compared with os.SameFile
// after, and anything but a regular file or directory, reparse points
// included, is refused. A directory above the file swapped for a symlink in
// the instant between those two steps is not caught here.

func rawFromFileInfo(fi fs.FileInfo) rawInfo {
	m := fi.Mode()
	var k Kind
	switch {
	case m&fs.ModeSymlink != 0:
		k = Symlink
	case m.IsDir():
		k = Dir
	case m&fs.ModeNamedPipe != 0:
		k = FIFO
	case m&fs.ModeSocket != 0:
		k = Socket
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		k = Device
	case m.IsRegular():
		k = File
	default:
		k = Other
	}
	ri := rawInfo{
		kind: k,
		mode: m.Perm() | m&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky),
		size: fi.Size(),
		id:   fileID{known: true, fi: fi},
	}
	addOwner(&ri, fi)
	return ri
}

func lstatPath(path string) (rawInfo, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return rawInfo{}, err
	}
	return rawFromFileInfo(fi), nil
}

func readlinkPath(path string) (string, error) { return os.Readlink(path) }

func openDirReal(real string) (dirHandle, rawInfo, error) {
	ri, err := lstatPath(real)
	if err != nil {
		return nil, rawInfo{}, err
	}
	return pathDir{path: real}, ri, nil
}

// openNoFollow opens the regular file at real. It returns a nil file and
// what it found when that is not a regular file.
func openNoFollow(real string) (*os.File, rawInfo, error) {
	before, err := lstatPath(real)
	if err != nil {
		return nil, rawInfo{}, err
	}
	if before.kind != File {
		return nil, before, nil
	}
	f, err := os.OpenFile(real, os.O_RDONLY|noFollowFlags, 0)
	if err != nil {
		return nil, rawInfo{}, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, rawInfo{}, err
	}
	ri := rawFromFileInfo(fi)
	if ri.kind != File {
		f.Close()
		return nil, ri, nil
	}
	if !sameID(before.id, ri.id) {
		f.Close()
		return nil, rawInfo{}, ErrChanged
	}
	return f, ri, nil
}

type pathDir struct{ path string }

func (d pathDir) close() {}

func (d pathDir) names(limit int) ([]string, bool, error) {
	f, err := os.OpenFile(d.path, os.O_RDONLY|noFollowFlags, 0)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	return readNames(f, limit)
}

func (d pathDir) lstat(name string) (rawInfo, error) {
	return lstatPath(filepath.Join(d.path, name))
}

func (d pathDir) readlink(name string) (string, error) {
	return os.Readlink(filepath.Join(d.path, name))
}

func (d pathDir) openDir(name string) (dirHandle, rawInfo, error) {
	p := filepath.Join(d.path, name)
	ri, err := lstatPath(p)
	if err != nil {
		return nil, rawInfo{}, err
	}
	if ri.kind == Symlink {
		return nil, rawInfo{}, errSymlinkInPath
	}
	return pathDir{path: p}, ri, nil
}
