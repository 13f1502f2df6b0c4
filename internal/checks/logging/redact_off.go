package logging

import "github.com/clawcheck/clawcheck/internal/check"

// RedactOff: log redaction is switched off, so secrets and tool output land
// in the logs verbatim.
var RedactOff = &check.Check{
	ID:          "logging.redact_off",
	Severity:    check.Warn,
	Title:       "Log redaction is switched off",
	Remediation: "Set logging.redactSensitive to \"tools\" (the default) or remove the key.",
	Doc:         "With logging.redactSensitive \"off\" (a 2026.4-era key) the gateway writes tool arguments and results unredacted, so API keys, tokens and personal data that pass through tools end up in log files and console output that are often kept long and shared widely.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorLogging,
	Run: func(p *check.Pass) error {
		v := p.Root().Get("logging", "redactSensitive")
		if v.StringOr("") != "off" {
			return nil
		}
		p.Report(check.Finding{Detail: "logging.redactSensitive is \"off\".", Location: check.At(v, "logging.redactSensitive")})
		return nil
	},
}
