package channels

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// run96 is the channel block under profile 2026.9. 2026.9.6's CLI never
// reaches its channel audit (it loads setup entries without security
// adapters); clawcheck runs that audit as the release defines it for the
// channels it knows: Telegram, whose full plugin 2026.9.6 bundles (DM
// policy, DM routing and session collisions, open groups), the open-group
// findings of the Discord, Slack and WhatsApp packages, and Reef. The
// mutable-identifier scan for six channels is clawcheck's own.
func (b *block) run96() {
	for _, ch := range []string{"discord", "googlechat", "msteams", "mattermost", "irc", "slack"} {
		b.nameBasedFor(ch)
	}
	var routes []dmPrincipal
	channels := b.root.Get("channels")
	for _, id := range []string{"discord", "whatsapp", "reef", "slack", "telegram"} {
		if id == "reef" {
			b.reef96()
			continue
		}
		raw := channels.Get(id)
		if !raw.IsObject() {
			continue
		}
		pl := plugin414(id)
		var accounts []*account
		if id == "telegram" {
			accounts = boundDefaultFirst(b, telegramAccounts96(b, raw))
		} else {
			accounts = accountsOf(id, loaded(id, raw, b.p.Compat), false)
		}
		for _, a := range accounts {
			if a.cfg.Get("enabled").IsFalse() || !pl.configured(b, a) {
				continue
			}
			if id == "telegram" {
				def := accounts[0].id
				if bound, ok := openclaw.BoundDefaultAccount96(b.root, id); ok {
					def = bound
				}
				routes = append(routes, b.telegram96(a, def)...)
			}
			b.openGroups96(a)
			switch id {
			case "telegram":
				b.telegramAudit96(a)
			case "discord":
				b.discordBroadMembers96(a)
			}
		}
	}
	b.collisions96(routes)
}

// telegramAccounts96 resolves Telegram's accounts as 2026.9.6 does: no
// settings move into an implicit default account (named accounts inherit
// the top level), top-level credentials add a "default" account, and each
// account is merged by merge96.
func telegramAccounts96(b *block, raw *config.Value) []*account {
	v := raw.Clone()
	implicit := isSet(v.Get("botToken")) || isSet(v.Get("tokenFile")) || strings.TrimSpace(b.p.Env["TELEGRAM_BOT_TOKEN"]) != ""
	accounts := accountsOf("telegram", v, implicit)
	for _, a := range accounts {
		a.cfg = merge96(v, a.entry)
	}
	return accounts
}

// merge96 is 2026.9.6's Telegram account merge: the account's settings
// over the channel's; an empty account capabilities list (and, with at most
// one account, an empty groups object) falls back to the channel's; and a
// "*" in the account allowFrom is dropped when the channel's allowFrom
// names real senders (the channel's list is used if nothing else is left).
func merge96(channel, entry *config.Value) *config.Value {
	out := config.NewObject()
	for _, m := range channel.Pairs() {
		if m.Key != "accounts" && m.Key != "defaultAccount" {
			out.Set(m.Key, m.Value, m.KeyOrigin)
		}
	}
	for _, m := range entry.Pairs() {
		out.Set(m.Key, m.Value, m.KeyOrigin)
	}
	if c := entry.Get("capabilities"); c.IsArray() && c.Len() == 0 {
		inherit(out, channel, "capabilities")
	}
	if g := entry.Get("groups"); g.IsObject() && g.Len() == 0 && channel.Get("accounts").Len() <= 1 {
		inherit(out, channel, "groups")
	}
	rootAllow, own := channel.Get("allowFrom"), entry.Get("allowFrom")
	if rootAllow.IsArray() && own.IsArray() {
		real, star := false, false
		for _, e := range rootAllow.Items() {
			if s, ok := jsString(e); ok && strings.TrimSpace(s) != "" && strings.TrimSpace(s) != "*" {
				real = true
			}
		}
		kept := &config.Value{Kind: config.Array}
		for _, e := range own.Items() {
			if s, ok := jsString(e); ok && strings.TrimSpace(s) == "*" {
				star = true
				continue
			}
			kept.Elems = append(kept.Elems, e)
		}
		if real && star {
			if kept.Len() == 0 {
				kept = rootAllow
			}
			out.Set("allowFrom", kept, config.Origin{})
		}
	}
	if channel.Get("enabled").IsFalse() {
		out.Set("enabled", channel.Get("enabled"), config.Origin{})
	}
	return out
}

