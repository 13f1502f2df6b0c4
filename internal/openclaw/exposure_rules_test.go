package openclaw

import (
	"reflect"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

func TestOpenInboundPolicies(t *testing.T) {
	tests := []struct {
		name            string
		config          string
		want414, want96 []string
	}{
		{"none", `{channels:{telegram:{groupPolicy:"allowlist", dmPolicy:"pairing"}}}`, nil, nil},
		{"group open", `{channels:{telegram:{groupPolicy:"open"}}}`,
			[]string{"channels.telegram.groupPolicy"}, []string{"channels.telegram.groupPolicy"}},
		{"dm open counts only in 2026.9", `{channels:{telegram:{dmPolicy:"open"}}}`,
			nil, []string{"channels.telegram.dmPolicy"}},
		{"legacy dm.policy when dmPolicy unset", `{channels:{slack:{dm:{policy:"open"}}}}`,
			nil, []string{"channels.slack.dm.policy"}},
		{"dmPolicy wins over dm.policy", `{channels:{slack:{dmPolicy:"pairing", dm:{policy:"open"}}}}`, nil, nil},
		{"accounts, not nested groups", `{channels:{telegram:{groups:{"-1":{groupPolicy:"open"}}, accounts:{a:{groupPolicy:"open"}, b:"x"}}}}`,
			[]string{"channels.telegram.accounts.a.groupPolicy"}, []string{"channels.telegram.accounts.a.groupPolicy"}},
		{"defaults scanned by 2026.9", `{channels:{defaults:{groupPolicy:"open"}}}`,
			nil, []string{"channels.defaults.groupPolicy"}},
		{"wrong types", `{channels:{telegram:{groupPolicy:["open"], accounts:[1]}, x:7}}`, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := loadConfig(t, tt.config, nil).Root
			for _, c := range []struct {
				compat check.Compat
				want   []string
			}{{check.Compat2026_4, tt.want414}, {check.Compat2026_9, tt.want96}} {
				var got []string
				for _, p := range OpenInboundPolicies(c.compat, root) {
					got = append(got, p.Path)
				}
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("%s: got %q, want %q", c.compat, got, c.want)
				}
			}
		})
	}
}

func TestOpenExecSurfacePaths(t *testing.T) {
	root := loadConfig(t, `{channels:{telegram:{groups:{"-1":{groupPolicy:"open"}}, accounts:{a:{dmPolicy:"open"}}, dmPolicy:"open"}, irc:{dms:{x:{dmPolicy:"open"}}}}}`, nil).Root
	want := []string{
		"channels.irc.dms.x.dmPolicy",
		"channels.telegram.accounts.a.dmPolicy",
		"channels.telegram.dmPolicy",
		"channels.telegram.groups.-1.groupPolicy",
	}
	if got := OpenExecSurfacePaths(check.Compat2026_4, root); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	lifted := loadConfig(t, `{channels:{discord:{dm:{policy:"open"}}}}`, nil).Root
	if got := OpenExecSurfacePaths(check.Compat2026_4, lifted); !reflect.DeepEqual(got, []string{"channels.discord.dmPolicy"}) {
		t.Errorf("2026.4 lifted dm.policy: got %q", got)
	}
	if got := OpenExecSurfacePaths(check.Compat2026_9, lifted); len(got) != 0 {
		t.Errorf("2026.9 dm.policy is not a dmPolicy: got %q", got)
	}
	if lifted.Get("channels", "discord", "dmPolicy") != nil {
		t.Errorf("the loaded view modified the config")
	}
}

