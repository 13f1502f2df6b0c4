package leaks

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/leakscan"
	"github.com/clawcheck/clawcheck/internal/state"
)

// Budgets of a plain audit, per check. --deep lifts them.
const (
	DefaultMaxBytes = 512 << 20
	DefaultMaxTime  = 15 * time.Second
	// maxListed is how many hits or files one finding names.
	maxListed = 5
)

func scanOptions(p *check.Pass) leakscan.Options {
	var o leakscan.Options
	if !p.Options.Deep {
		o = leakscan.Options{MaxBytes: DefaultMaxBytes, Deadline: time.Now().Add(DefaultMaxTime)}
	}
	// The audit's deadline (--timeout) bounds --deep too.
	if d := p.Options.Deadline; !d.IsZero() && (o.Deadline.IsZero() || d.Before(o.Deadline)) {
		o.Deadline = d
	}
	return o
}

// file is one file to scan: where it is and how to name it.
type file struct {
	Path      string // absolute, as the snapshot recorded it
	Show      string // for details: relative to the state dir or ~
	Size      int64
	Mode      fs.FileMode
	KnownOnly bool
	snap      *state.Snapshot
}

func (f file) target() leakscan.Target {
	return leakscan.Target{Size: f.Size, KnownOnly: f.KnownOnly, Open: func() (io.ReadCloser, int64, error) {
		return f.snap.Open(f.Path)
	}}
}

// scanned is one file's result with the file.
type scanned struct {
	file
	leakscan.FileResult
}

func scan(p *check.Pass, sc *leakscan.Scanner, files []file) []scanned {
	targets := make([]leakscan.Target, len(files))
	for i, f := range files {
		targets[i] = f.target()
	}
	res := sc.Scan(targets, scanOptions(p))
	out := make([]scanned, len(files))
	for i := range files {
		out[i] = scanned{files[i], res[i]}
	}
	return out
}

// fileOf builds a file for a snapshot entry that is a regular file or a
// symlink to one; ok is false for anything else.
func fileOf(p *check.Pass, snap *state.Snapshot, e state.Entry) (file, bool) {
	info, ok := snap.Stat(e.Path)
	if !ok || info.Kind != state.File {
		return file{}, false
	}
	return file{Path: e.Path, Show: show(p, e.Path), Size: info.Size, Mode: info.Mode, snap: snap}, true
}

// show names a path for a detail: relative to the state dir, else with ~
// for the home, else as it is.
func show(p *check.Pass, path string) string {
	if rel, ok := under(p.Config.Paths.StateDir, path); ok {
		return check.InlineText(rel)
	}
	if rel, ok := under(p.Config.Paths.Home, path); ok {
		return check.InlineText("~/" + rel)
	}
	return check.InlineText(path)
}

