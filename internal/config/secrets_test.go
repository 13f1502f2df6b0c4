package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSecretRefs(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json": `{
  secrets: { providers: {
    vault: { source: "file", path: "~/secrets.json" },
    single: { source: "file", path: "~/single.txt", mode: "singleValue" },
    loose: { source: "file", path: "~/loose.txt", mode: "singleValue" },
    runner: { source: "exec", command: "/usr/bin/false" },
    picky: { source: "env", allowlist: ["OTHER"] },
  } },
  gateway: {
    auth: { token: { source: "env", provider: "default", id: "GW_TOKEN" }, password: "$GW_PASSWORD" },
    remote: { token: { source: "file", provider: "vault", id: "/gateway/remote" }, password: { source: "exec", provider: "runner", id: "gw/pw" } },
  },
  channels: {
    telegram: { botToken: "${TG_TOKEN}", webhookSecret: "${TG_HOOK}", accounts: { ops: { botToken: { source: "file", provider: "single", id: "value" } } } },
    slack: { signingSecret: "${SLACK_SIGN}", botToken: { source: "env", provider: "picky", id: "SLACK_BOT" }, appToken: { source: "file", provider: "loose", id: "value" } },
    discord: { token: { source: "store", provider: "default", id: "DISCORD" } },
    mattermost: { botToken: { source: "exec", provider: "runner", id: "mm/pw" } },
    zalo: { webhookUrl: "https://example.test/hook", webhookSecret: "${ZALO_HOOK}" },
    nostr: { privateKey: { source: "env", provider: "default", id: "NOSTR_KEY" } },
  },
}`,
		"secrets.json": `{"gateway":{"remote":"remote-secret-from-file"}}`,
		"single.txt":   "ops-bot-token-value\n",
		"loose.txt":    "world-readable",
	})
	must(t, os.Chmod(filepath.Join(dir, "loose.txt"), 0o644))
	cfg, err := load(t, dir, Env{"GW_TOKEN": "gateway-token-from-env", "GW_PASSWORD": "pw-from-env-123", "SLACK_BOT": "x"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path     string
		resolved bool
		secret   string
		ref      bool
	}{
		{"gateway.auth.token", true, "gateway-token-from-env", true},
		{"gateway.auth.password", true, "pw-from-env-123", true},
		{"gateway.remote.token", false, "", true}, // inactive: auth.token is configured
		{"gateway.remote.password", false, "", true},
		{"channels.telegram.botToken", false, "", true},
		{"channels.telegram.accounts.ops.botToken", true, "ops-bot-token-value", true},
		{"channels.slack.botToken", false, "", true},
		{"channels.slack.appToken", false, "", true},
		{"channels.discord.token", false, "", true},
		{"channels.mattermost.botToken", false, "", true},
		{"channels.telegram.webhookSecret", false, "", true},
		{"channels.slack.signingSecret", false, "", true},
		{"channels.zalo.webhookSecret", false, "", true},
	}
	for _, tt := range tests {
		s := cfg.Secret(tt.path)
		if s == nil {
			t.Errorf("%s: not recorded", tt.path)
			continue
		}
		if s.Resolved != tt.resolved || s.Secret != tt.secret || (s.Ref != nil) != tt.ref || !s.Configured() {
			t.Errorf("%s: resolved=%v secret=%q ref=%v reason=%q", tt.path, s.Resolved, s.Secret, s.Ref, s.Reason)
		}
	}
	diags := strings.Join(cfg.Diagnostics, "\n")
	for _, want := range []string{
		"gateway.remote.token: not used while gateway.auth.token is configured",
		"gateway.remote.password: not used while gateway.auth.password is configured",
		"security audit: channels.mattermost.botToken is resolved by the gateway; clawcheck does not contact the gateway in a plain audit.",
		"channels.telegram.webhookSecret: not used: webhook mode is off (no webhookUrl)",
		"channels.slack.signingSecret: not used: HTTP mode is off",
		`security audit: failed to resolve channels.zalo.webhookSecret locally (environment variable "ZALO_HOOK" is missing or empty).`,
		`security audit: failed to resolve channels.telegram.botToken locally (environment variable "TG_TOKEN" is missing or empty).`,
		`not in provider "picky"'s allowlist`,
		"loose.txt is readable or writable by others (mode 644)",
		"security audit: channels.discord.token is resolved by the gateway",
	} {
		if !strings.Contains(diags, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diags)
		}
	}
	if cfg.Secret("channels.nostr.privateKey") != nil {
		t.Error("channels.nostr.privateKey is not an audit target")
	}
	for _, secret := range []string{"gateway-token-from-env", "pw-from-env-123", "ops-bot-token-value"} {
		found := false
		for _, v := range cfg.SecretValues {
			found = found || v == secret
		}
		if !found {
			t.Errorf("secret %q not collected for redaction", secret)
		}
	}
	for _, v := range cfg.SecretValues {
		if v == "default" || v == "GW_TOKEN" || v == "${TG_TOKEN}" {
			t.Errorf("reference parts collected as secrets: %q", v)
		}
	}
}

func TestParseSecretRef(t *testing.T) {
	obj := func(kv ...string) *Value {
		v := NewObject()
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], NewString(kv[i+1]), Origin{})
		}
		return v
	}
	tests := []struct {
		v    *Value
		want string
	}{
		{obj("source", "env", "provider", "default", "id", "X"), "env:default:X"},
		{obj("source", "env", "id", "X"), "env:default:X"},
		{obj("source", "nope", "provider", "default", "id", "X"), ""},
		{obj("source", "env", "provider", "default", "id", "X", "extra", "y"), ""},
		{NewString("${X}"), ""},
	}
	for _, tt := range tests {
		ref, ok := ParseSecretRef(tt.v, nil)
		got := ""
		if ok {
			got = ref.String()
		}
		if got != tt.want {
			t.Errorf("%s: got %q want %q", plain(tt.v), got, tt.want)
		}
	}
}
