package schemacheck

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// UnknownKey: a key neither release accepts is usually a typo, and a typo
// in a security setting silently leaves the default in force.
var UnknownKey = &check.Check{
	ID:          "config.unknown_key",
	Severity:    check.Warn,
	Title:       "Config key not accepted by any OpenClaw release",
	Remediation: "Correct the key's spelling (the detail names the nearest valid key when there is one) or remove it; OpenClaw refuses to start with a key its schema does not know.",
	Doc: "OpenClaw validates its config strictly: a key that neither 2026.4.14 nor 2026.9.6 accepts makes the gateway refuse the whole file. " +
		"When the key is a misspelt security setting (for example a token or an allowlist under a slightly wrong name), fixing the config by deleting the unknown key " +
		"leaves the intended protection unset. clawcheck audits such a config anyway, treating the key as absent, and names each one with its file position and the closest key the schema allows at that place.",
	Needs:     check.NeedsConfig,
	Collector: check.CollectorConfigHygiene,
	Run: func(p *check.Pass) error {
		if p.Schema == nil {
			return nil
		}
		for i := range p.Schema.UnknownToBoth {
			c := &p.Schema.UnknownToBoth[i]
			is := c.Issue()
			path := is.KeyPath()
			detail := fmt.Sprintf("%s%s is not a key either release accepts.", path, where(is.Origin))
			if s := suggestion(c); s != "" {
				detail += fmt.Sprintf(" Nearest valid key: %s.", config.JoinPath(parentPath(path, is.Key), s))
			}
			p.Report(check.Finding{Detail: check.InlineText(detail), Location: locate(is.Origin, path)})
		}
		return nil
	},
}
