package openclaw

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

func TestSecretConfigured(t *testing.T) {
	tests := []struct {
		name            string
		config          string
		env             config.Env
		path            string
		want414, want96 bool
	}{
		{"absent", `{}`, nil, "gateway.auth.token", false, false},
		{"literal", `{ gateway: { auth: { token: "a-literal-token" } } }`, nil, "gateway.auth.token", true, true},
		{"blank literal", `{ gateway: { auth: { token: "   " } } }`, nil, "gateway.auth.token", false, false},
		{"unresolved ref object", `{ gateway: { auth: { token: { source: "env", provider: "default", id: "UNSET_TOKEN" } } } }`, nil, "gateway.auth.token", true, true},
		{"unset ${VAR} token", `{ gateway: { auth: { token: "${UNSET_TOKEN}" } } }`, nil, "gateway.auth.token", true, false},
		{"unset ${VAR} password", `{ gateway: { auth: { password: "${UNSET_PW}" } } }`, nil, "gateway.auth.password", true, false},
		{"set ${VAR} token", `{ gateway: { auth: { token: "${SET_TOKEN}" } } }`, config.Env{"SET_TOKEN": "from-the-environment"}, "gateway.auth.token", true, true},
		{"unset ${VAR} remote token", `{ gateway: { remote: { token: "${UNSET_REMOTE}" } } }`, nil, "gateway.remote.token", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := loadConfig(t, tt.config, tt.env)
			in := cfg.Secret(tt.path)
			if got := secretConfigured(check.Compat2026_4, in); got != tt.want414 {
				t.Errorf("2026.4: %v, want %v", got, tt.want414)
			}
			if got := secretConfigured(check.Compat2026_9, in); got != tt.want96 {
				t.Errorf("2026.9: %v, want %v", got, tt.want96)
			}
		})
	}
}
