package leaks

import (
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/leakscan"
	"github.com/clawcheck/clawcheck/internal/state"
)

// ConfigBackupPlaintext: every config write leaves a copy behind. A secret
// moved out of the config into a SecretRef or the environment lives on in
// the copies written before the move.
var ConfigBackupPlaintext = &check.Check{
	ID:          "secrets.config_backup_plaintext",
	Severity:    check.Warn,
	Title:       "Config backup holds a credential in plain text",
	Remediation: "Delete the backup copies (openclaw.json.bak*, *.clobbered.*) once the current config is known good, and rotate any credential they hold that the live config no longer keeps in plain text.",
	Doc:         "OpenClaw writes openclaw.json.bak, numbered .bak copies and .clobbered.<time> copies next to the config whenever it rewrites it. Moving a token into a SecretRef or an environment variable does not touch those copies, so the plaintext value stays on disk, often with looser permissions than the config. clawcheck reports a backup that holds one of the installation's secrets which the live config no longer contains in plain text (critical), a well-known credential format (warning, e.g. a key rotated since), or a plain copy of a secret the live config also holds when the backup is readable by group or others (warning).",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorSecretsAtRest,
	Run: func(p *check.Pass) error {
		paths := p.Config.Paths
		base := filepath.Base(paths.ConfigPath)
		var files []file
		seen := map[string]bool{}
		for _, dir := range uniq(filepath.Dir(paths.ConfigPath), paths.StateDir) {
			snap := p.State
			if !p.State.Listed(dir) {
				snap = takeSnapshot(state.Options{Roots: []string{dir}, MaxDepth: 1, MaxEntries: 10_000})
			}
			for _, e := range snap.Children(dir) {
				if seen[e.Path] || !isBackup(filepath.Base(e.Path), base) {
					continue
				}
				seen[e.Path] = true
				if f, ok := fileOf(p, snap, e); ok {
					files = append(files, f)
				}
			}
		}
		if len(files) == 0 {
			return nil
		}
		secrets := knownSecrets(p)
		literal := liveLiterals(p, secrets)
		results := scan(p, leakscan.New(secrets, leakscan.Rules), files)
		reportLeaks(p, secrets, results, "Config backup", func(s scanned, h leakscan.Hit) check.Severity {
			switch {
			case !h.Known():
				return check.Warn
			case !literal[h.Secret]:
				return check.Critical
			case s.Mode&0o044 != 0:
				return check.Warn
			}
			return ""
		})
		reportIncomplete(p, results, nil, "config backups")
		return nil
	},
}

func uniq(items ...string) []string {
	var out []string
	for _, it := range items {
		dup := false
		for _, o := range out {
			dup = dup || o == it
		}
		if !dup {
			out = append(out, it)
		}
	}
	return out
}

// isBackup matches the copies OpenClaw leaves of the config named base (and
// of the default and legacy names): base.bak, base.bak.N, base.bak-…, and
// base.clobbered.<time>.
func isBackup(name, base string) bool {
	for _, b := range uniq(base, "openclaw.json", "clawdbot.json") {
		rest, ok := strings.CutPrefix(name, b+".")
		if ok && (strings.HasPrefix(rest, "bak") || strings.HasPrefix(rest, "clobbered")) {
			return true
		}
	}
	return false
}

// liveLiterals marks the secrets that the live config files hold as plain
// text; a backup repeating those is no worse than the config itself.
func liveLiterals(p *check.Pass, secrets []leakscan.Secret) map[int]bool {
	var texts []string
	for _, f := range p.Config.Files {
		if data, err := p.State.ReadFile(f.Path); err == nil {
			texts = append(texts, string(data))
		}
	}
	out := map[int]bool{}
	for i, s := range secrets {
		for _, t := range texts {
			if strings.Contains(t, s.Value) {
				out[i] = true
				break
			}
		}
	}
	return out
}
