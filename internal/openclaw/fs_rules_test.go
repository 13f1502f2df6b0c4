package openclaw

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

func TestPermissionAgentIDs(t *testing.T) {
	tests := []struct {
		name    string
		config  string
		want414 []string
		want96  []string
	}{
		{"no roster", `{}`, []string{"main"}, []string{"main"}},
		{"list without main", `{ agents: { list: [{ id: "work" }, { id: "ops", default: true }] } }`,
			[]string{"ops", "work"}, []string{"main", "ops", "work"}},
		{"first entry is the default", `{ agents: { list: [{ id: " Work Bot " }, { id: "" }, { id: 7 }] } }`,
			[]string{"work-bot"}, []string{"main", "work-bot"}},
		{"entries keyed by id", `{ agents: { entries: { coder: {}, family: {} } } }`,
			[]string{"main"}, []string{"main", "coder", "family"}},
		{"system agent does not pick the default", `{ agents: { ownership: "explicit", defaults: { systemAgent: { agentId: "family" } }, entries: { coder: {}, family: {} } } }`,
			[]string{"main"}, []string{"main", "coder", "family"}},
		{"marked default", `{ agents: { entries: { coder: {}, family: { default: true } } } }`,
			[]string{"main"}, []string{"main", "family", "coder"}},
		{"roster of the wrong type", `{ agents: { list: "work" } }`, []string{"main"}, []string{"main"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := loadConfig(t, tt.config, nil)
			if got := PermissionAgentIDs(check.Compat2026_4, cfg.Root); !slices.Equal(got, tt.want414) {
				t.Errorf("2026.4: got %q, want %q", got, tt.want414)
			}
			if got := PermissionAgentIDs(check.Compat2026_9, cfg.Root); !slices.Equal(got, tt.want96) {
				t.Errorf("2026.9: got %q, want %q", got, tt.want96)
			}
		})
	}
}

func TestSkillWorkspaceDirs(t *testing.T) {
	tests := []struct {
		name    string
		config  string
		env     config.Env
		want414 []string // relative to HOME
		want96  []string
	}{
		{"default", `{}`, nil, []string{".openclaw/workspace"}, []string{".openclaw/workspace"}},
		{"workspace env var is 2026.9 only", `{}`, config.Env{"OPENCLAW_WORKSPACE_DIR": "/srv/ws"},
			[]string{".openclaw/workspace"}, []string{"/srv/ws"}},
		{"defaults workspace and other agents", `{ agents: { defaults: { workspace: "~/ws" }, list: [{ id: "main", default: true }, { id: "ops", workspace: "/opt/ops" }, { id: "kid" }] } }`, nil,
			[]string{"ws", "/opt/ops", "ws/kid"}, []string{"ws", "/opt/ops", "ws/kid"}},
		{"agents without defaults live in the state dir", `{ agents: { list: [{ id: "a", default: true }, { id: "b" }] } }`, nil,
			[]string{".openclaw/workspace", ".openclaw/workspace-b"}, []string{".openclaw/workspace", ".openclaw/workspace-b"}},
		{"explicit ownership without a system agent", `{ agents: { ownership: "explicit", entries: { coder: {}, family: {} } } }`, nil,
			[]string{".openclaw/workspace"}, []string{".openclaw/workspace-coder", ".openclaw/workspace-family"}},
		{"system agent owns the control plane", `{ agents: { ownership: "explicit", defaults: { systemAgent: { agentId: "family" } }, entries: { coder: {}, family: {} } } }`, nil,
			[]string{".openclaw/workspace"}, []string{".openclaw/workspace-family", ".openclaw/workspace-coder"}},
		{"relative workspace is skipped", `{ agents: { defaults: { workspace: "ws" } } }`, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := loadConfig(t, tt.config, tt.env)
			env := cfg.Env
			abs := func(ps []string) []string {
				var out []string
				for _, p := range ps {
					if !filepath.IsAbs(p) {
						p = filepath.Join(cfg.Paths.Home, p)
					}
					out = append(out, p)
				}
				return out
			}
			if got, want := SkillWorkspaceDirs(check.Compat2026_4, cfg, env), abs(tt.want414); !slices.Equal(got, want) {
				t.Errorf("2026.4: got %q, want %q", got, want)
			}
			if got, want := SkillWorkspaceDirs(check.Compat2026_9, cfg, env), abs(tt.want96); !slices.Equal(got, want) {
				t.Errorf("2026.9: got %q, want %q", got, want)
			}
		})
	}
}

func TestLogFilePath(t *testing.T) {
	env := config.Env{"HOME": "/home/u"}
	tests := []struct {
		config string
		want   string
		ok     bool
	}{
		{`{}`, "", false},
		{`{ logging: { file: "  " } }`, "", false},
		{`{ logging: { file: "~/logs/gw.log" } }`, "/home/u/logs/gw.log", true},
		{`{ logging: { file: "~" } }`, "/home/u", true},
		{`{ logging: { file: "~bob/gw.log" } }`, "", false},
		{`{ logging: { file: "/var/log/../log/gw.log" } }`, "/var/log/gw.log", true},
		{`{ logging: { file: "gw.log" } }`, "", false},
		{`{ logging: { file: 42 } }`, "", false},
	}
	for _, tt := range tests {
		cfg := loadConfig(t, tt.config, nil)
		got, ok := LogFilePath(cfg.Root, env)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: got %q %v, want %q %v", tt.config, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLooksSynced(t *testing.T) {
	for p, want := range map[string]bool{
		"/home/u/.openclaw":                                              false,
		"/home/u/Dropbox-user/.openclaw":                                 true,
		"/Users/u/Google Drive/openclaw/openclaw.json":                   true,
		"/Users/u/OneDrive - Corp/oc":                                    true,
		"/Users/u/Library/Mobile Documents/com~apple~CloudDocs/openclaw": true,
		"/Users/u/iCloud/oc":                                             true,
	} {
		if got := LooksSynced(p); got != want {
			t.Errorf("LooksSynced(%q) = %v, want %v", p, got, want)
		}
	}
	if LooksSynced(strings.ToUpper("/x/dropbox")) != true {
		t.Error("the match must ignore case")
	}
}
