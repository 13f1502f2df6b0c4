package codesafety

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
)

// SkillScanFailed: a skill whose files could not be inspected is
// unreviewed instructions and code.
var SkillScanFailed = &check.Check{
	ID:          "skills.code_safety.scan_failed",
	Severity:    check.Warn,
	Title:       "Skill could not be scanned",
	Remediation: "Fix the skill named in the detail (a regular SKILL.md under the size limit with a name and a description, no symlinks or hard links, readable files), then run the audit with --deep again.",
	Doc:         "With --deep, every workspace and managed skill and (profile 2026.9) every agent's workshop skill is scanned. Under profile 2026.9 the SKILL.md itself must be a regular file of at most 256,000 bytes (a symlinked SKILL.md is refused), and a workshop skill the loader rejects (no name or description, a hard link, a symlink out of its root, too large) is reported rather than silently dropped. A scan that cannot read a file is reported under both profiles.",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		set := loadSkills(p)
		for _, d := range set.diagnostics {
			p.Report(check.Finding{
				Detail: fmt.Sprintf("Workshop skill %s was not loaded: %s.", d.file, d.reason),
				Group:  groupSkills,
			})
		}
		sc := codesafety.New(p.State, p.Compat)
		for j, s := range set.skills {
			if _, err := scanSkill(p, sc, s); err != nil {
				p.Report(check.Finding{
					Detail: fmt.Sprintf("Skill %s (%s): the scan stopped at %s.", quote(s.name), s.dir, scanReason(err)),
					Group:  skillGroup(j),
				})
			}
		}
		return nil
	},
}
