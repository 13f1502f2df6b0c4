package gateway

import (
	"strings"
	"unicode/utf16"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// minSecretLength is the shortest gateway token or password upstream accepts
// without a warning.
const minSecretLength = 24

// controlUIEnabled: the Control UI is on unless gateway.controlUi.enabled is false.
func controlUIEnabled(root *config.Value) bool {
	return !root.Get("gateway", "controlUi", "enabled").IsFalse()
}

// allowedOrigins returns the trimmed, non-blank string entries of
// gateway.controlUi.allowedOrigins.
func allowedOrigins(root *config.Value) []string {
	var out []string
	for _, s := range root.Get("gateway", "controlUi", "allowedOrigins").Strings() {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// trustedProxies returns gateway.trustedProxies when it is an array.
func trustedProxies(root *config.Value) []*config.Value {
	return root.Get("gateway", "trustedProxies").Items()
}

// strictLoopbackProxy reports whether a trustedProxies entry names only the
// local host: 127.0.0.1, ::1, 127.0.0.1/32 or ::1/128. A wider range such as
// 127.0.0.0/8 does not count.
func strictLoopbackProxy(v *config.Value) bool {
	s, ok := v.String()
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "127.0.0.1", "::1", "127.0.0.1/32", "::1/128":
		return true
	}
	return false
}

// allowTailscale is gateway.auth.allowTailscale when it is a boolean, else
// true exactly when Tailscale Serve fronts the gateway and the resolved mode
// is neither password nor trusted-proxy.
func allowTailscale(root *config.Value, auth openclaw.Auth) bool {
	if v := root.Get("gateway", "auth", "allowTailscale"); v != nil && v.Kind == config.Bool {
		return v.Bool
	}
	return openclaw.TailscaleMode(root) == "serve" && auth.Mode != "password" && auth.Mode != "trusted-proxy"
}

// jsLength counts UTF-16 code units, as JavaScript's String.length does.
func jsLength(s string) int { return len(utf16.Encode([]rune(s))) }

// placeholderSecret reports whether a trimmed secret is one of the values a
// template leaves behind: empty, "undefined" or "null".
func placeholderSecret(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "undefined", "null":
		return true
	}
	return false
}

// credentialInput returns the token or password the audit judges for
// length and placeholders: the resolved value when there is one, else the
// string written in gateway.auth.<field>. A SecretRef object, or a reference
// that did not resolve, gives nothing: its value is not the config's to judge.
func credentialInput(p *check.Pass, auth openclaw.Auth, field string) (string, *config.Value, bool) {
	path := "gateway.auth." + field
	in := p.Config.Secret(path)
	written := p.Root().Get("gateway", "auth", field)
	if in != nil && (written.IsObject() || (in.Ref != nil && !in.Resolved)) {
		return "", written, false
	}
	resolved := auth.Token
	if field == "password" {
		resolved = auth.Password
	}
	if resolved != "" {
		return resolved, written, true
	}
	if s, ok := written.String(); ok {
		return s, written, true
	}
	return "", written, false
}

// credentialLocation points at gateway.auth.<field> when it is written, else
// at gateway.auth.mode.
func credentialLocation(root *config.Value, field string) *check.Location {
	if v := root.Get("gateway", "auth", field); v != nil {
		return check.At(v, "gateway.auth."+field)
	}
	return check.At(root.Get("gateway", "auth", "mode"), "gateway.auth.mode")
}
