package skills

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// WorkspaceSymlinkEscape: a workspace SKILL.md resolves outside its workspace.
var WorkspaceSymlinkEscape = &check.Check{
	ID:          "skills.workspace.symlink_escape",
	Severity:    check.Warn,
	Title:       "Workspace skill resolves outside its workspace",
	Remediation: "Replace the symlinked SKILL.md files (or skill folders) with real copies inside the workspace, or install shared skills in the managed skills folder (<stateDir>/skills) instead of linking them in.",
	Doc:         "Skills in <workspace>/skills are loaded into the agent's prompt and may carry scripts. A SKILL.md that is a symlink to, or sits in a symlinked folder pointing at, a place outside the workspace lets whoever controls that place change what the agent is told to do, and sandbox or workspace-only rules that trust the workspace do not cover it. A symlinked skill folder whose target lies outside everything the audit snapshots is reported as a whole, since its files cannot be listed.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSSkills,
	Run: func(p *check.Pass) error {
		var rows []string
		seen := map[string]bool{}
		for _, scan := range scanWorkspaces(p) {
			for _, f := range scan.files {
				if seen[f.path] {
					continue
				}
				seen[f.path] = true
				if f.real == "" || inside(scan.real, f.real) {
					continue
				}
				rows = append(rows, fmt.Sprintf("- %s -> %s (workspace %s)", f.path, f.real, scan.workspace))
			}
			for _, d := range scan.unlisted {
				if d.real == "" || inside(scan.real, d.real) || seen[d.path] {
					continue
				}
				seen[d.path] = true
				rows = append(rows, fmt.Sprintf("- %s/ -> %s (workspace %s; folder outside the snapshot, its SKILL.md files were not listed)", d.path, d.real, scan.workspace))
			}
		}
		if len(rows) == 0 {
			return nil
		}
		shown := rows
		if len(shown) > maxListed {
			shown = shown[:maxListed]
		}
		detail := fmt.Sprintf("%d workspace skill path(s) lead outside their workspace through a symlink:\n%s", len(rows), strings.Join(shown, "\n"))
		if n := len(rows) - len(shown); n > 0 {
			detail += fmt.Sprintf("\n- +%d more", n)
		}
		p.Report(check.Finding{Detail: detail})
		return nil
	},
}

// WorkspaceScanTruncated: the skills scan of a workspace hit a limit.
var WorkspaceScanTruncated = &check.Check{
	ID:          "skills.workspace.scan_truncated",
	Severity:    check.Warn,
	Title:       "Workspace skills folder too large to scan completely",
	Remediation: "Keep <workspace>/skills shallow and small (fewer than 2000 skills), and move large skill collections to the managed skills folder.",
	Doc:         "The symlink-escape scan of <workspace>/skills stops after 2000 SKILL.md files (and, under the 2026.9 profile, 40000 directory visits), as the reference does; skills past that point are not checked. 2026.9.6 reports this; 2026.4.14 stops silently, and clawcheck reports it under both profiles (decision D1). clawcheck also reports it when its own snapshot limits (32 levels, 200,000 entries) kept part of the skills folder out of view, rather than calling that part clean.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSSkills,
	Run: func(p *check.Pass) error {
		for _, scan := range scanWorkspaces(p) {
			if scan.truncated {
				p.Report(check.Finding{
					Detail: fmt.Sprintf("the scan of %s/skills stopped at its limit (%d SKILL.md files, %d directory visits, or a snapshot limit) with folders left unscanned; SKILL.md files there were not checked for symlink escapes.", scan.workspace, maxSkillFiles, maxDirVisits),
				})
			}
		}
		return nil
	},
}
