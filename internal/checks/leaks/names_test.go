package leaks

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/leakscan"
)

func TestIsBackup(t *testing.T) {
	for name, want := range map[string]bool{
		"openclaw.json.bak":                      true,
		"openclaw.json.bak.1":                    true,
		"openclaw.json.bak-2026-01-02":           true,
		"openclaw.json.clobbered.2026-01-02T10Z": true,
		"clawdbot.json.bak":                      true,
		"my.json5.bak":                           true,
		"openclaw.json":                          false,
		"openclaw.json.tmp":                      false,
		"openclaw.jsonbak":                       false,
		"other.json.bak":                         false,
	} {
		if got := isBackup(name, "my.json5"); got != want {
			t.Errorf("isBackup(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsTranscript(t *testing.T) {
	for name, want := range map[string]bool{
		"abc.jsonl":                        true,
		"abc.jsonl.deleted.2026-01-02T10Z": true,
		"abc.jsonl.reset.2026-01-02T10Z":   true,
		"sessions.json":                    true,
		"sessions.json.lock":               false,
		"notes.txt":                        false,
	} {
		if got := isTranscript(name); got != want {
			t.Errorf("isTranscript(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIncompleteText(t *testing.T) {
	results := []scanned{
		{file{Show: "agents/main/sessions/a.jsonl", Size: 3 << 30}, leakscan.FileResult{Scanned: 1 << 30, Size: 3 << 30, Cut: leakscan.CutBudget}},
		{file{Show: "agents/main/sessions/b.jsonl"}, leakscan.FileResult{Err: fs.ErrPermission}},
		{file{Show: "agents/main/sessions/c.jsonl"}, leakscan.FileResult{Scanned: 10, Size: 10}},
	}
	got := incomplete(results, []string{"agents/big/sessions"})
	for _, want := range []string{
		"1 file(s) not scanned to the end by the budget, about 2.0 GiB left unread (agents/main/sessions/a.jsonl)",
		"1 file(s) could not be read: agents/main/sessions/b.jsonl (permission denied)",
		"folders not fully listed: agents/big/sessions",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("incomplete() = %q, lacks %q", got, want)
		}
	}
	if got := incomplete(results[2:], nil); got != "" {
		t.Errorf("complete scan described as %q", got)
	}
}

func TestCredentialShaped(t *testing.T) {
	for v, want := range map[string]bool{
		"9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e": true,
		"ghp_A1b2C3d4E5f6A1b2C3d4E5f6":     true,
		"https://user:pw@host.example/x":   true,
		"/usr/libexec/openssh/ssh-askpass": false,
		"~/bin/askpass":                    false,
		"C:\\Tools\\askpass.exe":           false,
		"https://vault.example/v1/secret":  false,
		"not a secret, just words":         false,
	} {
		if got := credentialShaped(v); got != want {
			t.Errorf("credentialShaped(%q) = %v, want %v", v, got, want)
		}
	}
}