func inherit(out, channel *config.Value, key string) {
	if v := channel.Get(key); v != nil {
		out.Set(key, v, config.Origin{})
	} else {
		out.Delete(key)
	}
}

// boundDefaultFirst: a Telegram account bound to the owning agent is the
// channel's default account, audited first.
func boundDefaultFirst(b *block, accounts []*account) []*account {
	id, ok := openclaw.BoundDefaultAccount96(b.root, "telegram")
	if !ok {
		return accounts
	}
	for i, a := range accounts {
		if a.id == id {
			out := append([]*account{a}, accounts[:i]...)
			return append(out, accounts[i+1:]...)
		}
	}
	return accounts
}

func plugin414(id string) *plugin {
	for _, pl := range plugins414 {
		if pl.id == id {
			return pl
		}
	}
	panic("channels: no plugin " + id)
}

// openGroups96: the account's effective group policy (its own, else
// channels.defaults.groupPolicy, else allowlist) is open.
func (b *block) openGroups96(a *account) {
	v, path := a.located("groupPolicy")
	policy, ok := v.String()
	if !ok {
		v = b.root.Get("channels", "defaults", "groupPolicy")
		path = "channels.defaults.groupPolicy"
		policy, ok = v.String()
	}
	if !ok || policy != "open" {
		return
	}
	routes := map[string]string{"telegram": "groups", "whatsapp": "groups", "discord": "guilds", "slack": "channels"}[a.channel]
	detail := fmt.Sprintf("%s is \"open\"%s: any group the bot is added to can trigger it, subject only to mention gating.", path, a.label())
	// Upstream words the finding one way with a route list and another
	// without, the same for every account.
	same := "no routes"
	if a.cfg.Get(routes).Len() > 0 {
		same = "routes"
		detail += fmt.Sprintf(" %s limits where it listens, not which members may talk to it.", a.base+routes)
	} else {
		detail += fmt.Sprintf(" No %s list limits where it listens.", a.base+routes)
	}
	b.add(item{
		id:     "channels." + a.channel + ".groups.open",
		sev:    check.Warn,
		detail: detail,
		loc:    check.At(v, path),
		same:   same,
	})
}

// discordBroadMembers96: under an allowlist group policy, the listed
// guilds (or, where a guild lists channels, its enabled channel entries)
// whose effective users and roles admit every member.
func (b *block) discordBroadMembers96(a *account) {
	policy, ok := a.cfg.Get("groupPolicy").String()
	if !ok {
		policy = b.root.Get("channels", "defaults", "groupPolicy").StringOr("allowlist")
	}
	if policy != "allowlist" {
		return
	}
	// restricts reports whether a scope's users/roles narrow who may talk
	// (a sender matching either list is admitted, so "*" in either admits
	// everyone), and whether the scope has such lists at all.
	restricts := func(scope *config.Value) (narrow, set bool) {
		users, roles := entries(scope.Get("users")), entries(scope.Get("roles"))
		set = scope.Get("users").IsArray() || scope.Get("roles").IsArray()
		narrow = len(users)+len(roles) > 0 && !containsString(users, "*") && !containsString(roles, "*")
		return narrow, set
	}
	guildsValue, guildsPath := a.located("guilds")
	var broad []string
	for _, g := range guildsValue.Pairs() {
		if !g.Value.IsObject() || g.Value.Get("enabled").IsFalse() {
			continue
		}
		guildNarrow, _ := restricts(g.Value)
		var listed []config.Member
		for _, c := range g.Value.Get("channels").Pairs() {
			if c.Value.IsObject() && !c.Value.Get("enabled").IsFalse() && !c.Value.Get("allow").IsFalse() {
				listed = append(listed, c)
			}
		}
		if g.Value.Get("channels").Len() == 0 {
			if !guildNarrow {
				broad = append(broad, guildsPath+"."+g.Key)
			}
			continue
		}
		for _, c := range listed {
			narrow, set := restricts(c.Value)
			if !set {
				narrow = guildNarrow
			}
			if !narrow {
				broad = append(broad, guildsPath+"."+g.Key+".channels."+c.Key)
			}
		}
	}
	if len(broad) == 0 {
		return
	}
	b.add(item{
		id:     "channels.discord.allowlisted_groups.broad_members",
		sev:    check.Warn,
		detail: fmt.Sprintf("Discord%s listens in allowlisted places where any member may trigger it (no users or roles restriction): %s.", a.label(), examples(broad)),
		loc:    check.At(guildsValue, guildsPath),
	})
}

