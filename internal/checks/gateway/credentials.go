package gateway

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

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
