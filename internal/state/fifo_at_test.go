//go:build linux || darwin || freebsd || netbsd || openbsd

package state

import "syscall"

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }
