//go:build unix

package probe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/difftest"
)

// TestRealGateway starts a real OpenClaw gateway from the installed
// reference (2026.4.14) on a free loopback port, probes it with clawcheck
// and with the reference's own `security audit --deep --json`, and requires
// the same deep section and probe findings: the right token, a wrong token,
// a password, and a port where nothing listens.
//
// It runs when CLAWCHECK_REFERENCE_CACHE is set (make test sets it after
// installing the reference) and is skipped otherwise.
func TestRealGateway(t *testing.T) {
	if os.Getenv("CLAWCHECK_REFERENCE_CACHE") == "" {
		t.Skip("real-gateway test skipped: set CLAWCHECK_REFERENCE_CACHE to an installed reference (make test does)")
	}
	ref := difftest.Require(t, difftest.DefaultVersion)
	const token = "real-gateway-test-token-7f3a9c1e5b2d4f6a8c0e"
	port := freePort(t)
	startGateway(t, ref, port, token)

	gatewayConfig := func(p int) string {
		return fmt.Sprintf(`{ gateway: { mode: "local", port: %d, bind: "loopback", auth: { mode: "token", token: %q } } }`, p, token)
	}

	t.Run("right token", func(t *testing.T) {
		home := auditHome(t, gatewayConfig(port))
		// On a fresh installation clawcheck has no device identity and
		// creates none (decision D9): the gateway accepts the token but
		// refuses the read scope.
		ours := runOurs(t, home)
		if g := ours.Deep.Gateway; g.OK || g.Error == nil || *g.Error != "missing scope: operator.read" || g.Close != nil {
			t.Errorf("fresh installation: deep.gateway = %+v, want the refused read scope", g)
		}
		// The reference creates and pairs a device identity in the state
		// dir; with it in place, clawcheck signs with it and the outcomes agree.
		theirs := runReference(t, ref, home)
		if !theirs.Deep.Gateway.OK {
			t.Fatalf("the reference's probe failed with the right token: %+v", theirs.Deep.Gateway)
		}
		compare(t, theirs, runOurs(t, home))
	})
	t.Run("wrong token", func(t *testing.T) {
		home := auditHome(t, gatewayConfig(port))
		args := []string{"--token", "not-the-gateway-token-0123456789"}
		theirs := runReference(t, ref, home, args...)
		if theirs.Deep.Gateway.OK || theirs.Deep.Gateway.Close == nil {
			t.Fatalf("the reference's probe passed with a wrong token: %+v", theirs.Deep.Gateway)
		}
		compare(t, theirs, runOurs(t, home, args...))
	})
	t.Run("password", func(t *testing.T) {
		home := auditHome(t, gatewayConfig(port))
		args := []string{"--password", "a-password-the-gateway-does-not-use"}
		compare(t, runReference(t, ref, home, args...), runOurs(t, home, args...))
	})
	t.Run("nothing listening", func(t *testing.T) {
		home := auditHome(t, gatewayConfig(freePort(t)))
		theirs := runReference(t, ref, home)
		if theirs.Deep.Gateway.OK {
			t.Fatalf("the reference's probe passed with nothing listening")
		}
		compare(t, theirs, runOurs(t, home))
	})
}

type deepReport struct {
	Findings []struct {
		CheckID  string `json:"checkId"`
		Severity string `json:"severity"`
		Detail   string `json:"detail"`
	} `json:"findings"`
	Deep *struct {
		Gateway struct {
			Attempted bool    `json:"attempted"`
			URL       string  `json:"url"`
			OK        bool    `json:"ok"`
			Error     *string `json:"error"`
			Close     *struct {
				Code   int    `json:"code"`
				Reason string `json:"reason"`
			} `json:"close"`
		} `json:"gateway"`
	} `json:"deep"`
}

// probeFindings are the findings of the probe collector, with the detail
// where it is the reference's own text (the probe error).
func (r deepReport) probeFindings() []string {
	var out []string
	for _, f := range r.Findings {
		if !strings.HasPrefix(f.CheckID, "gateway.probe_") {
			continue
		}
		s := f.CheckID + " " + f.Severity
		if f.CheckID == "gateway.probe_failed" {
			s += " " + f.Detail
		}
		out = append(out, s)
	}
	return out
}

