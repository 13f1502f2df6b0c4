package leaks

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/leakscan"
	"github.com/clawcheck/clawcheck/internal/state"
)

// legacyDirs are the state folders of the product's earlier names.
var legacyDirs = []string{".clawdbot", ".moltbot"}

// LegacyDir: a state folder left behind by a rename still holds the old
// config, auth profiles and transcripts, and nothing audits or rotates it.
var LegacyDir = &check.Check{
	ID:          "secrets.legacy_dir",
	Severity:    check.Warn,
	Title:       "Legacy state folder still holds credentials",
	Remediation: "Check that nothing still uses the old folder, then delete it (or move what you need into the current state dir) and rotate the credentials it holds.",
	Doc:         "Earlier releases kept their state in ~/.clawdbot or ~/.moltbot. After a migration (or a fresh install next to an old one) the old folder often stays: its config, auth profiles, credentials and transcripts keep tokens and keys in plain text, outside everything the current installation audits. clawcheck reports such a folder, when it is not the state dir in use nor a link to it, if it holds one of the installation's current secrets (critical) or a well-known credential format (warning).",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorSecretsAtRest,
	Run: func(p *check.Pass) error {
		home := p.Config.Paths.Home
		if home == "" {
			return nil
		}
		var secrets []leakscan.Secret
		var sc *leakscan.Scanner
		for _, name := range legacyDirs {
			dir := filepath.Join(home, name)
			if dir == p.Config.Paths.StateDir || within(dir, p.Config.Paths.StateDir) {
				continue
			}
			snap := takeSnapshot(state.Options{Roots: []string{dir}, MaxEntries: 50_000})
			root, ok := snap.Lstat(dir)
			if !ok || root.Kind != state.Dir {
				// Missing, or a link (the migration leaves one to the new folder).
				continue
			}
			var files []file
			var missed []string
			_ = snap.Walk(dir, func(e state.Entry) error {
				if e.Kind == state.Dir {
					if !snap.Listed(e.Path) {
						missed = append(missed, show(p, e.Path))
					}
					return nil
				}
				if f, ok := fileOf(p, snap, e); ok {
					files = append(files, f)
				}
				return nil
			})
			if len(files) == 0 && len(missed) == 0 {
				continue
			}
			if sc == nil {
				secrets = knownSecrets(p)
				sc = leakscan.New(secrets, leakscan.Rules)
			}
			results := scan(p, sc, files)
			reportLegacy(p, secrets, "~/"+name, results)
			reportIncomplete(p, results, missed, "~/"+name)
		}
		return nil
	},
}

func within(dir, path string) bool {
	_, ok := under(dir, path)
	return ok
}

// reportLegacy reports one finding per folder, naming its files with hits.
func reportLegacy(p *check.Pass, secrets []leakscan.Secret, name string, results []scanned) {
	var worst check.Severity
	var parts []string
	var first scanned
	files := 0
	for i := range results {
		s, sev := graded(results[i], byKind)
		if len(s.Hits) == 0 {
			continue
		}
		files++
		if files == 1 {
			first = s
		}
		if worst == "" || sev.Rank() < worst.Rank() {
			worst = sev
		}
		if len(parts) < maxListed {
			h := s.Hits[0]
			what := "a credential matching rule " + h.Rule
			if h.Known() {
				what = "the known secret " + secrets[h.Secret].Name
			}
			extra := ""
			if n := len(s.Hits) + s.More; n > 1 {
				extra = fmt.Sprintf(" (%d in all)", n)
			}
			parts = append(parts, fmt.Sprintf("%s line %d: %s, %s%s", s.Show, h.Line, what, h.Preview, extra))
		}
	}
	if files == 0 {
		return
	}
	detail := fmt.Sprintf("The legacy folder %s holds credentials in %d file(s): %s", name, files, strings.Join(parts, "; "))
	if files > len(parts) {
		detail += fmt.Sprintf("; and %d more file(s)", files-len(parts))
	}
	p.Report(check.Finding{
		Severity: worst,
		Detail:   detail + ".",
		Location: &check.Location{File: first.Path, Line: first.Hits[0].Line},
	})
}
