package gateway

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// PasswordTooShort: a short gateway password can be brute-forced.
var PasswordTooShort = &check.Check{
	ID:          "gateway.password_too_short",
	Severity:    check.Warn,
	Title:       "Gateway password is short",
	Remediation: "Use a random password of at least 24 characters, or switch to token auth with a generated token.",
	Doc:         "The gateway password is the only thing between a client and full control of the agent. Passwords shorter than 24 characters are within reach of online guessing, especially without a rate limit, and are often human-chosen.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		auth := openclaw.ResolveAuth(p.Compat, p.Config, p.Env)
		if auth.Mode != "password" {
			return nil
		}
		in, _, ok := credentialInput(p, auth, "password")
		if !ok || placeholderSecret(in) {
			return nil
		}
		return reportShort(p, "password", strings.TrimSpace(in))
	},
}
