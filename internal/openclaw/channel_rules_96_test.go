package openclaw

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/config"
)

func parse96(t *testing.T, src string) *config.Value {
	t.Helper()
	return loadConfig(t, src, nil).Root
}

func TestResolveDMRoute96(t *testing.T) {
	tests := []struct {
		name, cfg, account, peer string
		agent, key, matchedBy    string
		unknown                  string
		ok                       bool
	}{
		{"no roster, main scope", `{}`, "default", "111", "main", "agent:main:main", "default", "", true},
		{"per-peer", `{session:{dmScope:"per-peer"}}`, "default", "111", "main", "agent:main:direct:111", "default", "", true},
		{"per-channel-peer lower-cases the peer", `{session:{dmScope:"per-channel-peer"}}`, "default", "AbC", "main", "agent:main:telegram:direct:abc", "default", "", true},
		{"per-account-channel-peer", `{session:{dmScope:"per-account-channel-peer"}}`, "work", "111", "main", "agent:main:telegram:work:direct:111", "default", "", true},
		{"unknown sender under a per-peer scope", `{session:{dmScope:"per-peer"}}`, "default", "", "main", "agent:main:direct:unknown", "default", "", true},
		{"linked identity under a per-peer scope", `{session:{dmScope:"per-peer",identityLinks:{Alice:["telegram:111","slack:U1"]}}}`, "default", "111", "main", "agent:main:direct:alice", "default", "", true},
		{"linked identity ignored under main", `{session:{identityLinks:{alice:["111"]}}}`, "default", "111", "main", "agent:main:main", "default", "", true},
		{"global scope", `{session:{scope:"global"}}`, "default", "111", "main", "global", "default", "", true},
		{"single agent", `{agents:{list:[{id:"Home"}]}}`, "default", "111", "home", "agent:home:main", "default", "", true},
		{"two agents, one marked default", `{agents:{list:[{id:"a"},{id:"b",default:true}]}}`, "default", "1", "b", "agent:b:main", "default", "", true},
		{"two agents, no owner", `{agents:{list:[{id:"a"},{id:"b"}]}}`, "default", "1", "", "", "", "", false},
		{"explicit ownership ignores the default marker", `{agents:{ownership:"explicit",list:[{id:"a",default:true},{id:"b"}]}}`, "default", "1", "", "", "", "", false},
		{"explicit ownership with a system agent", `{agents:{ownership:"explicit",defaults:{systemAgent:{agentId:"B"}},list:[{id:"a"},{id:"b"}]}}`, "default", "1", "b", "agent:b:main", "default", "", true},
		{"agents.entries roster", `{agents:{entries:{a:{},b:{}}}}`, "default", "1", "", "", "", "", false},
		{"channel binding", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"b",match:{channel:"Telegram"}}]}`, "default", "1", "b", "agent:b:main", "binding", "", true},
		{"channel binding without accountId is the default account's", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"b",match:{channel:"telegram"}}]}`, "work", "1", "", "", "", "", false},
		{"any-account binding", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"b",match:{channel:"telegram",accountId:"*"}}]}`, "work", "1", "b", "agent:b:main", "binding", "", true},
		{"acp bindings do not route", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{type:"acp",agentId:"b",match:{channel:"telegram"}}]}`, "default", "1", "", "", "", "", false},
		{"binding to an unknown agent", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"ghost",match:{channel:"telegram"}}]}`, "default", "1", "", "", "", "ghost", false},
		{"binding to main without a roster", `{bindings:[{agentId:"main",match:{channel:"telegram"}}]}`, "default", "1", "main", "agent:main:main", "binding", "", true},
		{"peer binding wins and sets the scope", `{bindings:[{agentId:"x",match:{channel:"telegram",accountId:"*"}},{agentId:"p",match:{channel:"telegram",peer:{kind:"dm",id:"111"}},session:{dmScope:"per-peer"}}]}`, "default", "111", "p", "agent:p:direct:111", "binding", "", true},
		{"numeric peer id in a binding", `{bindings:[{agentId:"p",match:{channel:"telegram",peer:{kind:"direct",id:111}}}]}`, "default", "111", "p", "agent:p:main", "binding", "", true},
		{"peer binding for another sender", `{bindings:[{agentId:"p",match:{channel:"telegram",peer:{kind:"direct",id:"111"}}}]}`, "default", "222", "main", "agent:main:main", "default", "", true},
		{"guild bindings never match a DM", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"b",match:{channel:"telegram",guildId:"g"}}]}`, "default", "1", "", "", "", "", false},
		{"malformed peer drops the binding", `{agents:{list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"b",match:{channel:"telegram",peer:"direct"}}]}`, "default", "1", "", "", "", "", false},
		{"hostile types", `{session:{dmScope:5},bindings:"x",agents:{list:"y"}}`, "default", "1", "main", "agent:main:main", "default", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			route, unknown, ok := ResolveDMRoute96(parse96(t, tt.cfg), "telegram", tt.account, tt.peer)
			if ok != tt.ok || unknown != tt.unknown {
				t.Fatalf("ok=%v unknown=%q, want ok=%v unknown=%q", ok, unknown, tt.ok, tt.unknown)
			}
			if !ok {
				return
			}
			if route.AgentID != tt.agent || route.SessionKey != tt.key || route.MatchedBy != tt.matchedBy {
				t.Errorf("got %+v, want agent %q key %q matchedBy %q", route, tt.agent, tt.key, tt.matchedBy)
			}
		})
	}
}

