package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
)

// TokenPlaceholder: the gateway token is a template leftover.
var TokenPlaceholder = &check.Check{
	ID:          "gateway.token_placeholder_value",
	Severity:    check.Critical,
	Title:       "Gateway token is a placeholder",
	Remediation: "Generate a long random token (for example `openssl rand -hex 32`) and store it in gateway.auth.token or OPENCLAW_GATEWAY_TOKEN.",
	Doc:         "A gateway token that is empty, \"undefined\" or \"null\" is what a template or a script with a missing variable leaves behind. It either disables the secret or is trivially guessable.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run:         func(p *check.Pass) error { return runPlaceholder(p, "token") },
}
