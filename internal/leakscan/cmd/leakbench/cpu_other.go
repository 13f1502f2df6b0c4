//go:build !unix

package main

// cpuSeconds is not measured here; the wall-clock figures stand alone.
func cpuSeconds() float64 { return 0 }