func TestDirectChannelOfSessionKey(t *testing.T) {
	for key, want := range map[string]string{
		"agent:main:main":                       "",
		"global":                                "",
		"agent:main:direct:111":                 "",
		"agent:main:telegram:direct:111":        "telegram",
		"agent:main:telegram:work:direct:111":   "telegram",
		"agent:main:telegram:work:dm:111":       "telegram",
		"agent:main:telegram:group:-100":        "",
		"agent:main:telegram:direct:a:b:c":      "telegram",
		"telegram:direct:111":                   "",
		"agent:main:discord:default:direct:1:2": "discord",
	} {
		if got := DirectChannelOfSessionKey(key); got != want {
			t.Errorf("DirectChannelOfSessionKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestExactDMBindingPeers(t *testing.T) {
	root := parse96(t, `{bindings:[
		{agentId:"a",match:{channel:"telegram",peer:{kind:"direct",id:"111"}}},
		{agentId:"a",match:{channel:"telegram",peer:{kind:"group",id:"-100"}}},
		{agentId:"a",match:{channel:"telegram",accountId:"work",peer:{kind:"dm",id:"222"}}},
		{agentId:"a",match:{channel:"telegram",accountId:"*",peer:{kind:"direct",id:"333"}}},
		{agentId:"a",match:{channel:"telegram",peer:{kind:"direct",id:"*"}}},
		{agentId:"a",match:{channel:"telegram",peer:{kind:"direct",id:"111"}}},
	]}`)
	got := ExactDMBindingPeers(root, "telegram", "default")
	if len(got) != 2 || got[0] != "111" || got[1] != "333" {
		t.Errorf("default: %q", got)
	}
	got = ExactDMBindingPeers(root, "telegram", "work")
	if len(got) != 2 || got[0] != "222" || got[1] != "333" {
		t.Errorf("work: %q", got)
	}
}

func TestBoundDefaultAccount96(t *testing.T) {
	tests := []struct {
		cfg, want string
		ok        bool
	}{
		{`{}`, "", false},
		{`{bindings:[{agentId:"main",match:{channel:"telegram",accountId:"Work"}}]}`, "work", true},
		{`{bindings:[{agentId:"other",match:{channel:"telegram",accountId:"work"}}]}`, "", false},
		{`{bindings:[{agentId:"main",match:{channel:"telegram",accountId:"*"}}]}`, "", false},
		{`{bindings:[{agentId:"main",match:{channel:"telegram"}}]}`, "", false},
		{`{bindings:[{type:"acp",agentId:"main",match:{channel:"telegram",accountId:"work"}}]}`, "", false},
		{`{agents:{list:[{id:"a"},{id:"b",default:true}]},bindings:[{agentId:"a",match:{channel:"telegram",accountId:"x"}},{agentId:"b",match:{channel:"telegram",accountId:"y"}}]}`, "y", true},
		{`{agents:{ownership:"explicit",defaults:{systemAgent:{agentId:"a"}},list:[{id:"a"},{id:"b"}]},bindings:[{agentId:"a",match:{channel:"telegram",accountId:"x"}}]}`, "", false},
	}
	for _, tt := range tests {
		got, ok := BoundDefaultAccount96(parse96(t, tt.cfg), "telegram")
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: got %q %v, want %q %v", tt.cfg, got, ok, tt.want, tt.ok)
		}
	}
}
