// Package openclaw holds what OpenClaw itself derives from a configuration:
// how the gateway resolves its auth, which binds are exposed, which defaults
// each release's loader fills in. Checks of several families share these
// rules, so they live here once, each with the release differences spelled out.
//
// Everything here is a pure function of the loaded config and environment.
package openclaw

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// Bind returns gateway.bind, "loopback" when unset or not a string.
func Bind(root *config.Value) string {
	if s, ok := root.Get("gateway", "bind").String(); ok {
		return s
	}
	return "loopback"
}

// BindExposed: gateway.bind is anything but the exact string "loopback".
func BindExposed(root *config.Value) bool { return Bind(root) != "loopback" }

// TailscaleMode returns gateway.tailscale.mode, "" when unset.
func TailscaleMode(root *config.Value) string {
	return root.Get("gateway", "tailscale", "mode").StringOr("")
}

// RemotelyExposed: bind-exposed, or Tailscale serve or funnel.
func RemotelyExposed(root *config.Value) bool {
	m := TailscaleMode(root)
	return BindExposed(root) || m == "serve" || m == "funnel"
}

// ToolsInvokeExposed: bind-exposed or Tailscale funnel (serve stays on the tailnet).
func ToolsInvokeExposed(root *config.Value) bool {
	return BindExposed(root) || TailscaleMode(root) == "funnel"
}

// Auth is the gateway's resolved authentication, as the audit of one
// release sees it.
type Auth struct {
	ExplicitMode       string // gateway.auth.mode as written ("" when unset)
	Mode               string // resolved: explicit, else password when a password resolved, else token
	Token              string // resolved token value, trimmed ("" when none)
	Password           string // resolved password value, trimmed
	TokenConfigured    bool   // any token source is set, even an unresolved reference
	PasswordConfigured bool
	// HasAuth is upstream's "the gateway has a shared secret or an identity
	// mode": hasGatewayAuth in 2026.9.6, hasSharedSecret in 2026.4.14.
	HasAuth bool
}

// ResolveAuth computes the gateway auth as the given profile's audit does.
func ResolveAuth(compat check.Compat, cfg *config.Config, env config.Env) Auth {
	root := cfg.Root
	var a Auth
	a.ExplicitMode = strings.TrimSpace(root.Get("gateway", "auth", "mode").StringOr(""))

	authToken := cfg.Secret("gateway.auth.token")
	authPassword := cfg.Secret("gateway.auth.password")
	remoteToken := cfg.Secret("gateway.remote.token")
	remotePassword := cfg.Secret("gateway.remote.password")
	envToken := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_TOKEN"))
	envPassword := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_PASSWORD"))

	a.Token = firstTrimmed(resolvedValue(authToken), envToken)
	a.Password = firstTrimmed(resolvedValue(authPassword), envPassword)
	if compat.Is96() {
		// 2026.9.6 falls back to the remote credentials; the remote password
		// is ignored in trusted-proxy mode.
		a.Token = firstTrimmed(a.Token, resolvedValue(remoteToken))
		if a.ExplicitMode != "trusted-proxy" {
			a.Password = firstTrimmed(a.Password, resolvedValue(remotePassword))
		}
	}

	switch {
	case a.ExplicitMode != "":
		a.Mode = a.ExplicitMode
	case a.Password != "":
		a.Mode = "password"
	default:
		a.Mode = "token"
	}

	a.TokenConfigured = a.Token != "" || envToken != "" || secretConfigured(compat, authToken) || secretConfigured(compat, remoteToken)
	passwordSourcePresent := envPassword != "" || secretConfigured(compat, authPassword)
	modeAllowsPassword := a.ExplicitMode == "password" ||
		(a.ExplicitMode != "token" && a.ExplicitMode != "none" && a.ExplicitMode != "trusted-proxy" && !a.TokenConfigured)
	a.PasswordConfigured = a.Password != "" || (modeAllowsPassword && passwordSourcePresent)

	switch a.ExplicitMode {
	case "token":
		a.HasAuth = a.TokenConfigured
	case "password":
		a.HasAuth = a.PasswordConfigured
	case "none", "trusted-proxy":
		a.HasAuth = false
	default:
		a.HasAuth = a.TokenConfigured || a.PasswordConfigured
	}
	if compat.Is96() && a.Mode == "trusted-proxy" {
		a.HasAuth = true
	}
	return a
}

func resolvedValue(s *config.SecretInput) string {
	if s == nil || !s.Resolved {
		return ""
	}
	return strings.TrimSpace(s.Secret)
}

func firstTrimmed(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
