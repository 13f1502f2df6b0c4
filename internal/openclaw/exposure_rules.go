package openclaw

import (
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// PolicyPath is one channel setting that opens the gateway to senders: its
// dotted config path and the value that sets it (for locations).
type PolicyPath struct {
	Path  string
	Value *config.Value
}

// OpenInboundPolicies lists the open inbound policies of the exposure
// checks: for each channels.<ch> and each channels.<ch>.accounts.<acct>
// object as written (not merged, not recursive), groupPolicy "open", and
// under 2026.9 also (dmPolicy ?? dm.policy) "open" (decision D4). 2026.9
// scans channels.defaults like a channel.
func OpenInboundPolicies(compat check.Compat, root *config.Value) []PolicyPath {
	var out []PolicyPath
	inspect := func(section *config.Value, base string) {
		if gp := section.Get("groupPolicy"); isString(gp, "open") {
			out = append(out, PolicyPath{base + ".groupPolicy", gp})
		}
		if !compat.Is96() {
			return
		}
		dm := section.Get("dmPolicy")
		path := base + ".dmPolicy"
		if !dm.Present() {
			dm = section.Get("dm", "policy")
			path = base + ".dm.policy"
		}
		if isString(dm, "open") {
			out = append(out, PolicyPath{path, dm})
		}
	}
	for _, m := range rawChannels(compat, root) {
		base := "channels." + m.Key
		inspect(m.Value, base)
		for _, a := range m.Value.Get("accounts").Pairs() {
			if a.Value.IsObject() {
				inspect(a.Value, base+".accounts."+a.Key)
			}
		}
	}
	return out
}

// rawChannels is every object under channels, in config order, as the
// profile's audit sees it (see loadedChannel). Unlike Channels it keeps
// "modelByChannel" (upstream's scans do not skip it); "defaults" is kept
// only under 2026.9, whose audit scans it like a channel.
func rawChannels(compat check.Compat, root *config.Value) []config.Member {
	var out []config.Member
	for _, m := range root.Get("channels").Pairs() {
		if !m.Value.IsObject() {
			continue
		}
		if m.Key == "defaults" && !compat.Is96() {
			continue
		}
		out = append(out, config.Member{Key: m.Key, KeyOrigin: m.KeyOrigin, Value: loadedChannel(compat, m.Key, m.Value)})
	}
	return out
}

// groupPolicyDefaultedAccounts414 are the channels whose accounts' unset
// groupPolicy the 2026.4.14 loader also fills in as "allowlist" (✔ one run
// over every defaulted channel: Feishu and Slack accounts stay unset).
var groupPolicyDefaultedAccounts414 = map[string]bool{
	"discord": true, "googlechat": true, "imessage": true, "irc": true, "line": true, "mattermost": true,
	"nextcloud-talk": true, "signal": true, "telegram": true, "whatsapp": true, "zalouser": true,
}

// loadedChannel is a channel section as the exposure and trust-model
// scans see it. Both releases fill in groupPolicy "allowlist" on the
// channels their loaders default. 2026.4.14 also lifts Discord's and
// Slack's dm.policy / dm.allowFrom to dmPolicy / allowFrom (in the channel
// and in each account) and defaults account group policies. The raw value
// is never modified; a copy is returned when something changes.
func loadedChannel(compat check.Compat, id string, raw *config.Value) *config.Value {
	lift := compat.Is414() && (id == "discord" || id == "slack")
	defaultAccounts := compat.Is414() && groupPolicyDefaultedAccounts414[id]
	needs := groupPolicyDefaulted414[id] && !raw.Has("groupPolicy")
	if !needs && !lift && !defaultAccounts {
		return raw
	}
	v := raw.Clone()
	if groupPolicyDefaulted414[id] && !v.Has("groupPolicy") {
		v.Set("groupPolicy", config.NewString("allowlist"), config.Origin{})
	}
	if lift {
		liftDMSettings(v)
	}
	for _, a := range v.Get("accounts").Pairs() {
		if !a.Value.IsObject() {
			continue
		}
		if lift {
			liftDMSettings(a.Value)
		}
		if defaultAccounts && !a.Value.Has("groupPolicy") {
			a.Value.Set("groupPolicy", config.NewString("allowlist"), config.Origin{})
		}
	}
	return v
}

// liftDMSettings moves dm.policy and dm.allowFrom to dmPolicy and
// allowFrom (unless those are set) and drops them from dm.
func liftDMSettings(scope *config.Value) {
	dm := scope.Get("dm")
	if !dm.IsObject() {
		return
	}
	if p := dm.Get("policy"); p.Present() && !scope.Has("dmPolicy") {
		scope.Set("dmPolicy", p, config.Origin{})
	}
	if a := dm.Get("allowFrom"); a.Present() && !scope.Has("allowFrom") {
		scope.Set("allowFrom", a, config.Origin{})
	}
	dm.Delete("policy")
	dm.Delete("allowFrom")
}

// OpenExecSurfacePaths walks every object below channels (accounts, groups,
// dms and any other nested object) and lists, sorted, each
// "<path>.groupPolicy" and "<path>.dmPolicy" whose value is "open". Both
// releases do the same walk over their loaded config (so 2026.4.14 finds a
// Discord or Slack dm.policy "open" as dmPolicy).
func OpenExecSurfacePaths(compat check.Compat, root *config.Value) []string {
	seen := map[string]bool{}
	var visit func(v *config.Value, scope string, depth int)
	visit = func(v *config.Value, scope string, depth int) {
		if !v.IsObject() || depth > 64 {
			return
		}
		if isString(v.Get("groupPolicy"), "open") {
			seen[scope+".groupPolicy"] = true
		}
		if isString(v.Get("dmPolicy"), "open") {
			seen[scope+".dmPolicy"] = true
		}
		for _, m := range v.Pairs() {
			visit(m.Value, scope+"."+m.Key, depth+1)
		}
	}
	for _, m := range root.Get("channels").Pairs() {
		visit(loadedChannel(compat, m.Key, m.Value), "channels."+m.Key, 0)
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// MultiUserSignals lists the signals that more than one person can reach
// the gateway: per channel and per account, groupPolicy "open", groupPolicy
// "allowlist" with configured groups/guilds/channels/rooms, dmPolicy "open",
// "*" in allowFrom or groupAllowFrom, dm.policy "open", "*" in dm.allowFrom.
// 2026.4.14 inspects each channel and account object as written; 2026.9.6
// merges account values over the channel's, so channel-level signals repeat
// per account. Signals are unique, in discovery order.
func MultiUserSignals(compat check.Compat, root *config.Value) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	inspect := func(get func(keys ...string) *config.Value, base string) {
		gp, _ := get("groupPolicy").String()
		switch {
		case gp == "open":
			add(base + `.groupPolicy="open"`)
		case gp == "allowlist" && hasGroupTargets(get):
			add(base + `.groupPolicy="allowlist" with configured group targets`)
		}
		if isString(get("dmPolicy"), "open") {
			add(base + `.dmPolicy="open"`)
		}
		if hasWildcard(get("allowFrom")) {
			add(base + `.allowFrom includes "*"`)
		}
		if hasWildcard(get("groupAllowFrom")) {
			add(base + `.groupAllowFrom includes "*"`)
		}
		if dm := get("dm"); dm.IsObject() {
			if isString(dm.Get("policy"), "open") {
				add(base + `.dm.policy="open"`)
			}
			if hasWildcard(dm.Get("allowFrom")) {
				add(base + `.dm.allowFrom includes "*"`)
			}
		}
	}
	for _, m := range rawChannels(compat, root) {
		ch := m.Value
		base := "channels." + m.Key
		chGet := ch.Get
		inspect(chGet, base)
		for _, a := range ch.Get("accounts").Pairs() {
			if !a.Value.IsObject() {
				continue
			}
			acct := a.Value
			get := acct.Get
			if compat.Is96() {
				get = func(keys ...string) *config.Value {
					// A shallow merge: an account key, even null, hides the channel's.
					if acct.Has(keys[0]) {
						return acct.Get(keys...)
					}
					return chGet(keys...)
				}
			}
			inspect(get, base+".accounts."+a.Key)
		}
	}
	return out
}

func hasGroupTargets(get func(keys ...string) *config.Value) bool {
	for _, k := range []string{"groups", "guilds", "channels", "rooms"} {
		v := get(k)
		if v.Len() > 0 && (v.IsObject() || v.IsArray()) {
			return true
		}
	}
	return false
}

func hasWildcard(list *config.Value) bool {
	for _, e := range list.Items() {
		if s, ok := e.String(); ok && strings.TrimSpace(s) == "*" {
			return true
		}
	}
	return false
}

func isString(v *config.Value, want string) bool {
	s, ok := v.String()
	return ok && s == want
}

// ExecScope is one place the exec security of the exposure checks applies:
// the global scope and each roster agent.
type ExecScope struct {
	ID       string
	Security string // deny, allowlist, full, or whatever is configured
	Host     string
}

// ExecScopes are the scopes tools.exec.security_full_configured and
// security.exposure.open_channels_with_exec look at. An unset security
// counts as "deny" here, although host exec defaults to "full" at runtime
// (a known upstream gap that clawcheck follows for compatibility).
//
// 2026.4.14: the global scope is "main" with tools.exec.security ?? "deny";
// each agents.list entry with a string id adds its own scope inheriting
// from the global one. 2026.9.6 names the global scope after the default
// agent (or "global") and honours tools.exec.mode, which implies a
// security. Scopes are keyed by id: a later scope with the same id replaces
// an earlier one in place.
func ExecScopes(compat check.Compat, root *config.Value) []ExecScope {
	gexec := root.Get("tools", "exec")
	globalSecurity := gexec.Get("security").StringOr("deny")
	if compat.Is96() {
		globalSecurity = securityForMode(gexec.Get("mode"), globalSecurity)
	}
	globalHost := gexec.Get("host").StringOr("auto")

	var scopes []ExecScope
	put := func(s ExecScope) {
		for i := range scopes {
			if scopes[i].ID == s.ID {
				scopes[i] = s
				return
			}
		}
		scopes = append(scopes, s)
	}
	globalID := "main"
	roster := toolpolicy.Roster(root)
	if compat.Is96() {
		globalID = "global"
		switch {
		case len(roster) == 0 && !toolpolicy.HasRoster(root):
			globalID = "main"
		case len(roster) == 1:
			globalID = roster[0].Norm
		}
	}
	put(ExecScope{ID: globalID, Security: globalSecurity, Host: globalHost})
	for _, a := range roster {
		aexec := a.Value.Get("tools", "exec")
		sec := aexec.Get("security").StringOr(globalSecurity)
		if compat.Is96() {
			sec = securityForMode(aexec.Get("mode"), sec)
		}
		put(ExecScope{ID: a.ID, Security: sec, Host: aexec.Get("host").StringOr(globalHost)})
	}
	return scopes
}

// securityForMode applies 2026.9.6's tools.exec.mode, which overrides the
// security it implies.
func securityForMode(mode *config.Value, security string) string {
	switch mode.Trimmed() {
	case "deny":
		return "deny"
	case "allowlist", "ask", "auto":
		return "allowlist"
	case "full":
		return "full"
	}
	return security
}
