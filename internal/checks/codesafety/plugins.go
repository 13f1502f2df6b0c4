package codesafety

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/state"
)

// maxManifestBytes caps a plugin's package.json, as upstream does.
const maxManifestBytes = 1 << 20

// pluginDir is one installed plugin directory and what its package.json
// says about its entry files.
type pluginDir struct {
	name string
	path string
	// manifestErr says why package.json could not be used; empty when it
	// was fine, empty or missing.
	manifestErr string
	// entries are the openclaw.extensions strings, trimmed, blanks dropped.
	entries []string
	forced  []string // entries inside the dir, resolved
	escaped []string // entries that leave the dir, as written
	hidden  []string // entries inside the dir through a hidden or node_modules segment
}

// extensionsListing is what listing <stateDir>/extensions gave.
type extensionsListing struct {
	dir     string
	plugins []pluginDir
	// failed says why the directory could not be listed (upstream's
	// non-ENOENT stat or readdir error); empty otherwise.
	failed string
}

// listPlugins lists the plugin directories in byte-wise name order. A
// symlinked plugin dir is skipped, as upstream skips it; under profile
// 2026.9 so are the names 2026.9.6 ignores (backups, disabled, hidden).
func listPlugins(p *check.Pass) extensionsListing {
	out := extensionsListing{}
	if p.State == nil || p.Config == nil {
		return out
	}
	ext := filepath.Join(p.Config.Paths.StateDir, "extensions")
	out.dir = ext
	e, ok := p.State.Lstat(ext)
	if !ok {
		return out
	}
	switch e.Kind {
	case state.Dir:
	case state.Symlink:
		// 2026.9.6 stats the folder first and reports a failure such as a
		// symlink loop; 2026.4.14 reports only a failed listing.
		if p.Compat.Is96() && !e.Link.TargetExists && e.Link.Err != "" && !strings.Contains(e.Link.Err, "no such file") &&
			!strings.Contains(e.Link.Err, "not a directory") {
			out.failed = e.Link.Err
		}
		// 2026.9.6 lists a symlinked extensions folder through the link (a
		// --deep snapshot walks its target under this path); 2026.4.14
		// scans nothing there.
		if p.Compat.Is414() || !e.Link.TargetExists || e.Link.TargetKind != state.Dir {
			return out
		}
	default:
		return out
	}
	for _, pe := range p.State.Errors() {
		if pe.Path == ext && (pe.Op == "open" || pe.Op == "readdir") {
			out.failed = pe.Err.Error()
			return out
		}
	}
	for _, c := range p.State.Children(ext) {
		if c.Kind != state.Dir {
			continue
		}
		name := filepath.Base(c.Path)
		if p.Compat.Is96() && ignoredPluginDir(name) {
			continue
		}
		out.plugins = append(out.plugins, readPlugin(p.State, p.Compat, name, c.Path))
	}
	return out
}

// ignoredPluginDir is 2026.9.6's list of directory names under extensions/
// that are not plugins.
func ignoredPluginDir(name string) bool {
	n := strings.ToLower(name)
	return n == "" || n == "node_modules" || n == ".openclaw-install-backups" || strings.HasPrefix(n, ".") ||
		strings.HasSuffix(n, ".bak") || strings.Contains(n, ".backup-") || strings.Contains(n, ".disabled")
}

func readPlugin(snap *state.Snapshot, compat check.Compat, name, dir string) pluginDir {
	pd := pluginDir{name: name, path: dir}
	entries, err := manifestEntries(snap, compat, dir)
	if err != "" {
		pd.manifestErr = err
	}
	pd.entries = entries
	for _, entry := range entries {
		resolved := entry
		if !filepath.IsAbs(resolved) {
			resolved = filepath.Join(dir, entry)
		}
		resolved = filepath.Clean(resolved)
		if !insideDir(dir, resolved) {
			pd.escaped = append(pd.escaped, entry)
			continue
		}
		if skippedSegment(entry) {
			pd.hidden = append(pd.hidden, entry)
		}
		pd.forced = append(pd.forced, resolved)
	}
	return pd
}

// manifestEntries reads openclaw.extensions from package.json. A missing or
// blank file has no entries; a symlink, a non-file, an oversized or invalid
// file gives the reason it could not be used.
//
// 2026.4.14 reads package.json through a symlink; under that profile a
// link is followed when it resolves to a file inside the plugin folder.
func manifestEntries(snap *state.Snapshot, compat check.Compat, dir string) ([]string, string) {
	path := filepath.Join(dir, "package.json")
	e, ok := snap.Lstat(path)
	if !ok {
		return nil, ""
	}
	if e.Kind == state.Symlink && compat.Is414() {
		if !e.Link.TargetExists {
			return nil, ""
		}
		dirInfo, _ := snap.Stat(dir)
		if e.Link.TargetKind != state.File || dirInfo.RealPath == "" || !insideDir(dirInfo.RealPath, e.Link.RealPath) {
			return nil, "package.json is a symlink that leaves the plugin folder or is not a file"
		}
		e.Kind, e.Size = state.File, e.Link.TargetSize
	}
	switch {
	case e.Kind == state.Symlink:
		return nil, "package.json is a symlink"
	case e.Kind != state.File:
		return nil, "package.json is a " + e.Kind.String() + ", not a regular file"
	case e.Size > maxManifestBytes:
		return nil, fmt.Sprintf("package.json is %d bytes, over the %d-byte limit", e.Size, maxManifestBytes)
	}
	data, err := snap.ReadFile(path)
	if err != nil {
		return nil, "package.json could not be read"
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil, ""
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, "package.json is not valid JSON (" + jsonReason(err) + ")"
	}
	obj, _ := doc.(map[string]any)
	oc, _ := obj["openclaw"].(map[string]any)
	list, _ := oc["extensions"].([]any)
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok {
			if t := strings.TrimSpace(s); t != "" {
				out = append(out, t)
			}
		}
	}
	return out, ""
}

// jsonReason keeps the position of a syntax error and drops anything that
// quotes the file's content.
func jsonReason(err error) string {
	if se, ok := err.(*json.SyntaxError); ok {
		return fmt.Sprintf("syntax error at byte %d", se.Offset)
	}
	return "unexpected structure"
}

// skippedSegment reports an entry that the walk would never reach: a path
// segment node_modules or one starting with "." (other than . and ..).
func skippedSegment(entry string) bool {
	for _, seg := range strings.FieldsFunc(entry, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == "node_modules" || strings.HasPrefix(seg, ".") && seg != "." && seg != ".." {
			return true
		}
	}
	return false
}

// insideDir is upstream's isPathInside: dir itself or below it.
func insideDir(dir, path string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../") && !filepath.IsAbs(rel)
}
