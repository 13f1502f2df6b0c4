package hostile

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
)

// jsonReport is the part of the JSON report the suite reads.
type jsonReport struct {
	Findings []struct {
		CheckID  string `json:"checkId"`
		Severity string `json:"severity"`
		Title    string `json:"title"`
		Detail   string `json:"detail"`
	} `json:"findings"`
}

func parseReport(t *testing.T, r result) jsonReport {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, clip(r.stdout))
	}
	return rep
}

func (rep jsonReport) has(id string) bool {
	for _, f := range rep.Findings {
		if f.CheckID == id {
			return true
		}
	}
	return false
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// insecure is a config every profile flags, so a test can tell the config
// was audited.
const insecure = `{ gateway: { bind: "lan", auth: { mode: "none" } } }`

// Loops of symlinks everywhere the walk goes: the audit ends, audits the
// config, and does not walk in circles.
func TestStateSymlinkLoops(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(insecure), 0o600)
	symlink(t, "loop2", filepath.Join(stateDir, "loop1"))
	symlink(t, "loop1", filepath.Join(stateDir, "loop2"))
	symlink(t, ".", filepath.Join(stateDir, "self"))
	symlink(t, "../..", filepath.Join(stateDir, "agents", "main", "up"))
	symlink(t, stateDir, filepath.Join(stateDir, "agents", "main", "sessions", "root"))
	symlink(t, "sessions.json", filepath.Join(stateDir, "agents", "main", "sessions", "sessions.json"))
	symlink(t, "../credentials", filepath.Join(stateDir, "credentials", "inner"))
	symlink(t, "a/b", filepath.Join(stateDir, "extensions", "a", "b", "c"))
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !parseReport(t, r).has("gateway.bind_no_auth") {
		t.Error("the config was not audited")
	}
}

// The state dir itself is a symlink to where it really lives: audited
// there, like the reference does.
func TestStateSymlinkedStateDir(t *testing.T) {
	homeDir, stateDir := home(t)
	if err := os.Remove(stateDir); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(homeDir, "elsewhere", "state")
	write(t, filepath.Join(real, "openclaw.json"), []byte(insecure), 0o600)
	symlink(t, real, stateDir)
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !parseReport(t, r).has("gateway.bind_no_auth") {
		t.Error("the config behind the symlink was not audited")
	}
	// A state dir that is a dangling symlink, or a loop, audits the defaults.
	for _, target := range []string{filepath.Join(homeDir, "gone"), stateDir} {
		os.Remove(stateDir)
		symlink(t, target, stateDir)
		r := audit(t, homeDir, nil)
		if r.code != cli.ExitOK && r.code != cli.ExitFailure {
			t.Errorf("state dir -> %s: exit %d: %s", target, r.code, clip(r.stderr))
		}
	}
}

// Files where the layout has folders.
func TestStateFileWhereFolderExpected(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(insecure), 0o600)
	for _, name := range []string{"credentials", "agents", "extensions", "logs", "identity", "devices", "skills", "workspace", "memory", "cron", "sandboxes"} {
		write(t, filepath.Join(stateDir, name), []byte("not a folder\n"), 0o600)
	}
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !parseReport(t, r).has("gateway.bind_no_auth") {
		t.Error("the config was not audited")
	}
	// One level down: an agent whose sessions and agent folders are files.
	homeDir, stateDir = home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(insecure), 0o600)
	write(t, filepath.Join(stateDir, "agents", "main", "sessions"), []byte("x"), 0o600)
	write(t, filepath.Join(stateDir, "agents", "main", "agent"), []byte("x"), 0o600)
	write(t, filepath.Join(stateDir, "agents", "ops"), []byte("x"), 0o600)
	wantExit(t, audit(t, homeDir, nil), cli.ExitOK, "", false)
}

// A hundred thousand session files: the audit stays bounded in time.
func TestState100000SessionFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 10^5 files")
	}
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(insecure), 0o600)
	dir := filepath.Join(stateDir, "agents", "main", "sessions")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	line := []byte(`{"type":"message","message":{"role":"user","content":"hello"}}` + "\n")
	for i := 0; i < 100_000; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%06d.jsonl", i)), line, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !parseReport(t, r).has("gateway.bind_no_auth") {
		t.Error("the config was not audited")
	}
	t.Logf("audit of 10^5 session files took %s", time.Since(start))
}

