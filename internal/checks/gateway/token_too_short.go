package gateway

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// TokenTooShort: a short gateway token can be brute-forced.
var TokenTooShort = &check.Check{
	ID:          "gateway.token_too_short",
	Severity:    check.Warn,
	Title:       "Gateway token is short",
	Remediation: "Use a random token of at least 24 characters (for example `openssl rand -hex 32`).",
	Doc:         "The gateway token is the only thing between a client and full control of the agent. Tokens shorter than 24 characters are within reach of online guessing, especially without a rate limit, and are often human-chosen.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		auth := openclaw.ResolveAuth(p.Compat, p.Config, p.Env)
		if auth.Mode != "token" {
			return nil
		}
		var s string
		if p.Compat.Is414() {
			// 2026.4.14 judges the resolved token: the config value, else the environment.
			s = auth.Token
		} else {
			in, _, ok := credentialInput(p, auth, "token")
			if !ok || placeholderSecret(in) {
				return nil
			}
			s = strings.TrimSpace(in)
		}
		return reportShort(p, "token", s)
	},
}
