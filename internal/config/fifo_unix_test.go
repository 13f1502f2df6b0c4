//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestConfigFIFODoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, ".openclaw"), 0o700))
	must(t, syscall.Mkfifo(filepath.Join(dir, ".openclaw/openclaw.json"), 0o600))
	done := make(chan error, 1)
	go func() { _, err := load(t, dir, nil); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "is a FIFO, not a regular file") {
			t.Errorf("got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("loading a FIFO config blocked")
	}
}