// Sockets and FIFOs where files are expected, including ones the audit
// reads (transcripts, logs, credentials, the session store): none blocks.
func TestStateSocketsAndFIFOs(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ gateway: { bind: "lan", auth: { mode: "none" } }, logging: { file: "`+filepath.Join(stateDir, "logs", "fifo.log")+`" } }`), 0o600)
	fifos := []string{
		"agents/main/sessions/s1.jsonl", "agents/main/sessions/sessions.json", "logs/fifo.log",
		"logs/gateway.log", "credentials/oauth.json", "openclaw.json.bak", "agents/main/agent/auth-profiles.json",
		"identity/device.json", ".env", "exec-approvals.json",
	}
	for _, rel := range fifos {
		p := filepath.Join(stateDir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
	// A listening socket nobody serves: connecting would hang a reader that
	// treated it as a file.
	sock := filepath.Join(stateDir, "agents", "main", "sessions", "s2.jsonl")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("no unix sockets here:", err)
	}
	defer l.Close()
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !parseReport(t, r).has("gateway.bind_no_auth") {
		t.Error("the config was not audited")
	}
	// With --deep, which lifts the scan budgets and reads more.
	r = audit(t, homeDir, nil, "security", "audit", "--json", "--no-docker", "--deep", "--timeout", "30s")
	if r.code != cli.ExitOK && r.code != cli.ExitFailure {
		t.Fatalf("--deep: exit %d: %s", r.code, clip(r.stderr))
	}
}

// A 10 GiB transcript (sparse, so it costs no disk): the leaks scanner
// stops at its budget and says the scan was incomplete, without reading
// the whole file or holding it in memory.
func TestStateTranscriptLargerThanMemory(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ gateway: { auth: { mode: "token", token: "9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e" } } }`), 0o600)
	big := filepath.Join(stateDir, "agents", "main", "sessions", "huge.jsonl")
	write(t, big, []byte(`{"type":"message","message":{"role":"user","content":"hi"}}`+"\n"), 0o600)
	if err := os.Truncate(big, 10<<30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	peak := watchHeap(t)
	start := time.Now()
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	took := time.Since(start)
	if p := peak(); p > 1<<30 {
		t.Errorf("the heap grew to %d MiB while scanning", p>>20)
	}
	var found bool
	for _, f := range parseReport(t, r).Findings {
		if strings.HasPrefix(f.CheckID, "secrets.") && strings.Contains(f.Detail, "incomplete") && strings.Contains(f.Detail, "huge.jsonl") {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding says the transcript scan was incomplete:\n%s", clip(r.stdout))
	}
	t.Logf("audit with a 10 GiB transcript took %s", took)
}

// unprivilegedEnv marks the child process TestStateUnreadableFolders starts
// as an unprivileged user, so that permissions apply to it.
const unprivilegedEnv = "CLAWCHECK_HOSTILE_UNPRIVILEGED"

// Folders and files the audit may not read. Root reads everything, so as
// root the test re-runs itself as nobody (uid 65534) when it can, and is
// skipped when it cannot.
func TestStateUnreadableFolders(t *testing.T) {
	if os.Getuid() == 0 {
		runUnprivileged(t, "^TestStateUnreadableFolders$")
		return
	}
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	write(t, cfg, []byte(`{ gateway: { bind: "lan", auth: { mode: "token", token: "9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e" } } }`), 0o600)
	write(t, filepath.Join(stateDir, "agents", "main", "sessions", "s1.jsonl"), []byte("token 9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e\n"), 0o600)
	write(t, filepath.Join(stateDir, "agents", "ops", "sessions", "s1.jsonl"), []byte("{}\n"), 0o000)
	write(t, filepath.Join(stateDir, "credentials", "oauth.json"), []byte("{}"), 0o600)
	write(t, filepath.Join(stateDir, "logs", "gateway.log"), []byte("x\n"), 0o600)
	locked := []string{filepath.Join(stateDir, "agents", "main", "sessions"), filepath.Join(stateDir, "credentials"), filepath.Join(stateDir, "logs")}
	for _, d := range locked {
		if err := os.Chmod(d, 0o000); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		for _, d := range locked {
			os.Chmod(d, 0o700)
		}
	})
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	rep := parseReport(t, r)
	if !rep.has("gateway.auth_no_rate_limit") {
		t.Error("the config was not audited")
	}
	// What could not be read is said, folder by folder and file by file.
	var said []string
	for _, f := range rep.Findings {
		if strings.Contains(f.Detail, "incomplete") {
			said = append(said, f.Detail)
		}
	}
	for _, want := range []string{"agents/main/sessions", "agents/ops/sessions/s1.jsonl (permission denied)", "logs"} {
		if !strings.Contains(strings.Join(said, "\n"), want) {
			t.Errorf("no finding says %s could not be read: %q", want, said)
		}
	}
	if strings.Contains(r.stdout+r.stderr, "9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e") {
		t.Error("the token reached the output")
	}
	// An unreadable config is an error naming it, not an empty config.
	if err := os.Chmod(cfg, 0o000); err != nil {
		t.Fatal(err)
	}
	wantExit(t, audit(t, homeDir, nil), cli.ExitFailure, cfg, false)
}