func under(dir, path string) (string, bool) {
	if dir == "" {
		return "", false
	}
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// credentialKey matches the config keys and environment variable names
// that hold credentials, as the loader's redaction does: a bare "key"
// suffix is not enough (sessionKey, publicKey).
var credentialKey = regexp.MustCompile(`(?i)(token|secret|password|passwd|pass|pw|apikey|api_key|privatekey|private_key|passphrase|cookie|signingkey)$`)

// profileKey matches the fields of an auth profile that hold credentials.
var profileKey = regexp.MustCompile(`(?i)^(key|apikey|api_key|token|access|refresh|secret)$`)

// knownSecrets gathers the credentials this installation is known to hold,
// each with a printable name: literal values and resolved references from
// the config, credential-named environment variables, every value the
// loader collected for redaction, and the keys and tokens in each agent's
// auth profiles.
func knownSecrets(p *check.Pass) []leakscan.Secret {
	named := map[string]string{}
	var order []string
	add := func(value, name string) {
		value = strings.TrimSpace(value)
		if len(value) < leakscan.MinSecretLen {
			return
		}
		if _, ok := named[value]; !ok {
			order = append(order, value)
			named[value] = name
		}
	}
	paths := make([]string, 0, len(p.Config.Secrets))
	for path := range p.Config.Secrets {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		if in := p.Config.Secrets[path]; in.Resolved {
			add(in.Secret, path)
		}
	}
	var walk func(v *config.Value, path string, secret bool)
	walk = func(v *config.Value, path string, secret bool) {
		switch {
		case v.IsString():
			if secret {
				add(v.Trimmed(), path)
			}
		case v.IsArray():
			for i, e := range v.Items() {
				walk(e, fmt.Sprintf("%s[%d]", path, i), secret)
			}
		case v.IsObject():
			for _, m := range v.Pairs() {
				walk(m.Value, joinPath(path, m.Key), secret || credentialKey.MatchString(m.Key))
			}
		}
	}
	walk(p.Root(), "", false)
	envNames := make([]string, 0, len(p.Config.Env))
	for k := range p.Config.Env {
		envNames = append(envNames, k)
	}
	sort.Strings(envNames)
	for _, k := range envNames {
		if credentialKey.MatchString(k) {
			if v := p.Config.Env[k]; credentialShaped(v) {
				add(v, "environment variable "+k)
			}
		}
	}
	for _, v := range p.Config.SecretValues {
		if _, ok := named[strings.TrimSpace(v)]; !ok && credentialShaped(v) {
			add(v, "a credential from the configuration")
		}
	}
	for _, s := range authProfileSecrets(p) {
		add(s.Value, s.Name)
	}
	out := make([]leakscan.Secret, 0, len(order))
	for _, v := range order {
		out = append(out, leakscan.Secret{Name: named[v], Value: v})
	}
	return out
}

// credentialShaped rejects values that a credential-named environment
// variable can hold without being a credential: paths (SSH_ASKPASS=/usr/bin/…),
// plain URLs and text with spaces. Searching for those would report every
// transcript that mentions them. Config values under credential keys are
// taken as they are: the user put them there as credentials.
func credentialShaped(v string) bool {
	switch {
	case strings.ContainsAny(v, " \t\r\n"):
		return false
	case strings.HasPrefix(v, "/"), strings.HasPrefix(v, "~"), strings.HasPrefix(v, "."), strings.HasPrefix(v, `\\`):
		return false
	case len(v) > 2 && v[1] == ':' && (v[2] == '\\' || v[2] == '/'):
		return false // C:\…
	case strings.Contains(v, "://") && !strings.Contains(v, "@"):
		return false
	}
	return true
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// authProfileSecrets reads agents/<id>/agent/auth-profiles.json of every
// agent folder in the state dir.
func authProfileSecrets(p *check.Pass) []leakscan.Secret {
	var out []leakscan.Secret
	agents := filepath.Join(p.Config.Paths.StateDir, "agents")
	for _, a := range p.State.Children(agents) {
		if a.Kind != state.Dir {
			continue
		}
		path := filepath.Join(a.Path, "agent", "auth-profiles.json")
		data, err := p.State.ReadFile(path)
		if err != nil {
			continue
		}
		var doc struct {
			Profiles map[string]map[string]any `json:"profiles"`
		}
		if json.Unmarshal(data, &doc) != nil {
			continue
		}
		ids := make([]string, 0, len(doc.Profiles))
		for id := range doc.Profiles {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			keys := make([]string, 0, len(doc.Profiles[id]))
			for k := range doc.Profiles[id] {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if v, ok := doc.Profiles[id][k].(string); ok && profileKey.MatchString(k) {
					out = append(out, leakscan.Secret{
						Name:  fmt.Sprintf("auth profile %q of agent %q", id, filepath.Base(a.Path)),
						Value: v,
					})
				}
			}
		}
	}
	return out
}

// describe lists a file's hits for a detail, never the secret itself.
func describe(secrets []leakscan.Secret, s scanned) string {
	var parts []string
	for i, h := range s.Hits {
		if i == maxListed {
			break
		}
		what := "a credential matching rule " + h.Rule
		if h.Known() {
			what = "the known secret " + secrets[h.Secret].Name
			if h.Form != leakscan.Verbatim {
				what += " (" + h.Form.String() + ")"
			}
		}
		parts = append(parts, fmt.Sprintf("line %d: %s, %s", h.Line, what, h.Preview))
	}
	more := len(s.Hits) - len(parts) + s.More
	text := strings.Join(parts, "; ")
	if more > 0 {
		text += fmt.Sprintf("; and %d more", more)
	}
	return text
}

// severityOf grades one hit; "" drops it.
type severityOf func(s scanned, h leakscan.Hit) check.Severity

// byKind is the usual grading: a hit that is one of the installation's own
// secrets is critical (it is live), a pattern match a warning.
func byKind(_ scanned, h leakscan.Hit) check.Severity {
	if h.Known() {
		return check.Critical
	}
	return check.Warn
}

// graded keeps a file's hits that sevOf does not drop and returns the
// highest severity among them.
func graded(s scanned, sevOf severityOf) (scanned, check.Severity) {
	var keep []leakscan.Hit
	var worst check.Severity
	for _, h := range s.Hits {
		sev := sevOf(s, h)
		if sev == "" {
			continue
		}
		keep = append(keep, h)
		if worst == "" || sev.Rank() < worst.Rank() {
			worst = sev
		}
	}
	s.Hits = keep
	if len(keep) == 0 {
		s.More = 0
	}
	return s, worst
}

// reportLeaks reports one finding per file with hits.
func reportLeaks(p *check.Pass, secrets []leakscan.Secret, results []scanned, what string, sevOf severityOf) {
	for _, s := range results {
		s, sev := graded(s, sevOf)
		if len(s.Hits) == 0 {
			continue
		}
		n := len(s.Hits) + s.More
		noun := "credential"
		if n != 1 {
			noun = "credentials"
		}
		detail := fmt.Sprintf("%s %s holds %d %s: %s.", what, s.Show, n, noun, describe(secrets, s))
		if s.Cut != leakscan.CutNone {
			detail += fmt.Sprintf(" Only the first %s of the file were scanned (%s).", size(s.Scanned), s.Cut)
		}
		p.Report(check.Finding{
			Severity: sev,
			Detail:   detail,
			Location: &check.Location{File: s.Path, Line: s.Hits[0].Line},
		})
	}
}

// incomplete describes what a scan left out, or "" when it saw everything.
func incomplete(results []scanned, missed []string) string {
	var cut, failed []string
	var left int64
	for _, s := range results {
		switch {
		case s.Err != nil:
			failed = append(failed, s.Show+" ("+reason(s.Err)+")")
		case s.Cut != leakscan.CutNone:
			cut = append(cut, s.Show)
			left += max(max(s.FileResult.Size, s.file.Size)-s.Scanned, 0)
		}
	}
	var parts []string
	if len(cut) > 0 {
		parts = append(parts, fmt.Sprintf("%d file(s) not scanned to the end by the budget, about %s left unread (%s)", len(cut), size(left), list(cut)))
	}
	if len(failed) > 0 {
		parts = append(parts, fmt.Sprintf("%d file(s) could not be read: %s", len(failed), list(failed)))
	}
	if len(missed) > 0 {
		parts = append(parts, fmt.Sprintf("folders not fully listed: %s", list(missed)))
	}
	return strings.Join(parts, "; ")
}

func reportIncomplete(p *check.Pass, results []scanned, missed []string, what string) {
	text := incomplete(results, missed)
	if text == "" {
		return
	}
	hint := ""
	for _, s := range results {
		switch {
		case s.Cut != leakscan.CutNone && !p.Options.Deep:
			hint = " Run with --deep to lift the byte and time budgets."
		case s.Cut == leakscan.CutDeadline && hint == "":
			hint = " Run with a longer --timeout to scan further."
		}
	}
	p.Report(check.Finding{
		Severity: check.Info,
		Title:    "Scan for leaked secrets incomplete",
		Detail:   fmt.Sprintf("The scan of %s is incomplete: %s.%s", what, text, hint),
	})
}

func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, state.ErrOutsideRoot):
		return "symlink leaves its folder"
	case errors.Is(err, state.ErrChanged):
		return "changed during the audit"
	case errors.Is(err, state.ErrNotRegular):
		return "not a regular file"
	case errors.Is(err, fs.ErrNotExist):
		return "gone"
	}
	return "read error"
}

func list(items []string) string {
	if len(items) > maxListed {
		return strings.Join(items[:maxListed], ", ") + fmt.Sprintf(", and %d more", len(items)-maxListed)
	}
	return strings.Join(items, ", ")
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// partial lists the folders under root whose listing the snapshot cut short.
func partial(p *check.Pass, snap *state.Snapshot, root string) []string {
	var out []string
	_ = snap.Walk(root, func(e state.Entry) error {
		if e.Kind == state.Dir && !snap.Listed(e.Path) {
			out = append(out, show(p, e.Path))
		}
		return nil
	})
	return out
}