func compare(t *testing.T, theirs, ours deepReport) {
	t.Helper()
	if theirs.Deep == nil || ours.Deep == nil {
		t.Fatalf("a report lacks the deep section (reference %v, ours %v)", theirs.Deep != nil, ours.Deep != nil)
	}
	if !reflect.DeepEqual(theirs.Deep, ours.Deep) {
		a, _ := json.Marshal(theirs.Deep)
		b, _ := json.Marshal(ours.Deep)
		t.Errorf("deep sections differ:\nreference: %s\nclawcheck: %s", a, b)
	}
	// clawcheck may add a line of explanation after the probe error.
	a, b := theirs.probeFindings(), ours.probeFindings()
	same := len(a) == len(b)
	for i := 0; same && i < len(a); i++ {
		same = b[i] == a[i] || strings.HasPrefix(b[i], a[i]+"\n")
	}
	if !same {
		t.Errorf("probe findings differ:\nreference: %q\nclawcheck: %q", a, b)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// auditHome is a throw-away HOME whose installation points at the gateway.
func auditHome(t *testing.T, config string) string {
	t.Helper()
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".openclaw"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".openclaw", "openclaw.json"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	return home
}

// referenceEnv is a minimal environment: nothing of the caller's gateway
// settings leaks into the reference.
func referenceEnv(ref *difftest.Reference, home string) []string {
	return []string{
		"HOME=" + home, "NO_COLOR=1", "OPENCLAW_DISABLE_BONJOUR=1", "TMPDIR=" + home,
		"PATH=" + filepath.Dir(ref.Node) + ":/usr/bin:/bin",
	}
}

// startGateway runs `openclaw gateway run` in the foreground of its own
// process group, waits until the port accepts connections, and stops the
// group by its PID when the test ends, whatever the outcome.
func startGateway(t *testing.T, ref *difftest.Reference, port int, token string) {
	t.Helper()
	home := t.TempDir()
	cfg := fmt.Sprintf(`{ gateway: { mode: "local", port: %d, bind: "loopback", auth: { mode: "token", token: %q } } }`, port, token)
	if err := os.MkdirAll(filepath.Join(home, ".openclaw"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".openclaw", "openclaw.json"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(home, "gateway.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ref.Node, filepath.Join(ref.Package, "openclaw.mjs"), "gateway", "run")
	cmd.Env = referenceEnv(ref, home)
	cmd.Dir = home
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start gateway: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		defer logFile.Close()
		_ = syscall.Kill(-pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = syscall.Kill(-pid, syscall.SIGKILL)
			<-exited
		}
		// Helpers the gateway started in its group go with it.
		_ = syscall.Kill(-pid, syscall.SIGKILL)
	})
	tail := func() string {
		b, _ := os.ReadFile(logPath)
		if len(b) > 4000 {
			b = b[len(b)-4000:]
		}
		return string(b)
	}
	deadline := time.Now().Add(90 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			t.Fatalf("the gateway exited before listening:\n%s", tail())
		case <-time.After(250 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the gateway did not listen on port %d within 90s:\n%s", port, tail())
		}
	}
	// The HTTP server listens before the WebSocket handlers are ready.
	time.Sleep(time.Second)
}

func runReference(t *testing.T, ref *difftest.Reference, home string, args ...string) deepReport {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, ref.Node, append([]string{filepath.Join(ref.Package, "openclaw.mjs"), "security", "audit", "--json", "--deep"}, args...)...)
	cmd.Env = referenceEnv(ref, home)
	cmd.Dir = home
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("reference audit: %v\n%s", err, errb.String())
	}
	var r deepReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("reference audit output is not JSON: %v\n%s", err, out.String())
	}
	return r
}

func runOurs(t *testing.T, home string, args ...string) deepReport {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), cli.Invocation{
		Args: append([]string{"security", "audit", "--json", "--deep", "--compat", "2026.4", "--no-docker"}, args...),
		Env:  map[string]string{"HOME": home}, Cwd: home,
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Now: func() time.Time { return time.Unix(0, 0) },
	})
	if code != cli.ExitOK {
		t.Fatalf("clawcheck exited %d: %s", code, errb.String())
	}
	var r deepReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("clawcheck output is not JSON: %v\n%s", err, out.String())
	}
	return r
}
