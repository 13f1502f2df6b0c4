package models

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// WeakTier: small tiers and older generations resist prompt injection
// worse than the current top tier.
var WeakTier = &check.Check{
	ID:          "models.weak_tier",
	Severity:    check.Warn,
	Title:       "Configured models are below the recommended tier",
	Remediation: "For agents with tools or untrusted inboxes, configure a current top-tier model (GPT-5 or later, Claude 4.5 or later) and avoid Haiku-class models.",
	Doc:         "Smaller tiers (Haiku) and generations older than GPT-5 or Claude 4.5 are more easily talked into following instructions hidden in web pages, messages or files, which matters as soon as the agent can run tools. Every configured primary and fallback counts, image models included. clawcheck reads the version numbers: it flags claude-3-5-sonnet and claude-3-7-sonnet, which both releases pass, and does not flag gpt-5o, gpt-6-* or gpt-oss-*, which both releases flag (known upstream bugs).",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorModels,
	Run: func(p *check.Pass) error {
		var hits []modelRef
		var lines []string
		seen := map[string]bool{}
		for _, r := range collectRefs(p.Compat, p.Root()) {
			reasons := weakReasons(r.ID)
			key := r.ID + "\x00" + r.Source
			if len(reasons) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			hits = append(hits, r)
			lines = append(lines, fmt.Sprintf("%s: %s (%s)", r.Source, r.ID, strings.Join(reasons, "; ")))
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "Models below the recommended tier:\n" + capLines(lines),
			Location: firstLocation(hits),
		})
		return nil
	},
}
