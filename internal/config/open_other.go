//go:build !unix

package config

import (
	"io/fs"
	"os"
)

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

func openNoFollow(path string) (*os.File, error) { return os.Open(path) }

func linkCount(fs.FileInfo) (uint64, bool) { return 0, false }
