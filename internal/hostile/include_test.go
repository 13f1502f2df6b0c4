package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
)

// includeRefused writes openclaw.json with main as its text (plus any other
// files), audits, and wants exit 1 with a positioned error in the file that
// holds the refused directive (openclaw.json unless at is given) that
// contains every fragment.
func includeRefused(t *testing.T, homeDir, stateDir, main string, env map[string]string, fragments ...string) result {
	t.Helper()
	return includeRefusedIn(t, homeDir, stateDir, "openclaw.json", main, env, fragments...)
}

func includeRefusedIn(t *testing.T, homeDir, stateDir, at, main string, env map[string]string, fragments ...string) result {
	t.Helper()
	cfg := filepath.Join(stateDir, "openclaw.json")
	write(t, cfg, []byte(main), 0o600)
	r := audit(t, homeDir, env)
	wantExit(t, r, cli.ExitFailure, filepath.Join(stateDir, at), true)
	for _, f := range fragments {
		if !strings.Contains(r.stderr, f) {
			t.Errorf("error lacks %q: %s", f, clip(r.stderr))
		}
	}
	return r
}

func TestIncludeCycle(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "a.json5"), []byte(`{ $include: "b.json5" }`), 0o600)
	write(t, filepath.Join(stateDir, "b.json5"), []byte(`{ $include: "./a.json5" }`), 0o600)
	includeRefusedIn(t, homeDir, stateDir, "b.json5", `{ $include: "a.json5" }`, nil, "$include cycle", "a.json5 -> ")
}

func TestIncludeSelf(t *testing.T) {
	homeDir, stateDir := home(t)
	includeRefused(t, homeDir, stateDir, `{ gateway: { $include: "./openclaw.json" } }`, nil, "$include cycle")
}

// Twelve files each including the next: past the depth limit of ten.
func TestIncludeDepthBeyondLimit(t *testing.T) {
	homeDir, stateDir := home(t)
	for i := 1; i <= 12; i++ {
		write(t, filepath.Join(stateDir, fmt.Sprintf("d%d.json5", i)), []byte(fmt.Sprintf(`{ $include: "d%d.json5" }`, i+1)), 0o600)
	}
	write(t, filepath.Join(stateDir, "d13.json5"), []byte(`{}`), 0o600)
	includeRefusedIn(t, homeDir, stateDir, "d10.json5", `{ $include: "d1.json5" }`, nil, "nesting is deeper than 10")
}

// A fan-out that is shallow but wide: every file includes the next one
// four times, 4^6 reads in all; the read budget stops it, not the clock.
func TestIncludeFanOut(t *testing.T) {
	homeDir, stateDir := home(t)
	for i := 1; i <= 5; i++ {
		next := fmt.Sprintf("f%d.json5", i+1)
		write(t, filepath.Join(stateDir, fmt.Sprintf("f%d.json5", i)), []byte(fmt.Sprintf(`{ $include: [%q, %q, %q, %q] }`, next, next, next, next)), 0o600)
	}
	write(t, filepath.Join(stateDir, "f6.json5"), []byte(`{ x: 1 }`), 0o600)
	cfg := filepath.Join(stateDir, "openclaw.json")
	write(t, cfg, []byte(`{ $include: ["f1.json5", "f1.json5", "f1.json5", "f1.json5"] }`), 0o600)
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitFailure, "", false)
	if !strings.Contains(r.stderr, "more than 1000 $include files") {
		t.Errorf("read budget not named: %s", clip(r.stderr))
	}
}

func TestIncludeParentEscape(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(homeDir, "outside.json5"), []byte(`{ gateway: { bind: "lan" } }`), 0o600)
	includeRefused(t, homeDir, stateDir, `{ $include: "../outside.json5" }`, nil, "outside the config directory")
	includeRefused(t, homeDir, stateDir, `{ $include: "sub/../../outside.json5" }`, nil, "outside the config directory")
}

