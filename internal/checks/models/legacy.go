package models

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// Legacy: old model generations follow injected instructions far more
// readily than current ones.
var Legacy = &check.Check{
	ID:          "models.legacy",
	Severity:    check.Warn,
	Title:       "Configured models include legacy generations",
	Remediation: "Replace legacy models in agents.defaults.model, agents.defaults.imageModel and the agents' model settings with a current, instruction-hardened model, at least for agents that can use tools.",
	Doc:         "Model generations such as GPT-3.5, Claude 2 / Claude Instant and the early GPT-4 snapshots (0314, 0613) were trained before current prompt-injection defences and are easier to steer into misusing tools. Every configured primary and fallback counts, image models included.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorModels,
	Run: func(p *check.Pass) error {
		var hits []modelRef
		var lines []string
		for _, r := range collectRefs(p.Compat, p.Root()) {
			if family := legacyFamily(r.ID); family != "" {
				hits = append(hits, r)
				lines = append(lines, fmt.Sprintf("%s: %s is %s", r.Source, r.ID, family))
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "Legacy models configured:\n" + capLines(lines),
			Location: firstLocation(hits),
		})
		return nil
	},
}

// capLines renders at most detailCap lines as a list, then a count of the rest.
func capLines(lines []string) string {
	shown := lines
	if len(shown) > detailCap {
		shown = shown[:detailCap]
	}
	out := "- " + strings.Join(shown, "\n- ")
	if n := len(lines) - len(shown); n > 0 {
		out += fmt.Sprintf("\n(and %d more)", n)
	}
	return out
}