func TestMultiUserSignals(t *testing.T) {
	tests := []struct {
		name            string
		config          string
		want414, want96 []string
	}{
		{"empty", `{}`, nil, nil},
		{"channel wildcard repeats per account in 2026.9",
			`{channels:{telegram:{allowFrom:["*"], accounts:{a:{}}}}}`,
			[]string{`channels.telegram.allowFrom includes "*"`},
			[]string{`channels.telegram.allowFrom includes "*"`, `channels.telegram.accounts.a.allowFrom includes "*"`}},
		{"allowlist with groups; loader default for whatsapp",
			`{channels:{whatsapp:{groups:{"*":{}}}, matrix:{groups:{r:{}}}}}`,
			[]string{`channels.whatsapp.groupPolicy="allowlist" with configured group targets`},
			[]string{`channels.whatsapp.groupPolicy="allowlist" with configured group targets`}},
		{"dm section", `{channels:{googlechat:{groupPolicy:"disabled", dm:{policy:"open", allowFrom:[" * "]}}}}`,
			[]string{`channels.googlechat.dm.policy="open"`, `channels.googlechat.dm.allowFrom includes "*"`},
			[]string{`channels.googlechat.dm.policy="open"`, `channels.googlechat.dm.allowFrom includes "*"`}},
		{"2026.4.14 lifts Discord's dm settings", `{channels:{discord:{groupPolicy:"disabled", dm:{policy:"open", allowFrom:["*"]}}}}`,
			[]string{`channels.discord.dmPolicy="open"`, `channels.discord.allowFrom includes "*"`},
			[]string{`channels.discord.dm.policy="open"`, `channels.discord.dm.allowFrom includes "*"`}},
		{"2026.4.14 defaults account group policies, except Slack's", `{channels:{telegram:{accounts:{a:{groups:{g:{}}}}}, slack:{accounts:{w:{channels:{C1:{}}}}}}}`,
			[]string{`channels.telegram.accounts.a.groupPolicy="allowlist" with configured group targets`},
			[]string{`channels.telegram.accounts.a.groupPolicy="allowlist" with configured group targets`,
				`channels.slack.accounts.w.groupPolicy="allowlist" with configured group targets`}},
		{"account groups only at channel level do not count in 2026.4",
			`{channels:{signal:{groupPolicy:"disabled", groups:{g:{}}, accounts:{a:{groupPolicy:"allowlist"}}}}}`,
			nil,
			[]string{`channels.signal.accounts.a.groupPolicy="allowlist" with configured group targets`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := loadConfig(t, tt.config, nil).Root
			if got := MultiUserSignals(check.Compat2026_4, root); !reflect.DeepEqual(got, tt.want414) {
				t.Errorf("2026.4: got %q, want %q", got, tt.want414)
			}
			if got := MultiUserSignals(check.Compat2026_9, root); !reflect.DeepEqual(got, tt.want96) {
				t.Errorf("2026.9: got %q, want %q", got, tt.want96)
			}
		})
	}
}

func TestExecScopes(t *testing.T) {
	tests := []struct {
		name            string
		config          string
		want414, want96 []ExecScope
	}{
		{"defaults", `{}`,
			[]ExecScope{{"main", "deny", "auto"}}, []ExecScope{{"main", "deny", "auto"}}},
		{"mode full is a 2026.9 key", `{tools:{exec:{mode:"full", host:"gateway"}}}`,
			[]ExecScope{{"main", "deny", "gateway"}}, []ExecScope{{"main", "full", "gateway"}}},
		{"agents inherit and override", `{tools:{exec:{security:"allowlist"}}, agents:{list:[{id:"a", tools:{exec:{security:"full", host:"node"}}}, {id:"b"}]}}`,
			[]ExecScope{{"main", "allowlist", "auto"}, {"a", "full", "node"}, {"b", "allowlist", "auto"}},
			[]ExecScope{{"global", "allowlist", "auto"}, {"a", "full", "node"}, {"b", "allowlist", "auto"}}},
		{"agent main replaces the global scope in place", `{agents:{list:[{id:"main", tools:{exec:{security:"full"}}}, {id:"x"}]}}`,
			[]ExecScope{{"main", "full", "auto"}, {"x", "deny", "auto"}},
			[]ExecScope{{"global", "deny", "auto"}, {"main", "full", "auto"}, {"x", "deny", "auto"}}},
		{"single agent names the 2026.9 scope", `{agents:{list:[{id:"Solo"}]}}`,
			[]ExecScope{{"main", "deny", "auto"}, {"Solo", "deny", "auto"}},
			[]ExecScope{{"solo", "deny", "auto"}, {"Solo", "deny", "auto"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := loadConfig(t, tt.config, nil).Root
			if got := ExecScopes(check.Compat2026_4, root); !reflect.DeepEqual(got, tt.want414) {
				t.Errorf("2026.4: got %+v, want %+v", got, tt.want414)
			}
			if got := ExecScopes(check.Compat2026_9, root); !reflect.DeepEqual(got, tt.want96) {
				t.Errorf("2026.9: got %+v, want %+v", got, tt.want96)
			}
		})
	}
}
