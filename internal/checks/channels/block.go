package channels

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/state"
)

// The channel block is one upstream collector: it visits the channel plugins
// in plugin order, each plugin's accounts (the default account first), and
// per account emits DM-policy findings, string warnings numbered by the
// block's running count, then the plugin's own audit findings; identical
// findings are dropped at the end. Every check of this package computes the
// whole block and reports its own share, with Finding.Group set to the
// finding's position, so the engine reproduces the block's order however the
// findings are split between checks.

// item is one finding of the block before it is handed to a check.
type item struct {
	id     string
	sev    check.Severity
	detail string
	// key distinguishes findings whose detail is the same but whose upstream
	// title differs (the account note of dangerous name matching).
	key string
	loc *check.Location
	// ours marks clawcheck's additions, which upstream's warning numbering
	// does not count.
	ours bool
	// same, when set, replaces the detail in de-duplication: upstream's
	// text for the finding is the same for every account that shares it,
	// while ours names each account's own path.
	same string
}

// runBlock computes the channel block for the pass's profile.
func runBlock(p *check.Pass) []item {
	b := &block{p: p, root: p.Root()}
	if p.Compat.Is96() {
		b.run96()
	} else {
		b.run414()
	}
	return dedupe(b.items)
}

type block struct {
	p     *check.Pass
	root  *config.Value
	items []item
	// upstream counts the findings upstream itself would have collected so
	// far; warning.<n> is numbered from it.
	upstream int
}

func (b *block) add(it item) {
	b.items = append(b.items, it)
	if !it.ours {
		b.upstream++
	}
}

func dedupe(items []item) []item {
	seen := map[string]bool{}
	var out []item
	for _, it := range items {
		k := it.id + "\n" + string(it.sev) + "\n" + it.detail + "\n" + it.key
		if it.same != "" {
			k = it.id + "\n" + string(it.sev) + "\n\x00" + it.same
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, it)
	}
	return out
}

// account is one resolved channel account.
type account struct {
	channel   string
	id        string
	cfg       *config.Value // the channel's settings with the account's merged over them
	entry     *config.Value // channels.<ch>.accounts.<id> as loaded, nil when absent
	explicit  bool          // accounts.<id> exists as written
	base      string        // "channels.<ch>." or "channels.<ch>.accounts.<id>."
	several   bool          // the channel has more than one account to audit
	isDefault bool          // the channel's default account
	all       []*account    // every account of the channel, this one included
	top       *config.Value // the channel as loaded
}

// label names the account for details: "" for a lone implicit account.
func (a *account) label() string {
	if a.several || a.explicit {
		return " (account " + a.id + ")"
	}
	return ""
}

// normalizeAccountID is upstream's account id normalisation: trimmed and
// lower-cased, "default" when empty.
func normalizeAccountID(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "default"
	}
	return s
}

// loaded returns channels.<ch> as the 2026.4.14 loader hands it to the
// audit: Discord and Slack DM settings moved to the top level of each scope,
// single-account settings moved under a new accounts.default when named
// accounts exist without one, and the defaulted group policy filled in.
func loaded(ch string, raw *config.Value, compat check.Compat) *config.Value {
	v := raw.Clone()
	switch ch {
	case "discord", "slack":
		liftDM(v)
		for _, m := range v.Get("accounts").Pairs() {
			liftDM(m.Value)
		}
	}
	promoteDefault(ch, v)
	if compat.Is414() {
		if groupPolicyDefaulted[ch] && !v.Has("groupPolicy") {
			v.Set("groupPolicy", config.NewString("allowlist"), config.Origin{})
		}
		for _, m := range v.Get("accounts").Pairs() {
			if !m.Value.IsObject() {
				continue
			}
			if accountGroupPolicyDefaulted[ch] && !m.Value.Has("groupPolicy") {
				m.Value.Set("groupPolicy", config.NewString("allowlist"), config.Origin{})
			}
			if accountDMPolicyDefaulted[ch] && !m.Value.Has("dmPolicy") {
				m.Value.Set("dmPolicy", config.NewString("pairing"), config.Origin{})
			}
		}
	}
	return v
}

// The 2026.4.14 schema also gives each account entry of these channels its
// own default group policy ("allowlist") and DM policy ("pairing"), so an
// account never inherits an open policy from the top level.
var (
	accountGroupPolicyDefaulted = map[string]bool{
		"discord": true, "googlechat": true, "imessage": true, "irc": true, "line": true, "mattermost": true,
		"nextcloud-talk": true, "signal": true, "telegram": true, "whatsapp": true, "zalouser": true,
	}
	accountDMPolicyDefaulted = map[string]bool{
		"imessage": true, "irc": true, "line": true, "mattermost": true, "nextcloud-talk": true,
		"signal": true, "telegram": true, "whatsapp": true,
	}
)

