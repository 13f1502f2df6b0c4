package codesafety

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
)

// SkillCodeSafety: skills are instructions and helper code the agent follows
// and runs; dangerous patterns there reach the agent's tools.
var SkillCodeSafety = &check.Check{
	ID:          "skills.code_safety",
	Severity:    check.Critical,
	Title:       "Skill matches dangerous patterns",
	Remediation: "Read the flagged lines. Remove or rewrite the skill if you do not trust it; never keep credentials or pipe-to-shell installers in skill text.",
	Doc:         "With --deep, clawcheck scans each skill folder's JavaScript and TypeScript files with the same rules as plugins. Under profile 2026.9 it also reads SKILL.md itself: literal credentials, curl/wget piped into a shell and environment values sent to the network are critical, broad rm -rf and chmod 777 are warnings, and the code rules apply to the text too (so prose mentioning eval( counts). Profile 2026.4 scans only the code files, as 2026.4.14 does. The finding is critical when any critical rule matched and lists only the hits of its severity.",
	Needs:       check.NeedsState | check.NeedsDeep,
	Collector:   check.CollectorCodeSafety,
	Run: func(p *check.Pass) error {
		sc := codesafety.New(p.State, p.Compat)
		for j, s := range loadSkills(p).skills {
			sum, err := scanSkill(p, sc, s)
			if err != nil {
				continue // skills.code_safety.scan_failed reports it
			}
			reportHits(p, "Skill", s.name, s.dir, sum, skillGroup(j))
		}
		return nil
	},
}
