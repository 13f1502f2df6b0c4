package skills

import (
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/state"
)

// The workspace scan walks <workspace>/skills breadth first, as upstream
// does, collecting every SKILL.md (a file, or a symlink to one). Names
// starting with "." and node_modules are skipped; symlinked directories are
// followed and every directory is visited once per real path. Upstream stops
// at 2000 SKILL.md files per workspace; 2026.9.6 also stops after 40000
// directory visits and reports the scan as truncated.
const (
	maxSkillFiles = 2000
	maxDirVisits  = maxSkillFiles * 20
	maxListed     = 12 // escapes named in one finding
)

// skillFile is one SKILL.md the scan found.
type skillFile struct {
	path string // lexical: the workspace path joined with the names walked
	real string // every symlink resolved; "" when unknown
}

// unlistedDir is a symlinked directory whose target lies outside the
// snapshot, so its contents could not be listed.
type unlistedDir struct {
	path string
	real string
}

// workspaceScan is the result of scanning one workspace.
type workspaceScan struct {
	workspace string
	real      string // the workspace's real path, or the workspace itself
	files     []skillFile
	unlisted  []unlistedDir
	truncated bool
}

type queued struct {
	path string // lexical path, used for names
	list string // snapshot key whose children to list; "" when unknown
	real string
}

// scanWorkspaces scans every workspace of the profile in upstream's order.
func scanWorkspaces(p *check.Pass) []workspaceScan {
	if p.State == nil {
		return nil
	}
	roots := p.State.Roots()
	var out []workspaceScan
	for _, ws := range openclaw.SkillWorkspaceDirs(p.Compat, p.Config, p.Env) {
		if s, ok := scanWorkspace(p.State, roots, p.Compat, ws); ok {
			out = append(out, s)
		}
	}
	return out
}

func scanWorkspace(snap *state.Snapshot, roots []state.Root, compat check.Compat, ws string) (workspaceScan, bool) {
	root := filepath.Join(ws, "skills")
	e, ok := snap.Lstat(root)
	if !ok || e.Kind != state.Dir {
		return workspaceScan{}, false
	}
	scan := workspaceScan{workspace: ws, real: ws}
	if info, ok := snap.Stat(ws); ok && info.RealPath != "" {
		scan.real = info.RealPath
	}
	rootInfo, _ := snap.Stat(root)
	cut := map[string]bool{}
	for _, t := range snap.Truncations() {
		if t.Limit != state.LimitLinks {
			cut[t.Path] = true
		}
	}
	queue := []queued{{path: root, list: root, real: rootInfo.RealPath}}
	visited := map[string]bool{}
	for visits := 0; compat.Is414() || visits < maxDirVisits; visits++ {
		if len(queue) == 0 || len(scan.files) >= maxSkillFiles {
			break
		}
		dir := queue[0]
		queue = queue[1:]
		key := dir.real
		if key == "" {
			key = dir.path
		}
		if visited[key] {
			continue
		}
		visited[key] = true
		if dir.list == "" {
			scan.unlisted = append(scan.unlisted, unlistedDir{path: dir.path, real: dir.real})
			continue
		}
		if cut[dir.list] {
			// The snapshot's own limits cut this directory short.
			scan.truncated = true
		}
		for _, c := range snap.Children(dir.list) {
			name := filepath.Base(c.Path)
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				continue
			}
			full := filepath.Join(dir.path, name)
			switch c.Kind {
			case state.Dir:
				info, _ := snap.Stat(c.Path)
				queue = append(queue, queued{path: full, list: c.Path, real: info.RealPath})
			case state.Symlink:
				if !c.Link.TargetExists {
					continue
				}
				switch {
				case c.Link.TargetKind == state.Dir:
					queue = append(queue, queued{path: full, list: listingFor(snap, roots, c.Link.RealPath), real: c.Link.RealPath})
				case c.Link.TargetKind == state.File && name == "SKILL.md":
					scan.files = append(scan.files, skillFile{path: full, real: c.Link.RealPath})
				}
			case state.File:
				if name == "SKILL.md" {
					info, _ := snap.Stat(c.Path)
					scan.files = append(scan.files, skillFile{path: full, real: info.RealPath})
				}
			}
		}
	}
	if len(queue) > 0 {
		scan.truncated = true
	}
	return scan, true
}

// listingFor finds the snapshot key under which the directory with the
// given real path was listed: the real path as walked below some root, with
// the root's real path swapped for the root's own path. It returns "" when
// no root covers it.
func listingFor(snap *state.Snapshot, roots []state.Root, real string) string {
	if real == "" {
		return ""
	}
	for _, r := range roots {
		if r.RealPath == "" || !inside(r.RealPath, real) {
			continue
		}
		cand := filepath.Join(r.Path, strings.TrimPrefix(real, r.RealPath))
		if info, ok := snap.Stat(cand); ok && info.RealPath == real && snap.Listed(cand) {
			return cand
		}
	}
	return ""
}

// inside reports whether path is dir or lies below it (both clean and
// absolute), as upstream's isPathInside does.
func inside(dir, path string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