// groupPolicyDefaulted are the channels whose top-level groupPolicy the
// 2026.4.14 loader sets to "allowlist" when it is unset.
var groupPolicyDefaulted = map[string]bool{
	"discord": true, "feishu": true, "googlechat": true, "imessage": true, "irc": true, "line": true,
	"mattermost": true, "msteams": true, "nextcloud-talk": true, "signal": true, "slack": true,
	"telegram": true, "whatsapp": true, "zalouser": true,
}

func liftDM(scope *config.Value) {
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

// promotedKeys are the single-account settings the 2026.4.14 loader moves
// from the top of a channel into a new accounts.default when the channel has
// named accounts but none called "default".
var promotedKeys = map[string]bool{
	"name": true, "token": true, "tokenFile": true, "botToken": true, "appToken": true, "account": true,
	"signalNumber": true, "authDir": true, "cliPath": true, "dbPath": true, "httpUrl": true, "httpHost": true,
	"httpPort": true, "webhookPath": true, "webhookUrl": true, "webhookSecret": true, "service": true,
	"region": true, "homeserver": true, "userId": true, "accessToken": true, "password": true,
	"deviceName": true, "url": true, "code": true, "dmPolicy": true, "allowFrom": true, "groupPolicy": true,
	"groupAllowFrom": true, "defaultTo": true,
}

// promotedKeysOf adds the plugin's own movable keys; namedPromotedKeys, when
// a plugin has them, narrow the move to those keys.
var (
	promotedKeysOf = map[string][]string{
		"telegram": {"streaming"},
		"matrix": {"deviceId", "avatarUrl", "initialSyncLimit", "encryption", "allowlistOnly", "allowBots",
			"blockStreaming", "replyToMode", "threadReplies", "textChunkLimit", "chunkMode", "responsePrefix",
			"ackReaction", "ackReactionScope", "reactionNotifications", "threadBindings", "startupVerification",
			"startupVerificationCooldownHours", "mediaMaxMb", "autoJoin", "autoJoinAllowlist", "dm", "groups",
			"rooms", "actions"},
	}
	namedPromotedKeys = map[string][]string{
		"telegram": {"botToken", "tokenFile"},
		"matrix": {"name", "homeserver", "userId", "accessToken", "password", "deviceId", "deviceName",
			"avatarUrl", "initialSyncLimit", "encryption"},
	}
)

func promoteDefault(ch string, v *config.Value) {
	accounts := v.Get("accounts")
	if !accounts.IsObject() || accounts.Len() == 0 {
		return
	}
	for _, k := range accounts.Keys() {
		if strings.EqualFold(k, "default") {
			return
		}
	}
	movable := func(k string) bool {
		if k == "accounts" || k == "enabled" {
			return false
		}
		if named := namedPromotedKeys[ch]; named != nil && !slices.Contains(named, k) {
			return false
		}
		return promotedKeys[k] || slices.Contains(promotedKeysOf[ch], k)
	}
	def := config.NewObject()
	for _, m := range v.Pairs() {
		if movable(m.Key) {
			def.Set(m.Key, m.Value, m.KeyOrigin)
		}
	}
	if def.Len() == 0 {
		return
	}
	for _, k := range def.Keys() {
		v.Delete(k)
	}
	accounts.Set("default", def, config.Origin{})
}

// accountsOf lists the channel's accounts in audit order: the default
// account first, then every account id sorted. implicitDefault adds a
// "default" account that top-level settings define (LINE, Synology Chat).
func accountsOf(ch string, v *config.Value, implicitDefault bool) []*account {
	accounts := v.Get("accounts")
	var ids []string
	seen := map[string]bool{}
	if implicitDefault {
		seen["default"] = true
		ids = append(ids, "default")
	}
	for _, k := range accounts.Keys() {
		if strings.TrimSpace(k) == "" {
			continue
		}
		id := normalizeAccountID(k)
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		ids = []string{"default"}
	}
	def := ids[0]
	if want := normalizeAccountID(v.Get("defaultAccount").Trimmed()); v.Get("defaultAccount").Trimmed() != "" && seen[want] {
		def = want
	} else if seen["default"] {
		def = "default"
	}
	order := []string{def}
	for _, id := range ids {
		if id != def {
			order = append(order, id)
		}
	}
	var out []*account
	for _, id := range order {
		entry, key := accountEntry(accounts, id)
		a := &account{channel: ch, id: id, entry: entry, several: len(order) > 1, isDefault: id == def, top: v}
		a.explicit = key == id && entry != nil
		a.base = "channels." + ch + "."
		if a.explicit {
			a.base = "channels." + ch + ".accounts." + id + "."
		}
		a.cfg = merge(ch, v, entry)
		if ch == "line" {
			lineAccount(a, v)
		}
		out = append(out, a)
	}
	for _, a := range out {
		a.all = out
	}
	return out
}

// lineAccount applies LINE's own account resolution: the default account
// reads only the top-level settings, and a named account is enabled only
// when it says enabled: true.
func lineAccount(a *account, channel *config.Value) {
	if a.id == "default" {
		a.cfg = merge("line", channel, nil)
		a.entry = nil
		return
	}
	if !a.entry.Get("enabled").IsTrue() {
		a.cfg.Set("enabled", &config.Value{Kind: config.Bool, Bool: false}, config.Origin{})
	}
}

// accountEntry finds accounts.<id> by normalised key.
func accountEntry(accounts *config.Value, id string) (*config.Value, string) {
	if e := accounts.Get(id); e.IsObject() {
		return e, id
	}
	for _, m := range accounts.Pairs() {
		if normalizeAccountID(m.Key) == id && m.Value.IsObject() {
			return m.Value, m.Key
		}
	}
	return nil, ""
}

// merge lays an account's settings over its channel's (one level deep, as
// upstream spreads them). A Telegram account of a multi-account channel does
// not inherit the channel's groups.
func merge(ch string, channel, entry *config.Value) *config.Value {
	out := config.NewObject()
	multi := channel.Get("accounts").Len() > 1
	for _, m := range channel.Pairs() {
		switch m.Key {
		case "accounts", "defaultAccount":
			continue
		case "groups":
			if ch == "telegram" && multi {
				continue
			}
		}
		out.Set(m.Key, m.Value, m.KeyOrigin)
	}
	for _, m := range entry.Pairs() {
		out.Set(m.Key, m.Value, m.KeyOrigin)
	}
	// An account is enabled only when neither it nor its channel is switched off.
	if channel.Get("enabled").IsFalse() {
		out.Set("enabled", channel.Get("enabled"), config.Origin{})
	}
	return out
}

// isSet reports whether a credential-like value is configured: a non-blank
// string or an object (a SecretRef, resolved or not).
func isSet(v *config.Value) bool {
	return v.Trimmed() != "" || v.IsObject()
}

// jsString is JavaScript's String(x) for the entry kinds allowlists hold.
func jsString(v *config.Value) (string, bool) {
	switch {
	case v == nil:
		return "", false
	case v.Kind == config.String:
		return v.Str, true
	case v.Kind == config.Number:
		return strconv.FormatFloat(v.Num, 'f', -1, 64), true
	case v.Kind == config.Bool:
		return strconv.FormatBool(v.Bool), true
	}
	return "", false
}

// entries returns an allowlist's entries as strings (numbers included),
// trimmed, blanks dropped.
func entries(v *config.Value) []string {
	var out []string
	for _, e := range v.Items() {
		if s, ok := jsString(e); ok {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// maxStoreBytes bounds one pairing-store file; real ones hold a few ids.
const maxStoreBytes = 1 << 20

// store reads the pairing allowlist of a channel account: the account's own
// file and, for the default account, the legacy channel-wide file. Entries
// are trimmed, "*" and blanks dropped, duplicates removed.
func (b *block) store(ch, accountID string) []string {
	dir := b.p.Config.Paths.CredentialsDir
	if dir == "" || b.p.State == nil {
		return nil
	}
	files := []string{filepath.Join(dir, safeKey(ch)+"-"+safeKey(accountID)+"-allowFrom.json")}
	if accountID == "default" {
		files = append(files, filepath.Join(dir, safeKey(ch)+"-allowFrom.json"))
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		for _, e := range b.readStore(f) {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// storeLabel is how findings name the pairing store file.
func (b *block) storeLabel(ch string) string {
	return filepath.Join(b.p.Config.Paths.CredentialsDir, safeKey(ch)+"-allowFrom.json")
}

func safeKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer(`\`, "_", "/", "_", ":", "_", "*", "_", "?", "_", `"`, "_", "<", "_", ">", "_", "|", "_").Replace(s)
	return strings.ReplaceAll(s, "..", "_")
}

func (b *block) readStore(path string) []string {
	info, ok := b.p.State.Stat(path)
	if !ok || info.Kind != state.File || info.Size > maxStoreBytes {
		return nil
	}
	data, err := b.p.State.ReadFile(path)
	if err != nil || len(data) > maxStoreBytes {
		return nil
	}
	var doc struct {
		AllowFrom []any `json:"allowFrom"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil
	}
	var out []string
	for _, e := range doc.AllowFrom {
		var s string
		switch x := e.(type) {
		case string:
			s = x
		case json.Number:
			s = x.String()
		default:
			continue
		}
		if s = strings.TrimSpace(s); s != "" && s != "*" {
			out = append(out, s)
		}
	}
	return out
}

// examples renders up to five labels, then how many more there are.
func examples(labels []string) string {
	if len(labels) <= 5 {
		return strings.Join(labels, ", ")
	}
	return strings.Join(labels[:5], ", ") + fmt.Sprintf(" (+%d more)", len(labels)-5)
}