// telegramAudit96 is 2026.9.6's Telegram group-command audit. Unlike
// 2026.4.14 it always checks the account allowFrom for entries that are not
// user ids, and the group policy falls back to channels.defaults.
func (b *block) telegramAudit96(a *account) {
	cfg := a.cfg
	var invalid []string
	seen := map[string]bool{}
	collect := func(list []string) {
		for _, e := range list {
			n := openclaw.TelegramAllowEntry(e)
			if openclaw.TelegramEntryInvalid(n) && !seen[n] {
				seen[n] = true
				invalid = append(invalid, n)
			}
		}
	}
	report := func() {
		if len(invalid) == 0 {
			return
		}
		v, path := a.located("allowFrom")
		b.add(item{
			id:     "channels.telegram.allowFrom.invalid_entries",
			sev:    check.Warn,
			detail: fmt.Sprintf("Telegram matches senders by numeric user id only; these allowlist entries can never match: %s.", examples(invalid)),
			loc:    check.At(v, path),
		})
	}
	collect(entries(cfg.Get("allowFrom")))
	policy, ok := cfg.Get("groupPolicy").String()
	if !ok {
		policy = b.root.Get("channels", "defaults", "groupPolicy").StringOr("allowlist")
	}
	groups := cfg.Get("groups")
	if b.root.Get("commands", "text").IsFalse() ||
		!(policy == "open" || policy == "allowlist" && groups.IsObject() && groups.Len() > 0) {
		report()
		return
	}
	storeEntries := b.store("telegram", a.id)
	collect(storeEntries)
	groupAllow := cfg.Get("groupAllowFrom")
	wildcard := false
	for _, e := range groupAllow.Items() {
		if s, ok := jsString(e); ok && strings.TrimSpace(s) == "*" {
			wildcard = true
		}
	}
	collect(entries(groupAllow))
	override := false
	for _, g := range groups.Pairs() {
		if !g.Value.IsObject() {
			continue
		}
		if l := g.Value.Get("allowFrom"); l.IsArray() && l.Len() > 0 {
			override = true
			collect(entries(l))
		}
		for _, t := range g.Value.Get("topics").Pairs() {
			if l := t.Value.Get("allowFrom"); l.IsArray() {
				override = override || l.Len() > 0
				collect(entries(l))
			}
		}
	}
	report()
	if wildcard {
		v, path := a.located("groupAllowFrom")
		b.add(item{
			id:     "channels.telegram.groups.allowFrom.wildcard",
			sev:    check.Critical,
			detail: fmt.Sprintf("%s contains \"*\": any member of a served group can run commands and directives.", path),
			loc:    check.At(v, path),
			same:   "wildcard",
		})
		return
	}
	if len(storeEntries) == 0 && !(groupAllow.IsArray() && groupAllow.Len() > 0) && !override {
		v, path := a.located("groupPolicy")
		b.add(item{
			id:     "channels.telegram.groups.allowFrom.missing",
			sev:    check.Critical,
			detail: fmt.Sprintf("Telegram groups are served%s but no group sender allowlist exists (groupAllowFrom, groups.<id>.allowFrom or the pairing store): any group member can run commands.", a.label()),
			loc:    check.At(v, path),
			same:   "missing",
		})
	}
}

// dmPrincipal is one admitted DM sender placed in a session bucket.
type dmPrincipal struct {
	accountKey string // "<channel>-<account>"
	logical    string // who the sender is
	bucket     string // agent id, NUL, session key or symbolic namespace
}