func TestIncludeAbsoluteOutsideRoots(t *testing.T) {
	homeDir, stateDir := home(t)
	includeRefused(t, homeDir, stateDir, `{ $include: "/etc/passwd" }`, nil, "outside the config directory")
	// A root that is relative is ignored, not resolved against the cwd.
	includeRefused(t, homeDir, stateDir, `{ $include: "/etc/hostname" }`, map[string]string{"OPENCLAW_INCLUDE_ROOTS": "etc:."}, "outside the config directory")
}

// A symlink inside the state dir that points out of it is refused, and the
// target's content never reaches the audit.
func TestIncludeSymlinkOutOfStateDir(t *testing.T) {
	homeDir, stateDir := home(t)
	outside := filepath.Join(homeDir, "secret.json5")
	write(t, outside, []byte(`{ gateway: { auth: { token: "OUTSIDE-CANARY-5b1d" } } }`), 0o600)
	if err := os.Symlink(outside, filepath.Join(stateDir, "inc.json5")); err != nil {
		t.Fatal(err)
	}
	r := includeRefused(t, homeDir, stateDir, `{ $include: "inc.json5" }`, nil, "follows a symlink")
	if strings.Contains(r.stdout+r.stderr, "OUTSIDE-CANARY") {
		t.Error("the symlink target was read")
	}
	// Through a symlinked folder as well.
	if err := os.Symlink(homeDir, filepath.Join(stateDir, "up")); err != nil {
		t.Fatal(err)
	}
	includeRefused(t, homeDir, stateDir, `{ $include: "up/secret.json5" }`, nil, "follows a symlink")
}

func TestIncludeFIFO(t *testing.T) {
	homeDir, stateDir := home(t)
	if err := syscall.Mkfifo(filepath.Join(stateDir, "pipe.json5"), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	includeRefused(t, homeDir, stateDir, `{ $include: "pipe.json5" }`, nil, "not a regular file")
}

func TestIncludeDirectory(t *testing.T) {
	homeDir, stateDir := home(t)
	if err := os.MkdirAll(filepath.Join(stateDir, "dir.json5"), 0o700); err != nil {
		t.Fatal(err)
	}
	includeRefused(t, homeDir, stateDir, `{ $include: "dir.json5" }`, nil, "not a regular file")
	includeRefused(t, homeDir, stateDir, `{ $include: "." }`, nil)
}

// Devices are refused even when an include root admits them.
func TestIncludeDevice(t *testing.T) {
	for _, dev := range []string{"/dev/null", "/dev/zero", "/dev/urandom"} {
		t.Run(filepath.Base(dev), func(t *testing.T) {
			if _, err := os.Stat(dev); err != nil {
				t.Skip(err)
			}
			homeDir, stateDir := home(t)
			start := time.Now()
			includeRefused(t, homeDir, stateDir, fmt.Sprintf(`{ $include: %q }`, dev), map[string]string{"OPENCLAW_INCLUDE_ROOTS": "/dev"}, "not a regular file")
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// An include that grows while it is read: a goroutine keeps appending to
// it. The audit ends either way, reading no more than the include limit.
func TestIncludeGrowingWhileRead(t *testing.T) {
	homeDir, stateDir := home(t)
	inc := filepath.Join(stateDir, "grow.json5")
	write(t, inc, []byte("{ gateway: { bind: \"lan\" } }\n"), 0o600)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ $include: "grow.json5" }`), 0o600)
	f, err := os.OpenFile(inc, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		chunk := []byte(strings.Repeat("// padding that keeps the file valid JSON5\n", 1000))
		for written := 0; !stop.Load() && written < 64<<20; written += len(chunk) {
			if _, err := f.Write(chunk); err != nil {
				return
			}
		}
	}()
	for i := 0; i < 5; i++ {
		r := audit(t, homeDir, nil)
		if r.code != cli.ExitOK && r.code != cli.ExitFailure {
			t.Fatalf("exit %d: %s", r.code, clip(r.stderr))
		}
		if r.code == cli.ExitFailure && !strings.Contains(r.stderr, "grow.json5") {
			t.Errorf("error does not name the include: %s", clip(r.stderr))
		}
	}
	stop.Store(true)
	<-done
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitFailure, "grow.json5", false)
	if !strings.Contains(r.stderr, "limit") {
		t.Errorf("an oversized include is not refused by its limit: %s", clip(r.stderr))
	}
}
