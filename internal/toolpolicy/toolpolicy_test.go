package toolpolicy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

func load(t *testing.T, text string) *config.Value {
	t.Helper()
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".openclaw"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".openclaw", "openclaw.json"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	env := config.Env{"HOME": home}
	paths, err := config.Locate(env, config.LocateOptions{Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: env, Cwd: home})
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Root
}

const (
	c4 = check.Compat2026_4
	c9 = check.Compat2026_9
)

func TestAllows(t *testing.T) {
	tests := []struct {
		name   string
		config string
		compat check.Compat
		agent  string // roster id, "" for agents.defaults
		allow  string // space-separated tools that must be allowed
		deny   string // space-separated tools that must be denied
	}{
		{"no policy allows everything", `{}`, c4, "", "exec process read write gateway browser anything", ""},
		{"full profile allows everything", `{tools:{profile:"full"}}`, c9, "", "exec browser x_plugin_tool", ""},
		{"unknown profile is no restriction", `{tools:{profile:"bogus"}}`, c4, "", "exec browser", ""},
		{"minimal 4.14 keeps only session_status", `{tools:{profile:"minimal"}}`, c4, "", "session_status", "gateway exec read"},
		{"minimal 9.6 keeps gateway", `{tools:{profile:"minimal"}}`, c9, "", "session_status gateway", "exec read automations"},
		{"messaging 4.14", `{tools:{profile:"messaging"}}`, c4, "", "message sessions_send", "gateway exec sessions_search"},
		{"messaging 9.6", `{tools:{profile:"messaging"}}`, c9, "", "message gateway sessions_search", "exec read automations plugins"},
		{"coding 9.6 allows control plane, not browser", `{tools:{profile:"coding"}}`, c9, "", "exec read automations plugins gateway web_search", "browser some_plugin_tool"},
		{"coding 4.14", `{tools:{profile:"coding"}}`, c4, "", "exec read cron web_fetch", "gateway browser"},
		{"9.6 profile alsoAllow", `{tools:{profile:"minimal", alsoAllow:["exec"]}}`, c9, "", "exec gateway", "read"},
		{"4.14 profile ignores alsoAllow", `{tools:{profile:"minimal", alsoAllow:["exec"]}}`, c4, "", "session_status", "exec"},
		{"global deny group", `{tools:{deny:["group:runtime"]}}`, c4, "", "read", "exec process code_execution"},
		{"deny glob, case-insensitive", `{tools:{deny:["Sessions_*"]}}`, c9, "", "session_status", "sessions_list sessions_send"},
		{"deny alias bash", `{tools:{deny:["bash"]}}`, c4, "", "process", "exec"},
		{"cron alias in 9.6", `{tools:{deny:["cron"]}}`, c9, "", "gateway", "automations"},
		{"cron is its own tool in 4.14", `{tools:{deny:["cron"]}}`, c4, "", "automations", "cron"},
		{"allow list restricts", `{tools:{allow:["read"]}}`, c4, "", "read", "exec write"},
		{"empty allow list allows all", `{tools:{allow:[]}}`, c4, "", "exec read", ""},
		{"alsoAllow alone adds to everything", `{tools:{alsoAllow:["x"]}}`, c9, "", "exec x", ""},
		{"apply_patch follows write", `{tools:{allow:["write"]}}`, c9, "", "write apply_patch", "edit"},
		{"4.14 denies apply_patch with write", `{tools:{deny:["write"]}}`, c4, "", "edit", "write apply_patch"},
		{"9.6 does not deny apply_patch with write", `{tools:{deny:["write"]}}`, c9, "", "apply_patch", "write"},
		{"agent layer on top of global", `{tools:{deny:["exec"]}, agents:{list:[{id:"w", tools:{deny:["read"]}}]}}`, c4, "w", "write", "exec read"},
		{"agent profile overrides global", `{tools:{profile:"minimal"}, agents:{list:[{id:"w", tools:{profile:"coding"}}]}}`, c4, "w", "exec", "browser"},
		{"defaults context ignores agent", `{agents:{list:[{id:"w", tools:{deny:["exec"]}}]}}`, c4, "", "exec", ""},
		{"sandbox all defaults 4.14", `{agents:{defaults:{sandbox:{mode:"all"}}}}`, c4, "", "exec read image session_status", "browser gateway cron web_search whatsapp"},
		{"sandbox all defaults 9.6", `{agents:{defaults:{sandbox:{mode:"all"}}}}`, c9, "", "exec ls view_image sessions_search", "browser gateway automations web_fetch telegram"},
		{"sandbox non-main adds no layer", `{agents:{defaults:{sandbox:{mode:"non-main"}}}}`, c9, "", "browser web_search gateway", ""},
		{"sandbox explicit allow re-allows default deny", `{agents:{defaults:{sandbox:{mode:"all"}}}, tools:{sandbox:{tools:{allow:["browser","exec"]}}}}`, c4, "", "browser exec image", "read gateway"},
		{"sandbox explicit deny replaces default", `{agents:{defaults:{sandbox:{mode:"all"}}}, tools:{sandbox:{tools:{deny:["exec"]}}}}`, c9, "", "read", "exec gateway"},
		{"sandbox alsoAllow extends defaults", `{agents:{defaults:{sandbox:{mode:"all"}}}, tools:{sandbox:{tools:{alsoAllow:["gateway"]}}}}`, c9, "", "gateway exec", "browser"},
		{"agent sandbox list beats global", `{agents:{defaults:{sandbox:{mode:"all"}}, list:[{id:"a", tools:{sandbox:{tools:{allow:["read"]}}}}]}, tools:{sandbox:{tools:{allow:["exec"]}}}}`, c4, "a", "read", "exec"},
		{"agent sandbox mode overrides default", `{agents:{defaults:{sandbox:{mode:"all"}}, list:[{id:"a", sandbox:{mode:"off"}}]}}`, c4, "a", "browser", ""},
		{"9.6 entries roster", `{agents:{entries:{ops:{tools:{deny:["gateway"]}}}}}`, c9, "ops", "exec", "gateway"},
		{"provider layer only when asked", `{tools:{byProvider:{openai:{deny:["exec"]}}}}`, c9, "", "exec", ""},
		{"wrong types are ignored", `{tools:{allow:"exec", deny:{x:1}, profile:7}, agents:{defaults:{sandbox:{mode:3}}}}`, c9, "", "exec browser", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := load(t, tt.config)
			var agent *Agent
			if tt.agent != "" {
				agent = FindAgent(root, tt.agent)
				if agent == nil {
					t.Fatalf("agent %q not in roster", tt.agent)
				}
			}
			pol := Resolve(tt.compat, root, agent, Options{})
			for _, tool := range strings.Fields(tt.allow) {
				if !pol.Allows(tool) {
					t.Errorf("%s denied, want allowed (layers %+v)", tool, pol.Layers)
				}
			}
			for _, tool := range strings.Fields(tt.deny) {
				if pol.Allows(tool) {
					t.Errorf("%s allowed, want denied (layers %+v)", tool, pol.Layers)
				}
			}
		})
	}
}

