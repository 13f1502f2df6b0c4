//go:build unix

package config

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// openNoBlock opens for reading without blocking on a FIFO; callers check
// that what they opened is a regular file before reading.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
}

// checkIncludeFile applies upstream's guards to an include target: a regular
// file with a single link, so a hard link cannot smuggle a file in from
// outside the include roots.
func checkIncludeFile(real string) error {
	fi, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if fi.Size() > MaxIncludeBytes {
		return fmt.Errorf("file is %d bytes, over the %d-byte limit", fi.Size(), MaxIncludeBytes)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
		return fmt.Errorf("file has %d hard links; include files must have one", st.Nlink)
	}
	return nil
}
