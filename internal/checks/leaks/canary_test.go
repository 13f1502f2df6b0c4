package leaks_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/checks/leaks"
	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// Canary secrets: one from the config, one from an auth profile (never
// redacted by the engine, since the loader does not know it), one only a
// pattern rule knows, and one in a legacy folder.
const (
	canaryToken   = "CANARYgwTOKEN0123456789abcdefXYZ"
	canaryProfile = "sk-ant-api03-CANARYprofileKEY0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789AA"
	canaryPattern = "ghp_CANARYpatternTOKEN0123456789abcdef"
	canaryLegacy  = "AKIACANARY234567ABCD"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCanariesNeverPrinted plants secrets where every check finds them and
// greps every output format for them and for the part of them a careless
// preview would show.
func TestCanariesNeverPrinted(t *testing.T) {
	home := t.TempDir()
	sd := filepath.Join(home, ".openclaw")
	write(t, filepath.Join(sd, "openclaw.json"), `{ gateway: { auth: { token: "${GW}" } } }`)
	write(t, filepath.Join(sd, "agents/main/agent/auth-profiles.json"),
		`{"profiles":{"anthropic:default":{"type":"api_key","key":"`+canaryProfile+`"}}}`)
	write(t, filepath.Join(sd, "agents/main/sessions/s.jsonl"),
		`{"text":"`+canaryToken+` `+canaryProfile+` `+canaryPattern+`"}`+"\n")
	write(t, filepath.Join(sd, "logs/gateway.log"), "token="+canaryToken+"\n"+canaryPattern+"\n")
	write(t, filepath.Join(sd, "openclaw.json.bak"), `{ gateway: { auth: { token: "`+canaryToken+`" } } }`)
	write(t, filepath.Join(home, ".clawdbot/clawdbot.json"), `{ aws: "`+canaryLegacy+`", t: "`+canaryToken+`" }`)

	canaries := []string{canaryToken, canaryProfile, canaryPattern, canaryLegacy}
	for _, format := range []string{"json", "text", "sarif", "html", "markdown"} {
		var out, errb bytes.Buffer
		code := cli.Run(context.Background(), cli.Invocation{
			Args: []string{"security", "audit", "--format", format},
			Env:  config.Env{"HOME": home, "GW": canaryToken, "NO_COLOR": "1"},
			Cwd:  home, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Now:    func() time.Time { return time.Unix(0, 0) },
			Checks: leaks.Checks,
		})
		if code != cli.ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		all := out.String() + errb.String()
		for _, id := range []string{"secrets.transcript_leak", "secrets.log_leak", "secrets.config_backup_plaintext", "secrets.legacy_dir"} {
			if !strings.Contains(all, id) {
				t.Errorf("%s: %s did not fire; the canary test proves nothing", format, id)
			}
		}
		for _, c := range canaries {
			// Beyond the 4-character preview, no 8 characters of a canary
			// may appear.
			for i := 1; i+8 <= len(c); i++ {
				if strings.Contains(all, c[i:i+8]) {
					t.Errorf("%s output contains part of a canary secret: %q", format, c[i:i+8])
					break
				}
			}
		}
	}
}
