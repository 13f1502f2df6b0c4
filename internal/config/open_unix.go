//go:build unix

package config

import (
	"io/fs"
	"os"
	"syscall"
)

// openNoBlock opens for reading without blocking on a FIFO; callers check
// that what they opened is a regular file before reading.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
}

// openNoFollow is openNoBlock that also refuses a symlink in the last
// path element, closing the gap between an lstat and the open.
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
}

// linkCount returns the number of hard links, when the platform reports it.
func linkCount(fi fs.FileInfo) (uint64, bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink), true
	}
	return 0, false
}
