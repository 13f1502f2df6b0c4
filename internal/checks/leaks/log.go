package leaks

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/leakscan"
	"github.com/clawcheck/clawcheck/internal/state"
)

// LogLeak: gateway logs record tool summaries, errors and URLs, and with
// redaction off or a tool echoing its input, credentials too.
var LogLeak = &check.Check{
	ID:          "secrets.log_leak",
	Severity:    check.Warn,
	Title:       "Log file holds a credential",
	Remediation: "Rotate the credential and delete or truncate the log. Keep logging.redactSensitive at \"tools\" and add logging.redactPatterns for custom token formats.",
	Doc:         "The gateway writes rolling logs to the temp folder (openclaw/openclaw-<date>.log) or to logging.file, and keeps more under <stateDir>/logs. Logs outlive the sessions that wrote them and are often attached to bug reports. clawcheck searches the state dir's logs and logging.file for the installation's own secrets and for well-known credential formats; the rolling logs in the shared temp folder are searched for the installation's own secrets only, since a pattern match there cannot be attributed to this installation. A known secret is critical, a pattern match a warning.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorSecretsAtRest,
	Run: func(p *check.Pass) error {
		var files []file
		var missed []string
		logs := filepath.Join(p.Config.Paths.StateDir, "logs")
		_ = p.State.Walk(logs, func(e state.Entry) error {
			if e.Kind == state.Dir {
				if !p.State.Listed(e.Path) {
					missed = append(missed, show(p, e.Path))
				}
				return nil
			}
			if f, ok := fileOf(p, p.State, e); ok {
				files = append(files, f)
			}
			return nil
		})
		seen := map[string]bool{}
		for _, f := range files {
			seen[f.Path] = true
		}
		if path := logFile(p); path != "" && !seen[path] {
			seen[path] = true
			snap := p.State
			if _, ok := snap.Lstat(path); !ok {
				snap = takeSnapshot(state.Options{Paths: []string{path}})
			}
			if e, ok := snap.Lstat(path); ok {
				if f, ok := fileOf(p, snap, e); ok {
					files = append(files, f)
				}
			}
		}
		for _, dir := range tempLogDirs(p) {
			snap := takeSnapshot(state.Options{Roots: []string{dir}, MaxDepth: 1, MaxEntries: 10_000})
			for _, e := range snap.Children(dir) {
				name := filepath.Base(e.Path)
				if seen[e.Path] || !strings.HasPrefix(name, "openclaw") || !strings.HasSuffix(name, ".log") {
					continue
				}
				if f, ok := fileOf(p, snap, e); ok {
					f.KnownOnly = true
					files = append(files, f)
				}
			}
		}
		if len(files) == 0 && len(missed) == 0 {
			return nil
		}
		secrets := knownSecrets(p)
		results := scan(p, leakscan.New(secrets, leakscan.Rules), files)
		reportLeaks(p, secrets, results, "Log", byKind)
		reportIncomplete(p, results, missed, "log files")
		return nil
	},
}

// logFile resolves logging.file as the gateway does: ~ and ~/… with HOME;
// other ~user forms and relative paths (whose base is the gateway's working
// folder, unknown here) are skipped.
func logFile(p *check.Pass) string {
	path := p.Root().Get("logging", "file").Trimmed()
	home := p.Env.Get("HOME")
	switch {
	case path == "":
		return ""
	case path == "~" || strings.HasPrefix(path, "~/"):
		if home == "" {
			return ""
		}
		path = filepath.Join(home, strings.TrimPrefix(path, "~"))
	case !filepath.IsAbs(path):
		return ""
	}
	return filepath.Clean(path)
}

// tempLogDirs are where the gateway writes its rolling logs when
// logging.file is unset: /tmp/openclaw, or openclaw-<uid> in the temp
// folder when /tmp is unusable.
func tempLogDirs(p *check.Pass) []string {
	if runtime.GOOS == "windows" {
		return []string{filepath.Join(os.TempDir(), "openclaw")}
	}
	dirs := []string{"/tmp/openclaw"}
	tmp := p.Env.Get("TMPDIR")
	if tmp == "" {
		tmp = "/tmp"
	}
	if uid := os.Getuid(); uid >= 0 {
		dirs = append(dirs, filepath.Join(tmp, "openclaw-"+strconv.Itoa(uid)))
	}
	return dirs
}

// takeSnapshot records paths outside the state dir that a check is about
// to read; the options' paths are absolute, so Take cannot fail.
func takeSnapshot(opts state.Options) *state.Snapshot {
	snap, err := state.Take(opts)
	if err != nil {
		snap, _ = state.Take(state.Options{})
	}
	return snap
}
