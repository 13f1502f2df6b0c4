package leaks

import "testing"

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
