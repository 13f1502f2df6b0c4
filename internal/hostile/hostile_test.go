// Package hostile is the fault suite: installations built by an attacker,
// audited end to end through the command line. Every case is bounded in
// time; none may crash, hang, follow a link it should not, or print a
// secret.
package hostile

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// caseTimeout bounds each audit of the suite; a case that needs longer is a
// hang, and a hang is a failure.
const caseTimeout = 60 * time.Second

type result struct {
	code           int
	stdout, stderr string
}

// home lays out a HOME with a private state dir and returns both paths.
func home(t *testing.T) (homeDir, stateDir string) {
	t.Helper()
	homeDir = filepath.Join(t.TempDir(), "home")
	stateDir = filepath.Join(homeDir, ".openclaw")
	if err := os.MkdirAll(stateDir, 0o700); err != nil {
		t.Fatal(err)
	}
	return homeDir, stateDir
}

func write(t *testing.T, path string, data []byte, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// audit runs clawcheck in-process with HOME set, failing the test when the
// run does not end within caseTimeout.
func audit(t *testing.T, homeDir string, env map[string]string, args ...string) result {
	t.Helper()
	e := config.Env{"HOME": homeDir, "PATH": os.Getenv("PATH"), "NO_COLOR": "1"}
	for k, v := range env {
		e[k] = v
	}
	if len(args) == 0 {
		args = []string{"security", "audit", "--json", "--no-docker"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := cli.Run(ctx, cli.Invocation{
			Args: args, Env: e, Cwd: homeDir, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Now: func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) },
		})
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r
	case <-ctx.Done():
		t.Fatalf("audit did not finish within %s", caseTimeout)
		return result{}
	}
}

// wantExit fails unless the run ended with code; for exit 1 the message must
// name the file (and, when pos is set, a line:col position in it).
func wantExit(t *testing.T, r result, code int, file string, pos bool) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstderr: %s", r.code, code, clip(r.stderr))
	}
	if code == cli.ExitFailure && file != "" {
		if !strings.Contains(r.stderr, file) {
			t.Errorf("error does not name %s: %s", file, clip(r.stderr))
		}
		if pos && !strings.Contains(r.stderr, file+":") {
			t.Errorf("error has no file:line:col position: %s", clip(r.stderr))
		}
	}
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
