//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuSeconds is the process's user and system time so far: on a shared
// machine, bytes per CPU second is the per-core figure that other loads do
// not distort.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
