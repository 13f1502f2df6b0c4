package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
)

// PasswordPlaceholder: the gateway password is a template leftover.
var PasswordPlaceholder = &check.Check{
	ID:          "gateway.password_placeholder_value",
	Severity:    check.Critical,
	Title:       "Gateway password is a placeholder",
	Remediation: "Choose a long random password and store it in OPENCLAW_GATEWAY_PASSWORD or gateway.auth.password, or switch to token auth.",
	Doc:         "A gateway password that is empty, \"undefined\" or \"null\" is what a template or a script with a missing variable leaves behind. It either disables the secret or is trivially guessable.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run:         func(p *check.Pass) error { return runPlaceholder(p, "password") },
}
