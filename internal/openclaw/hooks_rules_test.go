package openclaw

import (
	"reflect"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

func TestReadHooksIngress(t *testing.T) {
	tests := []struct {
		name, config string
		want         HooksIngress
	}{
		{"absent", `{}`, HooksIngress{}},
		{"enabled must be true", `{ hooks: { enabled: "true", token: "x" } }`, HooksIngress{Token: "x"}},
		{"trimmed strings", `{ hooks: { enabled: true, token: " t ", path: " / ", defaultSessionKey: "  " } }`,
			HooksIngress{Enabled: true, Token: "t", Path: "/"}},
		{"empty agent list restricts", `{ hooks: { allowedAgentIds: [] } }`, HooksIngress{AgentIDsRestricted: true}},
		{"wildcard agent", `{ hooks: { allowedAgentIds: ["main", " * "] } }`, HooksIngress{}},
		{"agent list", `{ hooks: { allowedAgentIds: ["main"] } }`, HooksIngress{AgentIDsRestricted: true}},
		{"agent ids not an array", `{ hooks: { allowedAgentIds: "main" } }`, HooksIngress{}},
		{"prefixes", `{ hooks: { allowRequestSessionKey: true, allowedSessionKeyPrefixes: ["", " hook: ", 3] } }`,
			HooksIngress{AllowRequestSessionKey: true, SessionKeyPrefixes: []string{"hook:"}}},
	}
	for _, tt := range tests {
		cfg := loadConfig(t, tt.config, nil)
		if got := ReadHooksIngress(cfg.Root); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestHooksTokenReuse(t *testing.T) {
	const tok = "shared-secret-8d6b4f2a0e8c6d4b2f0a8e6c"
	tests := []struct {
		name, config    string
		env             config.Env
		override        [2]string
		want414, want96 bool
	}{
		{"config token", `{ gateway: { auth: { mode: "token", token: "` + tok + `" } } }`, nil, [2]string{}, true, true},
		{"different token", `{ gateway: { auth: { token: "other-token-other-token-other" } } }`, nil, [2]string{}, false, false},
		{"env token in password mode", `{ gateway: { auth: { mode: "password", password: "pw-pw-pw-pw-pw-pw-pw-pw" } } }`,
			config.Env{"OPENCLAW_GATEWAY_TOKEN": tok}, [2]string{}, true, false},
		{"config password", `{ gateway: { auth: { mode: "password", password: "` + tok + `" } } }`, nil, [2]string{}, false, true},
		{"env password", `{}`, config.Env{"OPENCLAW_GATEWAY_PASSWORD": tok}, [2]string{}, false, true},
		{"remote token", `{ gateway: { remote: { token: "` + tok + `" } } }`, nil, [2]string{}, false, true},
		{"trusted proxy password", `{ gateway: { auth: { mode: "trusted-proxy", password: "` + tok + `" } } }`, nil, [2]string{}, false, true},
		{"audit --token", `{}`, nil, [2]string{tok, ""}, false, true},
		{"audit --password in token mode", `{ gateway: { auth: { mode: "token" } } }`, nil, [2]string{"", tok}, false, false},
		{"mode none", `{ gateway: { auth: { mode: "none", token: "` + tok + `" } } }`, nil, [2]string{}, false, false},
	}
	for _, tt := range tests {
		cfg := loadConfig(t, tt.config, tt.env)
		env := cfg.Env
		got414 := HooksTokenReuse(check.Compat2026_4, cfg, env, tok, tt.override[0], tt.override[1]) != ""
		got96 := HooksTokenReuse(check.Compat2026_9, cfg, env, tok, tt.override[0], tt.override[1]) != ""
		if got414 != tt.want414 || got96 != tt.want96 {
			t.Errorf("%s: 2026.4 %v (want %v), 2026.9 %v (want %v)", tt.name, got414, tt.want414, got96, tt.want96)
		}
	}
	if HooksTokenReuse(check.Compat2026_9, loadConfig(t, `{}`, nil), nil, "", "", "") != "" {
		t.Error("blank hooks token matched")
	}
}
