//go:build !unix

package config

import (
	"errors"
	"fmt"
	"os"
)

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

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
	return nil
}