// telegram96 runs 2026.9.6's DM checks for one Telegram account and returns
// where its admitted senders' sessions go. defaultAccount is the channel's
// default account id.
func (b *block) telegram96(a *account, defaultAccount string) []dmPrincipal {
	if a.cfg.Get("dangerouslyAllowNameMatching").IsTrue() {
		v, path := a.located("dangerouslyAllowNameMatching")
		b.add(item{
			id:     "channels.telegram.allowFrom.dangerous_name_matching_enabled",
			sev:    check.Info,
			detail: fmt.Sprintf("%s is true%s: senders may be matched by names their owners can change.", path, a.label()),
			key:    a.label(),
			loc:    check.At(v, path),
		})
	}
	policyValue, policyPath := a.located("dmPolicy")
	policy := "pairing"
	if s, ok := policyValue.String(); ok {
		policy = s
	}
	_, allowPath := a.located("allowFrom")
	var wildcard bool
	var admitted []string
	seen := map[string]bool{}
	admit := func(e string) {
		n := strings.TrimSpace(openclaw.TelegramAllowEntry(e))
		if n != "" && !seen[n] {
			seen[n] = true
			admitted = append(admitted, n)
		}
	}
	for _, e := range entries(a.cfg.Get("allowFrom")) {
		if e == "*" {
			wildcard = true
			continue
		}
		admit(e)
	}
	// The pairing store counts only where the policy consults it.
	storeRead := policy != "allowlist" && policy != "open"
	if storeRead {
		for _, e := range b.store("telegram", a.id) {
			admit(e)
		}
	}
	label := a.label()
	switch policy {
	case "open":
		b.add(item{
			id:     "channels.telegram.dm.open",
			sev:    check.Critical,
			detail: fmt.Sprintf("%s is \"open\"%s: anyone who finds the bot can message it and drive the agent.", policyPath, label),
			loc:    check.At(policyValue, policyPath),
		})
		if !wildcard {
			b.add(item{
				id:     "channels.telegram.dm.open_invalid",
				sev:    check.Warn,
				detail: fmt.Sprintf("%s is \"open\"%s but %s has no \"*\" entry, so the setting does not say what it means.", policyPath, label, allowPath),
				loc:    check.At(policyValue, policyPath),
			})
		}
	case "disabled":
		b.add(item{
			id:     "channels.telegram.dm.disabled",
			sev:    check.Info,
			detail: fmt.Sprintf("%s is \"disabled\"%s: direct messages to the bot are dropped.", policyPath, label),
			loc:    check.At(policyValue, policyPath),
		})
		return nil
	}
	if policy != "open" && len(admitted) == 0 && !(storeRead && b.hasStateDB()) {
		b.add(item{
			id:     "channels.telegram.dm.locked",
			sev:    check.Info,
			detail: fmt.Sprintf("%s is %q%s and no sender is admitted yet: %s is empty and nobody has been approved, so every direct message is refused or answered with a pairing code.", policyPath, policy, label, allowPath),
			loc:    check.At(policyValue, policyPath),
		})
	}
	return b.routeDMs96(a, defaultAccount, admitted, wildcard)
}

// hasStateDB: 2026.9.6 keeps pairing approvals in the state database,
// which clawcheck does not read.
func (b *block) hasStateDB() bool {
	if b.p.State == nil {
		return false
	}
	_, ok := b.p.State.Stat(filepath.Join(b.p.Config.Paths.StateDir, "state", "openclaw.sqlite"))
	return ok
}

