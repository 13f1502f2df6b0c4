package schemacheck

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// InvalidValue: a value of the wrong type or out of range is refused by
// OpenClaw and, in clawcheck's audit, read as absent, so the setting the
// author meant is not in force.
var InvalidValue = &check.Check{
	ID:          "config.invalid_value",
	Severity:    check.Warn,
	Title:       "Config value rejected by the schema",
	Remediation: "Give the setting a value of the expected type and range, as the detail describes, or remove it to use the default.",
	Doc: "Every release that knows the key rejects this value: the wrong type, a string outside the accepted choices, a number out of bounds, or an object missing a required member. " +
		"OpenClaw refuses to start with it. clawcheck keeps auditing: a value that cannot be used is treated as absent (so the default applies, which may be less safe than what was intended), " +
		"and every rejected value is reported with its path, what the schema expects and its file position. The value itself is never printed, since it may be a secret.",
	Needs:     check.NeedsConfig,
	Collector: check.CollectorConfigHygiene,
	Run: func(p *check.Pass) error {
		if p.Schema == nil {
			return nil
		}
		for i := range p.Schema.Invalid {
			is := p.Schema.Invalid[i].Issue()
			path := is.KeyPath()
			effect := "audited as absent"
			if !is.BadValue() {
				effect = "the rest of the value is still audited"
			}
			p.Report(check.Finding{
				Detail:   check.InlineText(fmt.Sprintf("%s%s: %s; %s.", path, where(is.Origin), is.Message, effect)),
				Location: locate(is.Origin, path),
			})
		}
		return nil
	},
}
