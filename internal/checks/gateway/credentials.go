package gateway

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
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

func runPlaceholder(p *check.Pass, field string) error {
	auth := openclaw.ResolveAuth(p.Compat, p.Config, p.Env)
	if auth.Mode != field {
		return nil
	}
	s, v, ok := credentialInput(p, auth, field)
	if !ok || !placeholderSecret(s) {
		return nil
	}
	// The value itself is never shown: the engine redacts secret values,
	// and a placeholder is one.
	shown := "empty"
	if strings.TrimSpace(s) != "" {
		shown = "a template leftover, not a secret"
	}
	p.Report(check.Finding{
		Detail:   fmt.Sprintf("gateway.auth.mode resolves to %s and the gateway %s is %s.", field, field, shown),
		Location: check.At(v, "gateway.auth."+field),
	})
	return nil
}

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

func reportShort(p *check.Pass, field, secret string) error {
	n := jsLength(secret)
	if secret == "" || n >= minSecretLength {
		return nil
	}
	source := "gateway.auth." + field
	override := p.Options.Token
	if field == "password" {
		override = p.Options.Password
	}
	switch {
	case p.Options.AuthMode != "" && override != "":
		source = "--" + field
	case !p.Root().Get("gateway", "auth").Has(field):
		source = "OPENCLAW_GATEWAY_" + strings.ToUpper(field)
	}
	p.Report(check.Finding{
		Detail:   fmt.Sprintf("The gateway %s (from %s) is %d characters long; at least %d are expected.", field, source, n, minSecretLength),
		Location: credentialLocation(p.Root(), field),
	})
	return nil
}