// routeDMs96 routes every admitted sender, and an unknown sender when the
// allowlist has "*", the way 2026.9.6's Telegram plugin does: a named
// account that no binding claims gets per-account sessions, the others
// follow session.dmScope (or the binding's).
func (b *block) routeDMs96(a *account, defaultAccount string, admitted []string, wildcard bool) []dmPrincipal {
	ch := a.channel
	senders := admitted
	if wildcard {
		for _, id := range openclaw.ExactDMBindingPeers(b.root, ch, a.id) {
			if !containsString(senders, id) {
				senders = append(senders, id)
			}
		}
	}
	var out []dmPrincipal
	record := func(route openclaw.DMRoute, sessionKey, logical string, index bool) {
		p := dmPrincipal{accountKey: ch + "-" + route.AccountID, logical: logical, bucket: route.AgentID + "\x00" + sessionKey}
		out = append(out, p)
		if !index {
			return
		}
		direct := openclaw.DirectChannelOfSessionKey(sessionKey)
		if direct != "" || (sessionKey == route.SessionKey && route.DMScope == "per-peer") {
			p.bucket = route.AgentID + "\x00symbolic:dm:peer"
			out = append(out, p)
		}
		if direct != "" {
			p.bucket = route.AgentID + "\x00symbolic:dm:channel:" + direct
			out = append(out, p)
		}
	}
	ownerless := func(unknown string) {
		detail := fmt.Sprintf("Direct messages to %s%s cannot be routed: several agents are configured and neither a binding for this channel account nor a single default or system agent says which one owns them.",
			ch, a.label())
		if unknown != "" {
			detail = fmt.Sprintf("Direct messages to %s%s cannot be routed: a binding sends them to agent %q, which is not in the agent roster.", ch, a.label(), unknown)
		}
		loc := check.At(b.root.Get("bindings"), "bindings")
		if unknown == "" {
			for _, key := range []string{"entries", "list"} {
				if v := b.root.Get("agents", key); v.Present() {
					loc = check.At(v, "agents."+key)
					break
				}
			}
		}
		b.add(item{
			id:     "channels." + ch + ".routing.owner_missing." + a.id,
			sev:    check.Warn,
			detail: detail,
			loc:    loc,
		})
	}
	isolatedAccount := func(route openclaw.DMRoute) bool {
		return a.id != defaultAccount && route.MatchedBy == "default"
	}
	for _, sender := range senders {
		route, unknown, ok := openclaw.ResolveDMRoute96(b.root, ch, a.id, sender)
		if !ok {
			ownerless(unknown)
			continue
		}
		key := route.SessionKey
		if isolatedAccount(route) {
			key = openclaw.DMSessionKey96(b.root, route.AgentID, ch, a.id, sender, "per-account-channel-peer")
		}
		logical := "direct:" + ch + ":" + route.AccountID + ":" + strings.ToLower(sender)
		if linked, ok := openclaw.LinkedDMPeer96(b.root, ch, sender); ok {
			logical = "linked:" + strings.ToLower(linked)
		}
		record(route, key, logical, true)
	}
	if !wildcard {
		return out
	}
	route, unknown, ok := openclaw.ResolveDMRoute96(b.root, ch, a.id, "")
	switch {
	case !ok:
		ownerless(unknown)
	case isolatedAccount(route) || route.DMScope == "per-account-channel-peer":
		// every unknown sender gets a session of their own
	case route.DMScope == "main":
		for _, n := range []string{"1", "2"} {
			record(route, route.SessionKey, "wildcard:shared:"+ch+"-"+route.AccountID+":"+n, false)
		}
	case route.DMScope == "per-channel-peer" || route.DMScope == "per-peer":
		spaces := []string{"channel:" + ch, "peer"}
		if route.DMScope == "per-peer" {
			spaces = []string{"peer"}
		}
		for _, s := range spaces {
			out = append(out, dmPrincipal{
				accountKey: ch + "-" + route.AccountID,
				logical:    "wildcard:" + route.DMScope + ":" + ch + "-" + route.AccountID,
				bucket:     route.AgentID + "\x00symbolic:dm:" + s,
			})
		}
	}
	return out
}

