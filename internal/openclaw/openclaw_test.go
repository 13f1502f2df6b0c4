package openclaw

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// loadConfig reads JSON5 text the way an audit does.
func loadConfig(t *testing.T, text string, env config.Env) *config.Config {
	t.Helper()
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".openclaw"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".openclaw", "openclaw.json"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	full := config.Env{"HOME": home}
	for k, v := range env {
		full[k] = v
	}
	paths, err := config.Locate(full, config.LocateOptions{Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: full, Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestResolveAuth(t *testing.T) {
	const long = "0123456789abcdef0123456789abcdef"
	tests := []struct {
		name          string
		config        string
		env           config.Env
		mode          string // resolved mode under both profiles
		has414, has96 bool
	}{
		{"empty config", `{}`, nil, "token", false, false},
		{"literal token", `{ gateway: { auth: { token: "` + long + `" } } }`, nil, "token", true, true},
		{"unresolved secretref token counts as configured", `{ gateway: { auth: { token: { source: "env", provider: "default", id: "UNSET_TOKEN" } } } }`, nil, "token", true, true},
		// 2026.9.6 marks an unset ${VAR} path unresolved and counts nothing there
		// (conformance: deep-secretref-probe-auth).
		{"unresolved ${VAR} token counts as configured in 2026.4 only", `{ gateway: { auth: { token: "${UNSET_TOKEN}" } } }`, nil, "token", true, false},
		{"remote token only", `{ gateway: { bind: "lan", remote: { token: "` + long + `" } } }`, nil, "token", true, true},
		{"remote password only", `{ gateway: { bind: "lan", remote: { password: "` + long + `" } } }`, nil, "", false, true},
		{"env-only password", `{}`, config.Env{"OPENCLAW_GATEWAY_PASSWORD": "pw-from-env"}, "password", true, true},
		{"env-only token", `{}`, config.Env{"OPENCLAW_GATEWAY_TOKEN": long}, "token", true, true},
		{"mode none with a token", `{ gateway: { auth: { mode: "none", token: "` + long + `" } } }`, nil, "none", false, false},
		{"mode password without password", `{ gateway: { auth: { mode: "password", token: "` + long + `" } } }`, nil, "password", false, false},
		{"password literal, no mode", `{ gateway: { auth: { password: "a-password" } } }`, nil, "password", true, true},
		{"trusted proxy", `{ gateway: { auth: { mode: "trusted-proxy" } } }`, nil, "trusted-proxy", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := loadConfig(t, tt.config, tt.env)
			env := cfg.Env
			a4 := ResolveAuth(check.Compat2026_4, cfg, env)
			a9 := ResolveAuth(check.Compat2026_9, cfg, env)
			if a4.HasAuth != tt.has414 || a9.HasAuth != tt.has96 {
				t.Errorf("HasAuth: 2026.4 %v (want %v), 2026.9 %v (want %v)", a4.HasAuth, tt.has414, a9.HasAuth, tt.has96)
			}
			if tt.mode != "" && (a4.Mode != tt.mode || a9.Mode != tt.mode) {
				t.Errorf("mode: 2026.4 %q, 2026.9 %q, want %q", a4.Mode, a9.Mode, tt.mode)
			}
		})
	}
}

// 2026.9.6 falls back to the remote credentials for the resolved values;
// 2026.4.14 never does.
func TestResolveAuthRemoteFallback(t *testing.T) {
	cfg := loadConfig(t, `{ gateway: { remote: { token: "remote-token-value-xx", password: "remote-pw" } } }`, nil)
	a4 := ResolveAuth(check.Compat2026_4, cfg, cfg.Env)
	a9 := ResolveAuth(check.Compat2026_9, cfg, cfg.Env)
	if a4.Token != "" || a4.Password != "" {
		t.Errorf("2026.4 resolved remote credentials: %+v", a4)
	}
	if a9.Token != "remote-token-value-xx" || a9.Password != "remote-pw" || a9.Mode != "password" {
		t.Errorf("2026.9: %+v", a9)
	}
}

func TestExposure(t *testing.T) {
	tests := []struct {
		config                    string
		bind, remote, toolsInvoke bool
	}{
		{`{}`, false, false, false},
		{`{ gateway: { bind: "loopback", tailscale: { mode: "serve" } } }`, false, true, false},
		{`{ gateway: { tailscale: { mode: "funnel" } } }`, false, true, true},
		{`{ gateway: { bind: "auto" } }`, true, true, true},
		{`{ gateway: { bind: "Loopback" } }`, true, true, true}, // only the exact string is loopback
	}
	for _, tt := range tests {
		root := loadConfig(t, tt.config, nil).Root
		if BindExposed(root) != tt.bind || RemotelyExposed(root) != tt.remote || ToolsInvokeExposed(root) != tt.toolsInvoke {
			t.Errorf("%s: bind=%v remote=%v toolsInvoke=%v", tt.config, BindExposed(root), RemotelyExposed(root), ToolsInvokeExposed(root))
		}
	}
}

func TestChannelsAndGroupPolicy(t *testing.T) {
	root := loadConfig(t, `{ channels: {
  defaults: { groupPolicy: "open" },
  modelByChannel: { telegram: "x" },
  telegram: {}, matrix: {}, slack: { groupPolicy: "open" }, broken: 3,
} }`, nil).Root
	got414 := map[string]string{}
	for _, ch := range Channels(check.Compat2026_4, root) {
		got414[ch.ID] = TopLevelGroupPolicy(check.Compat2026_4, ch)
	}
	want414 := map[string]string{"telegram": "allowlist", "matrix": "", "slack": "open"}
	if len(got414) != len(want414) {
		t.Errorf("2026.4 channels %v", got414)
	}
	for k, v := range want414 {
		if got414[k] != v {
			t.Errorf("2026.4 %s: %q, want %q", k, got414[k], v)
		}
	}
	var ids96 []string
	for _, ch := range Channels(check.Compat2026_9, root) {
		ids96 = append(ids96, ch.ID+"="+TopLevelGroupPolicy(check.Compat2026_9, ch))
	}
	if got := len(ids96); got != 4 || ids96[0] != "defaults=open" || ids96[1] != "telegram=" {
		t.Errorf("2026.9 channels %v", ids96)
	}
}

func TestPluginAllowed(t *testing.T) {
	tests := []struct {
		config string
		want   bool
	}{
		{`{}`, true},
		{`{ plugins: { enabled: false } }`, false},
		{`{ plugins: { deny: [" Browser "] } }`, false},
		{`{ plugins: { allow: ["voice-call"] } }`, false},
		{`{ plugins: { allow: ["browser"] } }`, true},
		{`{ plugins: { allow: [] } }`, true},
		{`{ plugins: { entries: { browser: { enabled: false } } } }`, false},
	}
	for _, tt := range tests {
		if got := PluginAllowed(loadConfig(t, tt.config, nil).Root, "browser"); got != tt.want {
			t.Errorf("%s: %v", tt.config, got)
		}
	}
}