func TestProviderLayer(t *testing.T) {
	root := load(t, `{tools:{byProvider:{"OpenAI/gpt-x":{deny:["browser"]}, openai:{deny:["exec"]}}}}`)
	full := Resolve(c9, root, nil, Options{Provider: "openai", Model: "gpt-x"})
	if full.Allows("browser") || !full.Allows("exec") {
		t.Errorf("provider/model key should win: %+v", full.Layers)
	}
	prov := Resolve(c9, root, nil, Options{Provider: "openai", Model: "other"})
	if prov.Allows("exec") || !prov.Allows("browser") {
		t.Errorf("provider key should apply: %+v", prov.Layers)
	}
	old := Resolve(c4, root, nil, Options{Provider: "openai"})
	if !old.Allows("exec") {
		t.Errorf("2026.4 has no provider layer")
	}
}

func TestRosterAndContexts(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		compat   check.Compat
		ids      []string
		contexts []string
		modes    []string
	}{
		{"no roster 4.14", `{}`, c4, []string{"main"}, []string{"agents.defaults"}, []string{"off"}},
		{"no roster 9.6 materialises main", `{}`, c9, []string{"main"}, []string{"agents.defaults", "agents.entries.main"}, []string{"off", "off"}},
		{"empty list is a roster", `{agents:{list:[]}}`, c9, nil, []string{"agents.defaults"}, []string{"off"}},
		{"list skips non-string ids", `{agents:{defaults:{sandbox:{mode:"non-main"}}, list:[{id:"Main"},{id:7},"x",{id:"Work Bot", sandbox:{mode:"all"}}]}}`, c4,
			[]string{"main", "work-bot"}, []string{"agents.defaults", "agents.list.Main", "agents.list.Work Bot"}, []string{"non-main", "non-main", "all"}},
		{"entries win over list", `{agents:{entries:{a:{}, b:{}}, list:[{id:"c"}]}}`, c9, []string{"a", "b"}, []string{"agents.defaults", "agents.entries.a", "agents.entries.b"}, []string{"off", "off", "off"}},
		{"duplicate ids take the first entry's sandbox", `{agents:{list:[{id:"a", sandbox:{mode:"all"}},{id:"A"}]}}`, c4, []string{"a"}, []string{"agents.defaults", "agents.list.a", "agents.list.A"}, []string{"off", "all", "all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := load(t, tt.config)
			if got := AgentIDs(root); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("AgentIDs = %q, want %q", got, tt.ids)
			}
			var labels, modes []string
			for _, c := range Contexts(tt.compat, root) {
				labels = append(labels, c.Label)
				modes = append(modes, c.SandboxMode)
			}
			if !reflect.DeepEqual(labels, tt.contexts) || !reflect.DeepEqual(modes, tt.modes) {
				t.Errorf("contexts = %q %q, want %q %q", labels, modes, tt.contexts, tt.modes)
			}
		})
	}
}

func TestNormalizeAgentID(t *testing.T) {
	for in, want := range map[string]string{
		"main": "main", " Work ": "work", "Work Bot!": "work-bot", "--x--": "x", "": "main", "***": "main",
		strings.Repeat("a", 70): strings.Repeat("a", 64),
	} {
		if got := NormalizeAgentID(in); got != want {
			t.Errorf("NormalizeAgentID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGroupsAndProfiles(t *testing.T) {
	oc := GroupMembers(c9, "group:openclaw")
	for _, excluded := range []string{"read", "exec", "canvas", "ls"} {
		for _, m := range oc {
			if m == excluded {
				t.Errorf("group:openclaw holds %s", excluded)
			}
		}
	}
	if len(oc) == 0 || GroupMembers(c4, "group:nope") != nil {
		t.Errorf("group lookup broken")
	}
	if a, ok := ProfileAllow(c4, "full"); !ok || a != nil {
		t.Errorf("full profile: %v %v", a, ok)
	}
	if _, ok := ProfileAllow(c4, "bogus"); ok {
		t.Errorf("unknown profile reported known")
	}
}