// collisions96 reports every session bucket that two or more distinct
// admitted senders reach. Symbolic buckets stand for "some sender of this
// kind": they count only when an unknown-sender route feeds them, and a
// per-peer wildcard on an agent covers its per-channel ones.
func (b *block) collisions96(routes []dmPrincipal) {
	var order []string
	byBucket := map[string][]dmPrincipal{}
	for _, r := range routes {
		if _, ok := byBucket[r.bucket]; !ok {
			order = append(order, r.bucket)
		}
		byBucket[r.bucket] = append(byBucket[r.bucket], r)
	}
	distinct := func(rs []dmPrincipal) int {
		set := map[string]bool{}
		for _, r := range rs {
			set[r.logical] = true
		}
		return len(set)
	}
	anyPrefix := func(rs []dmPrincipal, prefix string) bool {
		for _, r := range rs {
			if strings.HasPrefix(r.logical, prefix) {
				return true
			}
		}
		return false
	}
	agentOf := func(bucket string) string { return bucket[:strings.IndexByte(bucket, 0)] }
	var grouped []string
	broad := map[string]bool{}
	for _, k := range order {
		if distinct(byBucket[k]) < 2 {
			continue
		}
		grouped = append(grouped, k)
		if strings.HasSuffix(k, "\x00symbolic:dm:peer") && anyPrefix(byBucket[k], "wildcard:per-peer:") {
			broad[agentOf(k)] = true
		}
	}
	var collisions []string
	for _, k := range grouped {
		switch {
		case !strings.Contains(k, "\x00symbolic:"):
			collisions = append(collisions, k)
		case strings.HasSuffix(k, "\x00symbolic:dm:peer"):
			if anyPrefix(byBucket[k], "wildcard:per-peer:") {
				collisions = append(collisions, k)
			}
		case !broad[agentOf(k)] && anyPrefix(byBucket[k], "wildcard:per-channel-peer:"):
			collisions = append(collisions, k)
		}
	}
	sort.SliceStable(collisions, func(i, j int) bool { return collateLess(collisions[i], collisions[j]) })
	for i, k := range collisions {
		rs := byBucket[k]
		var keys []string
		for _, r := range rs {
			if !containsString(keys, r.accountKey) {
				keys = append(keys, r.accountKey)
			}
		}
		sort.Strings(keys)
		verb := "reach"
		if strings.Contains(k, "\x00symbolic:") {
			verb = "can reach"
		}
		scope := b.root.Get("session", "dmScope")
		detail := fmt.Sprintf("Shared session %d: %d distinct DM senders admitted on %s %s the same session of agent %q (session.dmScope is %q), so each can see the others' conversation.",
			i+1, distinct(rs), strings.Join(keys, ", "), verb, agentOf(k), scope.StringOr("main"))
		b.add(item{
			id:     fmt.Sprintf("channels.dm.session_collision.%s.%d", strings.Join(keys, "_"), i+1),
			sev:    check.Warn,
			detail: detail,
			loc:    check.At(scope, "session.dmScope"),
		})
	}
}

// collateLess orders bucket keys the way 2026.9.6 sorts them (a locale
// comparison): control characters are ignored, punctuation sorts before
// digits, digits before letters, and letters compare case-insensitively
// first.
func collateLess(x, y string) bool {
	weight := func(r rune) (int, rune) {
		switch {
		case unicode.IsLetter(r):
			return 2, unicode.ToLower(r)
		case unicode.IsDigit(r):
			return 1, r
		}
		return 0, r
	}
	strip := func(s string) []rune {
		var out []rune
		for _, r := range s {
			if !unicode.IsControl(r) {
				out = append(out, r)
			}
		}
		return out
	}
	a, b := strip(x), strip(y)
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, ra := weight(a[i])
		cb, rb := weight(b[i])
		if ca != cb {
			return ca < cb
		}
		if ra != rb {
			return ra < rb
		}
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return x < y
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// reef96: 2026.9.6's Reef channel admits nobody until a peer is trusted.
func (b *block) reef96() {
	reef := b.root.Get("channels", "reef")
	// Reef is configured with a handle, an e-mail address and a guard.
	if !reef.IsObject() || reef.Get("enabled").IsFalse() ||
		!reef.Get("handle").Truthy() || !reef.Get("email").Truthy() || !reef.Get("guard").Truthy() {
		return
	}
	// Reef keeps trusted peers in the state database. Without it there is
	// certainly nobody admitted; with it clawcheck cannot tell, so it stays
	// silent rather than guess.
	if b.hasStateDB() {
		return
	}
	b.add(item{
		id:     "channels.reef.dm.locked",
		sev:    check.Info,
		detail: "channels.reef admits no one yet: no peer has been trusted, so every direct message is refused until you trust a peer.",
		loc:    check.At(reef, "channels.reef"),
	})
}
