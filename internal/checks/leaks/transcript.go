package leaks

import (
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/leakscan"
	"github.com/clawcheck/clawcheck/internal/state"
)

// TranscriptLeak: session transcripts keep whatever was pasted into a chat
// or printed by a tool, for as long as the file lives.
var TranscriptLeak = &check.Check{
	ID:          "secrets.transcript_leak",
	Severity:    check.Warn,
	Title:       "Session transcript holds a credential",
	Remediation: "Rotate the credential, then delete the transcript (or the lines that hold it). Keep logging.redactSensitive on and avoid pasting secrets into chats.",
	Doc:         "OpenClaw stores every session as JSONL under agents/<agentId>/sessions/. Anything pasted into a chat, read from a file or printed by a tool stays there in plain text, readable by any process or person with access to the state dir and copied into every backup of it. clawcheck searches transcripts for the installation's own secrets (gateway and hook tokens, channel tokens, provider keys from auth profiles), also base64- and URL-encoded, and for well-known credential formats. A known secret is critical: it is live. A pattern match is a warning: it is a credential of some service, possibly revoked.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorSecretsAtRest,
	Run: func(p *check.Pass) error {
		agents := filepath.Join(p.Config.Paths.StateDir, "agents")
		var files []file
		var missed []string
		for _, a := range p.State.Children(agents) {
			if a.Kind != state.Dir {
				continue
			}
			dir := filepath.Join(a.Path, "sessions")
			_ = p.State.Walk(dir, func(e state.Entry) error {
				if e.Kind == state.Dir {
					if !p.State.Listed(e.Path) {
						missed = append(missed, show(p, e.Path))
					}
					return nil
				}
				if !isTranscript(filepath.Base(e.Path)) {
					return nil
				}
				if f, ok := fileOf(p, p.State, e); ok {
					files = append(files, f)
				}
				return nil
			})
		}
		if len(files) == 0 && len(missed) == 0 {
			return nil
		}
		secrets := knownSecrets(p)
		results := scan(p, leakscan.New(secrets, leakscan.Rules), files)
		reportLeaks(p, secrets, results, "Transcript", byKind)
		reportIncomplete(p, results, missed, "session transcripts")
		return nil
	},
}

// isTranscript matches session files, live and rotated or deleted ones
// (name.jsonl.deleted.<time>), and the session index.
func isTranscript(name string) bool {
	return strings.Contains(name, ".jsonl") || name == "sessions.json"
}
