package hostile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
)

// A docker on PATH that misbehaves: it hangs (and leaves a child holding
// its output open), or floods its output without end, or prints garbage.
// The audit runs it with a timeout and bounded output and still finishes.
func TestDockerMisbehaves(t *testing.T) {
	for name, body := range map[string]string{
		"Hangs":        "sleep 1000 &\nexec sleep 1000\n",
		"FloodsOutput": "exec yes openclaw-sbx-browser-\x1b[2J-flood\n",
		"Garbage":      "printf 'a\\x00b\\x1b]0;pwned\\x07\\n%.0s' $(seq 1 1000)\n",
		"FailsLoudly":  "echo 'Cannot connect to the Docker daemon \x1b[31m' >&2\nexit 1\n",
	} {
		t.Run(name, func(t *testing.T) {
			homeDir, stateDir := home(t)
			write(t, filepath.Join(stateDir, "openclaw.json"), []byte(`{ agents: { defaults: { sandbox: { mode: "all", browser: { enabled: true } } } } }`), 0o600)
			bin := filepath.Join(homeDir, "bin")
			marker := filepath.Join(homeDir, "docker-ran")
			write(t, filepath.Join(bin, "docker"), []byte("#!/bin/sh\necho \"$@\" >> '"+marker+"'\n"+body), 0o755)
			start := time.Now()
			r := audit(t, homeDir, map[string]string{"PATH": bin + ":" + os.Getenv("PATH")}, "security", "audit", "--json")
			wantExit(t, r, cli.ExitOK, "", false)
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %s", d)
			}
			if _, err := os.Stat(marker); err != nil {
				t.Fatal("docker was never run, so nothing was tested")
			}
			if strings.ContainsAny(r.stdout+r.stderr, "\x1b\x07\x00") {
				t.Error("docker's output reached ours raw")
			}
		})
	}
}
