package channels

import (
	"fmt"
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// Per-plugin string warnings and audit findings of 2026.4.14's bundled
// channel plugins, in the order each plugin produces them.

func googleChatWarnings(_ *block, a *account) []warning {
	v, path := a.located("dm", "policy")
	if v.StringOr("") != "open" {
		return nil
	}
	return []warning{{sev: check.Warn, detail: fmt.Sprintf("%s is \"open\": any Google Chat user can start a direct conversation with the bot.", path), loc: check.At(v, path)}}
}

func matrixWarnings(b *block, a *account) []warning {
	// Only the default account's invite handling is checked.
	if !a.isDefault {
		return nil
	}
	v, path := a.located("autoJoin")
	if v.StringOr("") != "always" {
		return nil
	}
	return []warning{{sev: check.Warn, detail: fmt.Sprintf("%s is \"always\": the bot joins every room it is invited to before any sender policy applies.", path), loc: check.At(v, path)}}
}

func ircWarnings(b *block, a *account) []warning {
	var out []warning
	if tls, path := a.located("tls"); tls.IsFalse() {
		out = append(out, warning{sev: check.Info, detail: fmt.Sprintf("%s is false: IRC traffic and the bot's credentials cross the network in plaintext (TLS disabled).", path), loc: check.At(tls, path)})
	}
	register, path := a.located("nickserv", "register")
	if !register.Truthy() {
		return out
	}
	out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s is on: the bot sends a NickServ REGISTER on every connect.", path), loc: check.At(register, path)})
	ns := a.cfg.Get("nickserv")
	hasPassword := ns.Get("password").Trimmed() != "" || b.readableFile(ns.Get("passwordFile").Trimmed()) ||
		(a.isDefault && strings.TrimSpace(b.p.Env["IRC_NICKSERV_PASSWORD"]) != "")
	if !hasPassword {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s is on but no NickServ password is set (nickserv.password, nickserv.passwordFile or IRC_NICKSERV_PASSWORD), so the nick can be claimed by someone else.", path), loc: check.At(register, path)})
	}
	return out
}

// synologyAccount is a Synology Chat account as the plugin resolves it:
// settings fall back to the SYNOLOGY_* environment variables, and the
// webhook path to the plugin's default route.
type synologyAccount struct {
	token, incomingURL, webhookPath string
	allowed                         []string
	enabled                         bool
	inheritedPath                   bool // a named account takes the channel's explicit path
	inheritOptIn                    bool
}

const synologyDefaultWebhook = "/webhook/synology"

func (b *block) synology(a *account) synologyAccount {
	c := a.cfg
	env := func(k string) string { return b.p.Env[k] }
	s := synologyAccount{enabled: !c.Get("enabled").IsFalse()}
	s.token = c.Get("token").StringOr(env("SYNOLOGY_CHAT_TOKEN"))
	if c.Get("token").IsObject() {
		s.token = "(ref)"
	}
	s.incomingURL = c.Get("incomingUrl").StringOr(env("SYNOLOGY_CHAT_INCOMING_URL"))
	s.webhookPath = c.Get("webhookPath").StringOr(synologyDefaultWebhook)
	s.allowed = synologyAllowed(b, a)
	channel := a.top
	explicit := func(v *config.Value) bool { return v.Get("webhookPath").Trimmed() != "" }
	own := a.entry
	if a.id == "default" {
		own = channel
	}
	s.inheritedPath = a.id != "default" && !explicit(own) && explicit(channel)
	s.inheritOptIn = own.Get("dangerouslyAllowInheritedWebhookPath").Truthy() ||
		!own.Has("dangerouslyAllowInheritedWebhookPath") && channel.Get("dangerouslyAllowInheritedWebhookPath").Truthy()
	return s
}

// synologyAllowed: allowedUserIds as a list or a comma-separated string,
// else SYNOLOGY_ALLOWED_USER_IDS.
func synologyAllowed(b *block, a *account) []string {
	ids := a.cfg.Get("allowedUserIds")
	if ids.IsArray() {
		return entries(ids)
	}
	var out []string
	for _, part := range strings.Split(ids.StringOr(b.p.Env["SYNOLOGY_ALLOWED_USER_IDS"]), ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func synologyWarnings(b *block, a *account) []warning {
	var out []warning
	s := b.synology(a)
	if s.token == "" {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s is not set (nor SYNOLOGY_CHAT_TOKEN): the Synology Chat webhook cannot authenticate requests and rejects them all.", a.path("token"))})
	}
	if s.incomingURL == "" {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s is not set (nor SYNOLOGY_CHAT_INCOMING_URL): the bot has no way to post replies.", a.path("incomingUrl"))})
	}
	if v, path := a.located("allowInsecureSsl"); v.Truthy() {
		out = append(out, warning{sev: check.Info, detail: fmt.Sprintf("%s is on: TLS certificates of the NAS are not verified (acceptable only for a local NAS with a self-signed certificate).", path), loc: check.At(v, path)})
	}
	if v, path := a.located("dangerouslyAllowNameMatching"); v.Truthy() {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s is on: reply recipients are matched by user name or nickname, which users can change.", path), loc: check.At(v, path)})
	}
	if s.inheritOptIn && s.inheritedPath {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s shares the channel's webhook path %s on purpose (dangerouslyAllowInheritedWebhookPath); requests cannot be told apart by route.", strings.TrimSuffix(a.base, "."), s.webhookPath)})
	}
	policyValue, policyPath := a.located("dmPolicy")
	policy := policyValue.StringOr("allowlist")
	switch {
	case policy == "open":
		out = append(out, warning{sev: check.Critical, detail: fmt.Sprintf("%s is \"open\": any Synology Chat user can message the bot.", policyPath), loc: check.At(policyValue, policyPath)})
	case policy == "allowlist" && len(s.allowed) == 0:
		out = append(out, warning{sev: check.Critical, detail: fmt.Sprintf("%s is \"allowlist\" but %s is empty: every sender is refused.", a.path("dmPolicy"), a.path("allowedUserIds")), loc: check.At(policyValue, policyPath)})
	}
	// Routing: every account needs a webhook path of its own.
	if len(a.all) > 1 && s.inheritedPath && !s.inheritOptIn {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("%s has no webhookPath of its own in a multi-account setup and would share the channel's %s; the route is refused.", strings.TrimSuffix(a.base, "."), s.webhookPath)})
	}
	var clash []string
	for _, other := range a.all {
		if other.id != a.id && b.synology(other).enabled && b.synology(other).webhookPath == s.webhookPath {
			clash = append(clash, other.id)
		}
	}
	sort.Strings(clash)
	if len(clash) > 0 {
		out = append(out, warning{sev: check.Warn, detail: fmt.Sprintf("Synology Chat account %s uses webhook path %s like %s; the shared route is refused.", a.id, s.webhookPath, strings.Join(clash, ", "))})
	}
	return out
}

func synologyAudit(b *block, a *account, _ []*account) {
	v, path := a.located("dangerouslyAllowNameMatching")
	if !v.Truthy() {
		return
	}
	b.add(item{
		id:     "channels.synology-chat.reply.dangerous_name_matching_enabled",
		sev:    check.Info,
		detail: fmt.Sprintf("%s is on: replies may be delivered to whoever currently holds a user name or nickname.", path),
		loc:    check.At(v, path),
	})
}

// feishuAudit: the document tool can share new documents with the
// requesting user, so any sender who reaches the bot can obtain access.
func feishuAudit(b *block, _ *account, _ []*account) {
	ch := b.root.Get("channels", "feishu")
	if ch.Get("enabled").IsFalse() {
		return
	}
	docOn := func(scope *config.Value) bool {
		if d := scope.Get("tools", "doc"); d.Present() {
			return !d.IsFalse()
		}
		return !ch.Get("tools", "doc").IsFalse()
	}
	enabled := false
	if accounts := ch.Get("accounts"); accounts.Len() == 0 {
		enabled = docOn(ch) && ch.Get("appId").Trimmed() != "" && isSet(ch.Get("appSecret"))
	} else {
		for _, m := range accounts.Pairs() {
			acct := m.Value
			if acct.Get("enabled").IsFalse() {
				continue
			}
			appID := acct.Get("appId").Trimmed() != "" || ch.Get("appId").Trimmed() != ""
			secret := isSet(acct.Get("appSecret")) || isSet(ch.Get("appSecret"))
			if docOn(acct) && appID && secret {
				enabled = true
				break
			}
		}
	}
	if !enabled {
		return
	}
	b.add(item{
		id:     "channels.feishu.doc_owner_open_id",
		sev:    check.Warn,
		detail: "The Feishu document tool is enabled (channels.feishu tools.doc is not false): creating a document can grant the requesting Feishu user access to it.",
		loc:    check.At(ch.Get("tools", "doc"), "channels.feishu.tools.doc"),
	})
}

// nativeSetting resolves a commands.native / commands.nativeSkills switch:
// the account's true/false/"auto", else the global one; true and false
// decide, anything else means the channel's default.
func nativeSetting(a *account, global *config.Value, key string, def bool) bool {
	setting := a.cfg.Get("commands", key)
	if !setting.IsTrue() && !setting.IsFalse() && setting.StringOr("") != "auto" {
		setting = global
	}
	switch {
	case setting.IsTrue():
		return true
	case setting.IsFalse():
		return false
	}
	return def
}

func discordAudit(b *block, a *account, _ []*account) {
	cfg := a.cfg
	breakGlass := cfg.Get("dangerouslyAllowNameMatching").IsTrue()
	prefix := "channels.discord"
	if a.several || a.explicit {
		prefix = "channels.discord.accounts." + a.id
	}
	storeEntries := b.store("discord", a.id)
	var labels []string
	seen := map[string]bool{}
	addLabels := func(source string, list []string) {
		for _, e := range list {
			if !openclaw.MutableAllowEntry("discord", e) {
				continue
			}
			l := source + ":" + e
			if !seen[l] {
				seen[l] = true
				labels = append(labels, l)
			}
		}
	}
	addLabels(prefix+".allowFrom", entries(cfg.Get("allowFrom")))
	addLabels(prefix+".dm.allowFrom", entries(cfg.Get("dm", "allowFrom")))
	addLabels(b.storeLabel("discord"), storeEntries)
	guilds := cfg.Get("guilds")
	for _, g := range guilds.Pairs() {
		if !g.Value.IsObject() {
			continue
		}
		addLabels(prefix+".guilds."+g.Key+".users", entries(g.Value.Get("users")))
		for _, c := range g.Value.Get("channels").Pairs() {
			if c.Value.IsObject() {
				addLabels(prefix+".guilds."+g.Key+".channels."+c.Key+".users", entries(c.Value.Get("users")))
			}
		}
	}
	if len(labels) > 0 {
		sev, note := check.Warn, "Names and tags are not unique and can be changed, so another account can take over an entry"
		if breakGlass {
			sev, note = check.Info, "Name and tag matching is deliberately enabled with dangerouslyAllowNameMatching"
		}
		b.add(item{
			id:     "channels.discord.allowFrom.name_based_entries",
			sev:    sev,
			detail: fmt.Sprintf("%s. Entries that are not stable Discord ids: %s.", note, examples(labels)),
			loc:    check.At(cfg.Get("allowFrom"), prefix+".allowFrom"),
		})
	}

	commands := b.root.Get("commands")
	if !nativeSetting(a, commands.Get("native"), "native", true) && !nativeSetting(a, commands.Get("nativeSkills"), "nativeSkills", true) {
		return
	}
	policy := cfg.Get("groupPolicy").StringOr("allowlist")
	usersAllowlist := false
	for _, g := range guilds.Pairs() {
		if g.Value.Get("users").Len() > 0 && g.Value.Get("users").IsArray() {
			usersAllowlist = true
		}
		for _, c := range g.Value.Get("channels").Pairs() {
			if c.Value.Get("users").IsArray() && c.Value.Get("users").Len() > 0 {
				usersAllowlist = true
			}
		}
	}
	owners := len(entries(cfg.Get("dm", "allowFrom")))+len(storeEntries) > 0
	accessGroupsOff := commands.Get("useAccessGroups").IsFalse()
	if policy == "disabled" || guilds.Len() == 0 || !guilds.IsObject() || usersAllowlist {
		return
	}
	switch {
	case accessGroupsOff:
		b.add(item{
			id:     "channels.discord.commands.native.unrestricted",
			sev:    check.Critical,
			detail: fmt.Sprintf("commands.useAccessGroups is false and no guild or channel users list exists in %s.guilds, so anyone in an allowed guild channel can run slash commands.", prefix),
			loc:    check.At(commands.Get("useAccessGroups"), "commands.useAccessGroups"),
		})
	case !owners:
		b.add(item{
			id:     "channels.discord.commands.native.no_allowlists",
			sev:    check.Warn,
			detail: fmt.Sprintf("Discord slash commands are on for %s, but there is no owner list (pairing store) and no guild or channel users list, so every command is refused.", prefix),
		})
	}
}

func slackAudit(b *block, a *account, _ []*account) {
	cfg := a.cfg
	commands := b.root.Get("commands")
	on := cfg.Get("slashCommand", "enabled").IsTrue() ||
		nativeSetting(a, commands.Get("native"), "native", false) ||
		nativeSetting(a, commands.Get("nativeSkills"), "nativeSkills", false)
	if !on {
		return
	}
	if commands.Get("useAccessGroups").IsFalse() {
		b.add(item{
			id:     "channels.slack.commands.slash.useAccessGroups_off",
			sev:    check.Critical,
			detail: "Slack slash or native commands are on and commands.useAccessGroups is false, so commands are accepted from channels and users nobody authorized.",
			loc:    check.At(commands.Get("useAccessGroups"), "commands.useAccessGroups"),
		})
		return
	}
	owners := len(entries(cfg.Get("allowFrom")))+len(b.store("slack", a.id)) > 0
	users := false
	for _, c := range cfg.Get("channels").Pairs() {
		if c.Value.Get("users").IsArray() && c.Value.Get("users").Len() > 0 {
			users = true
		}
	}
	if !owners && !users {
		b.add(item{
			id:     "channels.slack.commands.slash.no_allowlists",
			sev:    check.Warn,
			detail: "Slack slash or native commands are on, but there is no owner allowFrom list (config or pairing store) and no channels.<id>.users list, so every command is refused.",
		})
	}
}

// telegramAudit: who may run commands in groups the bot serves.
func telegramAudit(b *block, a *account, _ []*account) {
	if b.root.Get("commands", "text").IsFalse() {
		return
	}
	cfg := a.cfg
	policy := cfg.Get("groupPolicy").StringOr("allowlist")
	groups := cfg.Get("groups")
	if !(policy == "open" || policy == "allowlist" && groups.Len() > 0 && groups.IsObject()) {
		return
	}
	storeEntries := b.store("telegram", a.id)
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
	collect(storeEntries)
	groupAllow := entries(cfg.Get("groupAllowFrom"))
	wildcard := false
	for _, e := range cfg.Get("groupAllowFrom").Items() {
		if s, ok := jsString(e); ok && strings.TrimSpace(s) == "*" {
			wildcard = true
		}
	}
	collect(groupAllow)
	collect(entries(cfg.Get("allowFrom")))
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
				if l.Len() > 0 {
					override = true
				}
				collect(entries(l))
			}
		}
	}
	hasSenders := len(storeEntries) > 0 || cfg.Get("groupAllowFrom").Len() > 0 && cfg.Get("groupAllowFrom").IsArray() || override
	if len(invalid) > 0 {
		b.add(item{
			id:     "channels.telegram.allowFrom.invalid_entries",
			sev:    check.Warn,
			detail: fmt.Sprintf("Telegram matches senders by numeric user id only; these entries can never match: %s.", examples(invalid)),
		})
	}
	if wildcard {
		v, path := a.located("groupAllowFrom")
		b.add(item{
			id:     "channels.telegram.groups.allowFrom.wildcard",
			sev:    check.Critical,
			detail: "The Telegram group sender allowlist contains \"*\": any member of a served group can run commands and directives.",
			loc:    check.At(v, path),
		})
		return
	}
	if !hasSenders {
		v, path := a.located("groupPolicy")
		b.add(item{
			id:     "channels.telegram.groups.allowFrom.missing",
			sev:    check.Critical,
			detail: "Telegram groups are served but no group sender allowlist exists (groupAllowFrom, groups.<id>.allowFrom or the pairing store): any group member can run commands.",
			loc:    check.At(v, path),
		})
	}
}
