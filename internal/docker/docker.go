// Package docker runs the host's docker command line for the sandbox-browser
// inspection, the one place where an audit starts an external process.
//
// Every call has a hard deadline: at the deadline the whole process group is
// killed and the call returns ErrTimeout without waiting for stragglers
// beyond a short grace period. Output is capped. Nothing goes through a
// shell; the arguments are fixed by the callers in this package.
package docker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// DefaultTimeout is the per-call limit both releases use (5000 ms).
const DefaultTimeout = 5 * time.Second

// MinTimeout is the smallest limit a caller may set.
const MinTimeout = 250 * time.Millisecond

// maxOutput caps what one call may print; docker's answers here are a few
// lines per container.
const maxOutput = 1 << 20

// waitGrace is how long a killed call may take to release its pipes.
const waitGrace = 250 * time.Millisecond

var (
	// ErrTimeout means a call did not finish before its deadline.
	ErrTimeout = errors.New("docker: call timed out")
	// ErrNotFound means there is no docker executable on PATH.
	ErrNotFound = errors.New("docker: executable not found on PATH")
)

// Runner runs one docker call and returns its standard output. A non-zero
// exit is an error; a timeout is ErrTimeout.
type Runner interface {
	Run(ctx context.Context, args ...string) ([]byte, error)
}

// Exec runs the docker executable found on the audited environment's PATH.
type Exec struct {
	Env     map[string]string // the environment the call sees; PATH is searched for docker
	Timeout time.Duration     // per call; DefaultTimeout when zero
}

// Run implements Runner.
func (e *Exec) Run(ctx context.Context, args ...string) ([]byte, error) {
	bin, err := lookPath(e.Env["PATH"])
	if err != nil {
		return nil, err
	}
	timeout := e.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	if timeout < MinTimeout {
		timeout = MinTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = envList(e.Env)
	var stdout capped
	stdout.limit = maxOutput
	cmd.Stdout = &stdout
	cmd.Stderr = &capped{limit: 64 << 10}
	cmd.WaitDelay = waitGrace
	setProcessGroup(cmd)

	err = cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, ErrTimeout
	}
	if err != nil {
		return nil, fmt.Errorf("docker %s: %w", strings.Join(args[:min(1, len(args))], " "), err)
	}
	return stdout.Bytes(), nil
}

// lookPath finds docker on the given PATH (not the process's own), skipping
// relative entries as the shell's lookup would not trust them either.
func lookPath(pathEnv string) (string, error) {
	names := []string{"docker"}
	if runtime.GOOS == "windows" {
		names = []string{"docker.exe", "docker.cmd", "docker.bat"}
	}
	for _, dir := range filepath.SplitList(pathEnv) {
		if dir == "" || !filepath.IsAbs(dir) {
			continue
		}
		for _, n := range names {
			p := filepath.Join(dir, n)
			fi, err := os.Stat(p)
			if err != nil || fi.IsDir() {
				continue
			}
			if runtime.GOOS != "windows" && fi.Mode().Perm()&0o111 == 0 {
				continue
			}
			return p, nil
		}
	}
	return "", ErrNotFound
}

func envList(env map[string]string) []string {
	out := make([]string, 0, len(env))
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// capped is a writer that keeps at most limit bytes and drops the rest.
// The buffer is a field, not embedded, so io.Copy cannot bypass Write
// through bytes.Buffer's ReadFrom.
type capped struct {
	buf   bytes.Buffer
	limit int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.limit - c.buf.Len(); room > 0 {
		if len(p) > room {
			c.buf.Write(p[:room])
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

func (c *capped) Bytes() []byte { return c.buf.Bytes() }
