package schema

import (
	"syscall"
	"testing"
	"time"
)

func TestCPUCost(t *testing.T) {
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	t0 := time.Now()
	const n = 50
	for i := 0; i < n; i++ {
		for _, rel := range Releases() {
			buildSchema(rel)
		}
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano()-ru0.Utime.Nano()+ru1.Stime.Nano()-ru0.Stime.Nano())
	t.Logf("both schemas: wall %v cpu %v per iteration", time.Since(t0)/n, cpu/n)
}
