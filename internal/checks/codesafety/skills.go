package codesafety

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/state"
)

// defaultMaxSkillFileBytes is skills.limits.maxSkillFileBytes's default.
const defaultMaxSkillFileBytes = 256_000

// skill is one skill the loader accepts.
type skill struct {
	name string
	dir  string
	file string // its SKILL.md
}

// diagnostic is a workshop skill the loader rejected.
type diagnostic struct {
	file   string
	reason string
}

// skillSet is every skill the audit scans, in upstream's order, and the
// workshop loader's diagnostics.
type skillSet struct {
	skills      []skill
	diagnostics []diagnostic
}

// loadSkills enumerates skills as the reference's loader does, within what
// the snapshot holds: for every workspace, the roots of
// openclaw.SkillLoaderRoots, later roots overriding earlier ones by skill
// name; then (profile 2026.9) each agent's
// workshop root. Skills inside <stateDir>/extensions and repeats of one
// directory are left out.
func loadSkills(p *check.Pass) skillSet {
	var set skillSet
	if p.State == nil || p.Config == nil {
		return set
	}
	cfg := p.Config
	stateDir := cfg.Paths.StateDir
	var all []skill
	for _, ws := range openclaw.SkillWorkspaceDirs(p.Compat, cfg, p.Env) {
		var order []string
		byName := map[string]skill{}
		for _, root := range openclaw.SkillLoaderRoots(cfg, ws) {
			for _, s := range rootSkills(p.State, root, defaultMaxSkillFileBytes, nil) {
				_, dup := byName[s.name]
				switch {
				case !dup:
					order = append(order, s.name)
				case p.Compat.Is96():
					// 2026.9.6 lists an overriding skill where it was
					// found; 2026.4.14 keeps the place of the first.
					order = slices.DeleteFunc(order, func(n string) bool { return n == s.name })
					order = append(order, s.name)
				}
				byName[s.name] = s
			}
		}
		for _, n := range order {
			all = append(all, byName[n])
		}
	}
	if p.Compat.Is96() {
		for _, id := range workshopAgents(p) {
			root := filepath.Join(stateDir, "agents", id, "agent", "workshop-skills")
			all = append(all, rootSkills(p.State, root, defaultMaxSkillFileBytes, &set.diagnostics)...)
		}
	}
	ext := filepath.Join(stateDir, "extensions")
	seen := map[string]bool{}
	for _, s := range all {
		if insideDir(ext, s.dir) || seen[s.dir] {
			continue
		}
		seen[s.dir] = true
		set.skills = append(set.skills, s)
	}
	return set
}

// workshopAgents are the agent ids whose workshop roots 2026.9.6 loads:
// the roster's ids, or "main" without a roster.
func workshopAgents(p *check.Pass) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range openclaw.FSRoster(p.Compat, p.Root()) {
		id := openclaw.NormalizeAgentID(a.ID)
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		out = []string{"main"}
	}
	return out
}

// rootSkills lists the skills directly below root: folders (not hidden,
// not node_modules) holding a SKILL.md whose front matter has a name and
// a description. When diags is set (a workshop root, loaded in audit mode),
// every rejected SKILL.md is recorded there, hard links are rejected, and
// so is a SKILL.md symlink that leaves the root.
func rootSkills(snap *state.Snapshot, root string, maxBytes int64, diags *[]diagnostic) []skill {
	e, ok := snap.Lstat(root)
	if !ok || e.Kind != state.Dir {
		return nil
	}
	var out []skill
	reject := func(file, reason string) {
		if diags != nil {
			*diags = append(*diags, diagnostic{file: file, reason: reason})
		}
	}
	for _, c := range snap.Children(root) {
		name := filepath.Base(c.Path)
		if c.Kind != state.Dir || strings.HasPrefix(name, ".") || name == "node_modules" {
			continue
		}
		file := filepath.Join(c.Path, "SKILL.md")
		fe, ok := snap.Lstat(file)
		if !ok {
			continue
		}
		info, _ := snap.Stat(file)
		switch {
		case fe.Kind == state.Symlink && (!fe.Link.TargetExists || !fe.Link.InsideRoot || !insideDir(rootReal(snap, c.Path), fe.Link.RealPath)):
			// The loader confines SKILL.md to the skill's own folder.
			reject(file, "SKILL.md is a symlink that leaves the skill folder")
			continue
		case info.Kind != state.File:
			continue
		case diags != nil && info.Nlink > 1:
			reject(file, "SKILL.md is a hard link")
			continue
		case info.Size > maxBytes:
			reject(file, fmt.Sprintf("SKILL.md is %d bytes, over the %d-byte limit", info.Size, maxBytes))
			continue
		}
		data, err := snap.ReadFile(file)
		if err != nil {
			reject(file, "SKILL.md could not be read")
			continue
		}
		fm := frontMatter(string(data))
		switch {
		case fm["name"] == "":
			reject(file, "front matter has no name")
			continue
		case fm["description"] == "":
			reject(file, "front matter has no description")
			continue
		}
		out = append(out, skill{name: fm["name"], dir: c.Path, file: file})
	}
	return out
}

func rootReal(snap *state.Snapshot, root string) string {
	if info, ok := snap.Stat(root); ok && info.RealPath != "" {
		return info.RealPath
	}
	return root
}

// frontMatter reads the top-level "key: value" lines between the leading
// --- fences of a SKILL.md, quotes removed.
func frontMatter(text string) map[string]string {
	out := map[string]string{}
	text = strings.TrimPrefix(text, "\uFEFF")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return out
	}
	for _, line := range lines[1:] {
		if strings.TrimSpace(line) == "---" {
			return out
		}
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	// No closing fence: not front matter.
	return map[string]string{}
}
