package codesafety

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/state"
)

// defaultMaxSkillFileBytes is skills.limits.maxSkillFileBytes's default.
const defaultMaxSkillFileBytes = 256_000

// 2026.9.6 looks for grouped skills (a folder of skill folders) this many
// levels below a root, and only two levels below an extra dir that is not
// itself a skills folder.
const (
	maxGroupDepth      = 6
	maxExtraGroupDepth = 2
)

// groupDepth is how deep the loader looks for skills below root: one level
// under 2026.4.14.
func groupDepth(compat check.Compat, cfg *config.Config, root string) int {
	if compat.Is414() {
		return 1
	}
	if filepath.Base(root) != "skills" && slices.Contains(openclaw.SkillLoaderExtraDirs(cfg), root) {
		return maxExtraGroupDepth
	}
	return maxGroupDepth
}

// collate orders skill names roughly as an English locale compare does:
// case-insensitively first, lower case before upper case on a tie.
func collate(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return -strings.Compare(a, b)
}

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
	maxBytes := int64(defaultMaxSkillFileBytes)
	if n, ok := cfg.Root.Get("skills", "limits", "maxSkillFileBytes").Number(); ok && n >= 1 {
		maxBytes = int64(n)
	}
	var all []skill
	for _, ws := range openclaw.SkillWorkspaceDirs(p.Compat, cfg, p.Env) {
		var order []string
		byName := map[string]skill{}
		for _, root := range openclaw.SkillLoaderRoots(cfg, ws) {
			for _, s := range rootSkills(p.State, root, groupDepth(p.Compat, cfg, root), maxBytes, nil) {
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
		if p.Compat.Is96() {
			// 2026.9.6 lists a workspace's skills by name.
			slices.SortStableFunc(order, collate)
		}
		for _, n := range order {
			all = append(all, byName[n])
		}
	}
	if p.Compat.Is96() {
		for _, id := range workshopAgents(p) {
			root := filepath.Join(stateDir, "agents", id, "agent", "workshop-skills")
			// Audit mode loads workshop skills with the default limits.
			all = append(all, rootSkills(p.State, root, maxGroupDepth, defaultMaxSkillFileBytes, &set.diagnostics)...)
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

// rootSkills lists the skills of one root: the root itself when it holds
// a SKILL.md (never for a workshop root, which only contains skills), else
// its sub-folders (not hidden, not node_modules) in name order that hold a
// SKILL.md whose front matter has a name and a description. Under profile
// 2026.9 a folder without SKILL.md is searched below, breadth first, down
// to maxDepth levels, as 2026.9.6 groups skills. When diags is set (a
// workshop root, loaded in audit mode) every rejected SKILL.md is recorded,
// and hard links are rejected.
func rootSkills(snap *state.Snapshot, root string, maxDepth int, maxBytes int64, diags *[]diagnostic) []skill {
	e, ok := snap.Lstat(root)
	if !ok || e.Kind != state.Dir {
		return nil
	}
	if diags == nil && hasSkillFile(snap, root) {
		if s, ok := loadSkill(snap, root, maxBytes, diags); ok {
			return []skill{s}
		}
		return nil
	}
	type queued struct {
		dir   string
		depth int
	}
	var queue []queued
	for _, c := range childDirs(snap, root) {
		queue = append(queue, queued{c, 1})
	}
	var out []skill
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		if hasSkillFile(snap, q.dir) {
			if s, ok := loadSkill(snap, q.dir, maxBytes, diags); ok {
				out = append(out, s)
			}
			continue
		}
		if q.depth >= maxDepth {
			continue
		}
		for _, c := range childDirs(snap, q.dir) {
			queue = append(queue, queued{c, q.depth + 1})
		}
	}
	return out
}

// childDirs are a folder's sub-folders the skill loader looks at, in name
// order: plain folders, not hidden, not node_modules.
func childDirs(snap *state.Snapshot, dir string) []string {
	var out []string
	for _, c := range snap.Children(dir) {
		name := filepath.Base(c.Path)
		if c.Kind == state.Dir && !strings.HasPrefix(name, ".") && name != "node_modules" {
			out = append(out, c.Path)
		}
	}
	return out
}

func hasSkillFile(snap *state.Snapshot, dir string) bool {
	_, ok := snap.Lstat(filepath.Join(dir, "SKILL.md"))
	return ok
}

// loadSkill loads dir/SKILL.md as the loader does: a symlinked SKILL.md must
// resolve inside the skill's own folder; the file must be regular, at most
// maxBytes, not a hard link in a workshop root, and its
// front matter must name the skill and describe it.
func loadSkill(snap *state.Snapshot, dir string, maxBytes int64, diags *[]diagnostic) (skill, bool) {
	file := filepath.Join(dir, "SKILL.md")
	reject := func(reason string) (skill, bool) {
		if diags != nil {
			*diags = append(*diags, diagnostic{file: file, reason: reason})
		}
		return skill{}, false
	}
	fe, _ := snap.Lstat(file)
	info, _ := snap.Stat(file)
	switch {
	case fe.Kind == state.Symlink && (!fe.Link.TargetExists || !fe.Link.InsideRoot || !insideDir(rootReal(snap, dir), fe.Link.RealPath)):
		// The loader confines SKILL.md to the skill's own folder.
		return reject("SKILL.md is a symlink that leaves the skill folder")
	case info.Kind != state.File:
		return skill{}, false
	case diags != nil && info.Nlink > 1:
		return reject("SKILL.md is a hard link")
	case info.Size > maxBytes:
		return reject(fmt.Sprintf("SKILL.md is %d bytes, over the %d-byte limit", info.Size, maxBytes))
	}
	data, err := snap.ReadFile(file)
	if err != nil {
		return reject("SKILL.md could not be read")
	}
	fm := frontMatter(string(data))
	switch {
	case fm["name"] == "":
		return reject("front matter has no name")
	case fm["description"] == "":
		return reject("front matter has no description")
	}
	return skill{name: fm["name"], dir: dir, file: file}, true
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
