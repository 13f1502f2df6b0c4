package openclaw

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// HooksIngress is the webhook ingress configuration (hooks.*) as both
// releases' audits read it.
type HooksIngress struct {
	Enabled bool // hooks.enabled === true
	// Token, Path and DefaultSessionKey are trimmed; "" when unset or not strings.
	Token, Path, DefaultSessionKey string
	// AgentIDsRestricted: hooks.allowedAgentIds is an array without a "*"
	// entry (an empty array restricts to nothing, which is restrictive).
	AgentIDsRestricted     bool
	AllowRequestSessionKey bool     // hooks.allowRequestSessionKey === true
	SessionKeyPrefixes     []string // the non-blank hooks.allowedSessionKeyPrefixes, trimmed
}

// ReadHooksIngress reads hooks.* from the resolved config.
func ReadHooksIngress(root *config.Value) HooksIngress {
	h := root.Get("hooks")
	in := HooksIngress{
		Enabled:                h.Get("enabled").IsTrue(),
		Token:                  h.Get("token").Trimmed(),
		Path:                   h.Get("path").Trimmed(),
		DefaultSessionKey:      h.Get("defaultSessionKey").Trimmed(),
		AllowRequestSessionKey: h.Get("allowRequestSessionKey").IsTrue(),
	}
	if ids := h.Get("allowedAgentIds"); ids.IsArray() {
		in.AgentIDsRestricted = true
		for _, s := range ids.Strings() {
			if strings.TrimSpace(s) == "*" {
				in.AgentIDsRestricted = false
				break
			}
		}
	}
	for _, s := range h.Get("allowedSessionKeyPrefixes").Strings() {
		if s = strings.TrimSpace(s); s != "" {
			in.SessionKeyPrefixes = append(in.SessionKeyPrefixes, s)
		}
	}
	return in
}

// HooksTokenReuse names the gateway secret that equals the (trimmed) hooks
// token, or returns "".
//
// 2026.4.14 compares with the gateway token only: the resolved token when
// the resolved auth mode is "token", else OPENCLAW_GATEWAY_TOKEN.
// 2026.9.6 compares with the secret the active mode uses (the token in token
// mode, the password in password and trusted-proxy mode, with environment and
// gateway.remote.* fallbacks), then with the --token / --password given to
// the audit.
func HooksTokenReuse(compat check.Compat, cfg *config.Config, env config.Env, hooksToken, overrideToken, overridePassword string) string {
	if hooksToken == "" {
		return ""
	}
	auth := ResolveAuth(compat, cfg, env)
	if compat.Is414() {
		gw := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_TOKEN"))
		if auth.Mode == "token" && auth.Token != "" {
			gw = auth.Token
		}
		if gw != "" && gw == hooksToken {
			return "gateway token"
		}
		return ""
	}
	switch auth.Mode {
	case "token":
		if auth.Token == hooksToken {
			return "gateway token"
		}
		if strings.TrimSpace(overrideToken) == hooksToken {
			return "gateway token given to the audit (--token)"
		}
	case "password", "trusted-proxy":
		if auth.Password == hooksToken {
			return "gateway password"
		}
		if strings.TrimSpace(overridePassword) == hooksToken {
			return "gateway password given to the audit (--password)"
		}
	}
	return ""
}
