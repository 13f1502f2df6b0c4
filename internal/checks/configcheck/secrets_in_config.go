package configcheck

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// storedSecret reports whether a config string holds a secret written into
// the config, as upstream judges it: a non-blank string that does not still
// look like an unexpanded ${VAR} reference. Both releases look at the value
// after ${VAR} substitution, so a set variable counts as stored.
func storedSecret(v *config.Value) bool {
	s, ok := v.String()
	if !ok {
		return false
	}
	s = strings.TrimSpace(s)
	return s != "" && !(strings.HasPrefix(s, "${") && strings.HasSuffix(s, "}"))
}

// GatewayPasswordInConfig: the gateway password sits in the config file.
var GatewayPasswordInConfig = &check.Check{
	ID:          "config.secrets.gateway_password_in_config",
	Severity:    check.Warn,
	Title:       "Gateway password is written in the config",
	Remediation: "Move the password to OPENCLAW_GATEWAY_PASSWORD or a SecretRef (for example { source: \"env\", provider: \"default\", id: \"OPENCLAW_GATEWAY_PASSWORD\" }) and delete gateway.auth.password from the file.",
	Doc:         "A password stored in openclaw.json travels with every backup, sync, screenshot and support bundle of the config, and anyone who can read the file can operate the gateway. Secrets belong in the environment or a secret provider, referenced from the config.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorConfigSecrets,
	Run: func(p *check.Pass) error {
		v := p.Root().Get("gateway", "auth", "password")
		if !storedSecret(v) {
			return nil
		}
		// 2026.9.6 skips a $NAME shorthand reference it could not resolve.
		if in := p.Config.Secret("gateway.auth.password"); p.Compat.Is96() && in != nil && in.Ref != nil && !in.Resolved {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "gateway.auth.password holds a plaintext password in the config.",
			Location: check.At(v, "gateway.auth.password"),
		})
		return nil
	},
}

// HooksTokenInConfig: the webhook token sits in the config file.
var HooksTokenInConfig = &check.Check{
	ID:          "config.secrets.hooks_token_in_config",
	Severity:    check.Info,
	Title:       "Webhook token is written in the config",
	Remediation: "Keep the config file private (mode 600) and treat hooks.token like an API key: rotate it if the file was ever shared.",
	Doc:         "hooks.token authenticates incoming webhooks and must be a plain string in the config (upstream accepts no SecretRef there). Whoever can read openclaw.json can post webhooks that start agent runs, so the file's permissions and copies matter.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorConfigSecrets,
	Run: func(p *check.Pass) error {
		hooks := p.Root().Get("hooks")
		v := hooks.Get("token")
		if !hooks.Get("enabled").IsTrue() || !storedSecret(v) {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "hooks.enabled is true and hooks.token holds the webhook token in the config.",
			Location: check.At(v, "hooks.token"),
		})
		return nil
	},
}