// runUnprivileged re-runs the named tests of this binary as nobody. It
// skips when that is not possible here (no such user, a file system that
// keeps the binary from nobody, a sandbox that forbids setuid).
func runUnprivileged(t *testing.T, run string) {
	t.Helper()
	if os.Getenv(unprivilegedEnv) != "" {
		t.Skip("still root after dropping privileges")
	}
	const nobody = 65534
	shared, err := os.MkdirTemp("", "hostile-unprivileged-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(shared) })
	bin := filepath.Join(shared, "hostile.test")
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Skip("cannot copy the test binary:", err)
	}
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(shared, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(tmp, nobody, nobody); err != nil {
		t.Skip("cannot hand a folder to nobody:", err)
	}
	cmd := exec.Command(bin, "-test.run="+run, "-test.v", "-test.count=1")
	cmd.Dir = tmp
	cmd.Env = []string{unprivilegedEnv + "=1", "TMPDIR=" + tmp, "PATH=" + os.Getenv("PATH"), "HOME=" + tmp}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Skip("cannot run as nobody:", err)
		}
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS") {
		t.Skipf("as nobody the test did not run:\n%s", out)
	}
	t.Logf("as nobody:\n%s", out)
}

// watchHeap samples the heap until the returned function is called, which
// returns the largest heap seen.
func watchHeap(t *testing.T) func() uint64 {
	stop := make(chan struct{})
	done := make(chan uint64, 1)
	go func() {
		var peak uint64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	var peak uint64
	get := func() uint64 {
		once.Do(func() { close(stop); peak = <-done })
		return peak
	}
	t.Cleanup(func() { get() })
	return get
}

// With --deep the scan budgets are lifted, but the audit's deadline still
// bounds the scan: it stops in time, says the transcript was not scanned to
// the end, and is not cut off by the watchdog.
func TestStateTranscriptLargerThanMemoryDeep(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ gateway: { port: 1, auth: { mode: "token", token: "9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e" } } }`), 0o600)
	big := filepath.Join(stateDir, "agents", "main", "sessions", "huge.jsonl")
	write(t, big, []byte("{}\n"), 0o600)
	if err := os.Truncate(big, 10<<30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	start := time.Now()
	r := audit(t, homeDir, nil, "security", "audit", "--json", "--no-docker", "--deep", "--timeout", "8s")
	wantExit(t, r, cli.ExitOK, "", false)
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("took %s with --timeout 8s", d)
	}
	if strings.Contains(r.stderr, "secrets.transcript_leak did not finish") {
		t.Errorf("the scan ignored the deadline and was abandoned: %s", clip(r.stderr))
	}
	var found bool
	for _, f := range parseReport(t, r).Findings {
		if f.CheckID == "secrets.transcript_leak" && strings.Contains(f.Detail, "huge.jsonl") && strings.Contains(f.Detail, "--timeout") {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding says the transcript scan stopped at the deadline:\n%s", clip(r.stdout))
	}
}

// A folder nested deeper than the walk goes: the audit ends, says on
// stderr where it stopped, and a --fail-on gate does not pass it.
func TestStateDeeperThanTheWalk(t *testing.T) {
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(insecure), 0o600)
	deep := filepath.Join(stateDir, "extensions")
	for i := 0; i < 40; i++ {
		deep = filepath.Join(deep, "d")
	}
	write(t, filepath.Join(deep, "index.js"), []byte("x"), 0o644)
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !strings.Contains(r.stderr, "not read in full") || !strings.Contains(r.stderr, "max depth") {
		t.Errorf("stderr does not say where the walk stopped: %s", clip(r.stderr))
	}
	r = audit(t, homeDir, nil, "security", "audit", "--json", "--no-docker", "--fail-on", "critical")
	if r.code != cli.ExitFailure {
		t.Errorf("--fail-on: exit %d, want %d", r.code, cli.ExitFailure)
	}
}

// A state dir that is a system folder full of special files: the audit
// ends quickly and reads nothing it should not.
func TestStateDirIsSystemFolder(t *testing.T) {
	homeDir, _ := home(t)
	for _, dir := range []string{"/proc", "/dev", "/sys"} {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		start := time.Now()
		r := audit(t, homeDir, map[string]string{"OPENCLAW_STATE_DIR": dir}, "security", "audit", "--json", "--no-docker", "--timeout", "30s")
		if r.code != cli.ExitOK && r.code != cli.ExitFailure {
			t.Errorf("%s: exit %d: %s", dir, r.code, clip(r.stderr))
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s: took %s", dir, d)
		}
	}
}
