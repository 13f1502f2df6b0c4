//go:build unix

package docker

import (
	"os/exec"
	"syscall"
)

// setProcessGroup starts the call in its own process group and kills the
// whole group at the deadline, so a docker wrapper script cannot leave a
// child holding the output pipe open.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		return cmd.Process.Kill()
	}
}
