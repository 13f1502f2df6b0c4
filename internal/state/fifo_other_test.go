//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package state

import "errors"

func mkfifo(string) error { return errors.New("no FIFOs on this platform") }
