//go:build !unix

package docker

import "os/exec"

// setProcessGroup keeps exec's default: the process is killed at the
// deadline and WaitDelay bounds the wait for its pipes.
func setProcessGroup(cmd *exec.Cmd) {}
