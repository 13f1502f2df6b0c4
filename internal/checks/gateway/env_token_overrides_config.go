package gateway

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// EnvTokenOverridesConfig: OPENCLAW_GATEWAY_TOKEN and gateway.auth.token
// disagree, so which secret a client or service uses depends on how it was
// started.
var EnvTokenOverridesConfig = &check.Check{
	ID:          "gateway.env_token_overrides_config",
	Severity:    check.Warn,
	Title:       "OPENCLAW_GATEWAY_TOKEN disagrees with gateway.auth.token",
	Remediation: "Keep one source for the gateway token: unset OPENCLAW_GATEWAY_TOKEN (shell profile, .env files, service environment), or make gateway.auth.token the reference \"${OPENCLAW_GATEWAY_TOKEN}\".",
	Doc:         "When OPENCLAW_GATEWAY_TOKEN is set and gateway.auth.token names a different value or another secret source, local clients and the managed service follow the config while explicit environment-based targets still present the environment token. A forgotten, stale token in the environment then keeps authenticating where nobody expects it.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		envToken := strings.TrimSpace(p.Env.Get("OPENCLAW_GATEWAY_TOKEN"))
		if envToken == "" || strings.TrimSpace(p.Env.Get("OPENCLAW_SERVICE_KIND")) == "gateway" {
			return nil
		}
		if root.Get("gateway", "mode").StringOr("") == "remote" {
			return nil
		}
		switch root.Get("gateway", "auth", "mode").StringOr("") {
		case "password", "none", "trusted-proxy":
			return nil
		}
		in := p.Config.Secret("gateway.auth.token")
		if in == nil {
			return nil
		}
		tokenV := root.Get("gateway", "auth", "token")
		var detail string
		switch {
		case in.Ref != nil && in.Ref.Source == "env" && in.Ref.ID == "OPENCLAW_GATEWAY_TOKEN":
			return nil
		case in.Ref != nil:
			detail = "OPENCLAW_GATEWAY_TOKEN is set while gateway.auth.token reads the token from " + in.Ref.Source + " secret " + in.Ref.ID + "."
		default:
			literal, _ := in.Literal()
			literal = strings.TrimSpace(literal)
			if literal == "" || literal == envToken {
				return nil
			}
			detail = "OPENCLAW_GATEWAY_TOKEN is set to a different value than the token written in gateway.auth.token."
		}
		p.Report(check.Finding{Detail: detail, Location: check.At(tokenV, "gateway.auth.token")})
		return nil
	},
}
