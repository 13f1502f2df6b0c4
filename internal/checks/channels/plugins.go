package channels

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/state"
)

// plugin describes what 2026.4.14's bundled channel plugin audits.
type plugin struct {
	id string
	// configured reports whether an account has the credentials the plugin
	// needs to run; unconfigured accounts are not audited.
	configured func(b *block, a *account) bool
	// dm is the DM policy source; nil when the plugin has no DM checks.
	dm *dmSource
	// openGroups: the plugin warns when the account's group policy is open.
	openGroups bool
	// groupsOpenByDefault: an unset group policy means open (Zalo).
	groupsOpenByDefault bool
	// warnings adds the plugin's own string warnings after the open-group one.
	warnings func(b *block, a *account) []warning
	// audit adds the plugin's own findings after the warnings.
	audit func(b *block, a *account, accounts []*account)
	// nameMatchingUnderConfig: the account carries dangerouslyAllowNameMatching
	// where the block's generic break-glass check reads it.
	nameMatchingUnderConfig bool
}

// dmSource says where a plugin reads its DM policy and allowlist.
type dmSource struct {
	policy        []string // key path of the policy inside the account
	allowFrom     []string // key path of the allowlist
	policyLabel   string   // how the policy key is named after the account's base path
	allowLabel    string   // how the allowlist key is named after the base path
	defaultPolicy string
	normalize     func(string) string
	// ignored: the plugin reads keys the loader has already moved away, so
	// it always sees the default policy and an empty allowlist.
	ignored bool
}

// warning is one string warning of a plugin.
type warning struct {
	sev    check.Severity
	detail string
	loc    *check.Location
}

var (
	topLevelDM = &dmSource{policy: []string{"dmPolicy"}, allowFrom: []string{"allowFrom"}, policyLabel: "dmPolicy", allowLabel: "allowFrom", defaultPolicy: "pairing"}
	nestedDM   = &dmSource{policy: []string{"dm", "policy"}, allowFrom: []string{"dm", "allowFrom"}, policyLabel: "dm.policy", allowLabel: "dm.allowFrom", defaultPolicy: "pairing"}
	movedDM    = &dmSource{policy: []string{"dm", "policy"}, allowFrom: []string{"dm", "allowFrom"}, policyLabel: "dm.policy", allowLabel: "dm.allowFrom", defaultPolicy: "pairing", ignored: true}
)

func withNormalize(d *dmSource, f func(string) string) *dmSource {
	c := *d
	c.normalize = f
	return &c
}

// plugins414 is 2026.4.14's channel plugin order: by the plugin's order
// value, then by id. Plugins without a security adapter (qqbot, tlon,
// twitch) and Zalo Personal, whose accounts count as configured only after
// an online session check, are left out.
var plugins414 = []*plugin{
	{id: "discord", configured: anyOf(tokenOrFile("token", "DISCORD_BOT_TOKEN")), dm: movedDM, openGroups: true, audit: discordAudit, nameMatchingUnderConfig: true},
	{id: "whatsapp", configured: whatsappLinked, dm: withNormalize(topLevelDM, normalizeWhatsApp), openGroups: true},
	{id: "googlechat", configured: googleChatConfigured, dm: nestedDM, openGroups: true, warnings: googleChatWarnings, nameMatchingUnderConfig: true},
	{id: "msteams", configured: needs("appId", "appPassword", "tenantId"), openGroups: true, nameMatchingUnderConfig: true},
	{id: "mattermost", configured: allOf(orEnv("botToken", "MATTERMOST_BOT_TOKEN"), orEnv("baseUrl", "MATTERMOST_URL")), dm: topLevelDM, openGroups: true, nameMatchingUnderConfig: true},
	{id: "nextcloud-talk", configured: needs("baseUrl", "botSecret"), dm: topLevelDM, openGroups: true},
	{id: "feishu", configured: needs("appId", "appSecret"), openGroups: true, audit: feishuAudit},
	{id: "matrix", configured: matrixConfigured, dm: withNormalize(nestedDM, strings.ToLower), openGroups: true, warnings: matrixWarnings},
	{id: "bluebubbles", configured: needs("serverUrl", "password"), dm: topLevelDM, openGroups: true},
	{id: "irc", configured: needs("host", "nick"), dm: topLevelDM, openGroups: true, warnings: ircWarnings, nameMatchingUnderConfig: true},
	{id: "zalo", configured: anyOf(tokenOrFile("botToken", "ZALO_BOT_TOKEN")), dm: topLevelDM, openGroups: true, groupsOpenByDefault: true},
	{id: "synology-chat", configured: func(*block, *account) bool { return true }, dm: synologyDM, warnings: synologyWarnings, audit: synologyAudit},
	{id: "nostr", configured: needs("privateKey"), dm: topLevelDM},
	{id: "imessage", configured: imessageConfigured, dm: topLevelDM, openGroups: true},
	{id: "line", configured: lineConfigured, dm: withNormalize(topLevelDM, normalizeLine), openGroups: true},
	{id: "signal", configured: signalConfigured, dm: withNormalize(topLevelDM, normalizeSignal), openGroups: true},
	{id: "slack", configured: allOf(orEnv("botToken", "SLACK_BOT_TOKEN"), orEnv("appToken", "SLACK_APP_TOKEN")), dm: movedDM, openGroups: true, audit: slackAudit, nameMatchingUnderConfig: true},
	{id: "telegram", configured: telegramConfigured, dm: topLevelDM, openGroups: true, audit: telegramAudit},
}

var synologyDM = &dmSource{policy: []string{"dmPolicy"}, allowFrom: []string{"allowedUserIds"}, policyLabel: "dmPolicy", allowLabel: "allowFrom", defaultPolicy: "allowlist", normalize: strings.ToLower}

// needs: every listed key holds a usable value.
func needs(keys ...string) func(*block, *account) bool {
	return func(b *block, a *account) bool {
		for _, k := range keys {
			if !b.usable(a, k) {
				return false
			}
		}
		return true
	}
}

// usable reports whether an account setting holds a value the plugin can
// use: a non-blank string, or a SecretRef that resolved to one. Upstream
// treats an account whose credential ref it cannot resolve read-only as not
// configured, and skips it, except for the plugins that inspect accounts
// read-only (Discord, Slack, Telegram): for them a configured but
// unavailable credential still counts.
func (b *block) usable(a *account, key string) bool {
	v, path := a.located(key)
	if inspects[a.channel] && v.IsObject() {
		return true
	}
	if in := b.p.Config.Secrets[path]; in != nil && in.Ref != nil {
		return in.Resolved && strings.TrimSpace(in.Secret) != ""
	}
	return v.Trimmed() != ""
}

// readableFile reports whether a password file named in the config is a
// non-empty regular file the state snapshot can see. Upstream reads the
// file; one that cannot be read leaves the password unresolved.
func (b *block) readableFile(path string) bool {
	if path == "" || b.p.State == nil || !filepath.IsAbs(path) {
		return false
	}
	info, ok := b.p.State.Stat(path)
	return ok && info.Kind == state.File && info.Size > 0
}

// lineConfigured: LINE reads the top-level credentials for the account
// named "default" only; other accounts need their own.
func lineConfigured(b *block, a *account) bool {
	if a.id == "default" {
		return (orEnv("channelAccessToken", "LINE_CHANNEL_ACCESS_TOKEN")(b, a) || a.cfg.Get("tokenFile").Trimmed() != "") &&
			(orEnv("channelSecret", "LINE_CHANNEL_SECRET")(b, a) || a.cfg.Get("secretFile").Trimmed() != "")
	}
	return a.entry.Get("channelAccessToken").Trimmed() != "" && a.entry.Get("channelSecret").Trimmed() != ""
}

// googleChatConfigured: a service account given inline (JSON text or an
// object), as a file, or for the default account through the environment.
func googleChatConfigured(b *block, a *account) bool {
	v, path := a.located("serviceAccount")
	if in := b.p.Config.Secrets[path]; in != nil && in.Ref != nil {
		return in.Resolved && jsonObject(in.Secret)
	}
	switch {
	case v.IsObject():
		return true
	case jsonObject(v.StringOr("")):
		return true
	case a.cfg.Get("serviceAccountFile").Trimmed() != "":
		return true
	case a.id == "default":
		return jsonObject(b.p.Env["GOOGLE_CHAT_SERVICE_ACCOUNT"]) || strings.TrimSpace(b.p.Env["GOOGLE_CHAT_SERVICE_ACCOUNT_FILE"]) != ""
	}
	return false
}

func jsonObject(s string) bool {
	var m map[string]any
	return json.Unmarshal([]byte(strings.TrimSpace(s)), &m) == nil && m != nil
}

// matrixConfigured: a homeserver plus an access token, or a user id with a
// password.
func matrixConfigured(b *block, a *account) bool {
	if !b.usable(a, "homeserver") {
		return false
	}
	return b.usable(a, "accessToken") || b.usable(a, "userId") && b.usable(a, "password")
}

// signalConfigured: an account number, or a way to reach signal-cli.
func signalConfigured(_ *block, a *account) bool {
	c := a.cfg
	for _, k := range []string{"account", "httpUrl", "cliPath", "httpHost"} {
		if c.Get(k).Trimmed() != "" {
			return true
		}
	}
	_, port := c.Get("httpPort").Number()
	auto := c.Get("autoStart")
	return port || auto.IsTrue() || auto.IsFalse()
}

// imessageConfigured: upstream counts almost any iMessage setting, including
// the group policy its loader fills in, so a present iMessage section is
// configured.
func imessageConfigured(_ *block, a *account) bool {
	c := a.cfg
	for _, k := range []string{"cliPath", "dbPath", "region"} {
		if c.Get(k).Trimmed() != "" {
			return true
		}
	}
	for _, k := range []string{"service", "dmPolicy", "groupPolicy"} {
		if c.Get(k).Truthy() {
			return true
		}
	}
	for _, k := range []string{"allowFrom", "groupAllowFrom", "attachmentRoots", "remoteAttachmentRoots"} {
		if c.Get(k).IsArray() && c.Get(k).Len() > 0 {
			return true
		}
	}
	for _, k := range []string{"mediaMaxMb", "textChunkLimit"} {
		if _, ok := c.Get(k).Number(); ok {
			return true
		}
	}
	inc := c.Get("includeAttachments")
	return inc.IsTrue() || inc.IsFalse() || c.Get("groups").IsObject() && c.Get("groups").Len() > 0
}

var inspects = map[string]bool{"discord": true, "slack": true, "telegram": true}

var telegramConfigured = tokenOrFile("botToken", "TELEGRAM_BOT_TOKEN")

type accountTest = func(*block, *account) bool

// orEnv: the setting, or for the default account an environment variable.
func orEnv(key, env string) accountTest {
	return func(b *block, a *account) bool {
		return b.usable(a, key) || a.id == "default" && strings.TrimSpace(b.p.Env[env]) != ""
	}
}

// tokenOrFile: a token, a tokenFile, or for the default account the
// channel's token variable.
func tokenOrFile(key, env string) accountTest {
	return func(b *block, a *account) bool {
		return orEnv(key, env)(b, a) || a.cfg.Get("tokenFile").Trimmed() != ""
	}
}

func allOf(tests ...accountTest) accountTest {
	return func(b *block, a *account) bool {
		for _, t := range tests {
			if !t(b, a) {
				return false
			}
		}
		return true
	}
}

func anyOf(tests ...accountTest) accountTest {
	return func(b *block, a *account) bool {
		for _, t := range tests {
			if t(b, a) {
				return true
			}
		}
		return false
	}
}

// whatsappLinked: WhatsApp needs a linked session on disk; config alone is
// not enough.
func whatsappLinked(b *block, a *account) bool {
	dir := b.p.Config.Paths.CredentialsDir
	if dir == "" || b.p.State == nil {
		return false
	}
	candidates := []string{filepath.Join(dir, "whatsapp", safeKey(a.id), "creds.json")}
	if a.id == "default" {
		candidates = append(candidates, filepath.Join(dir, "creds.json"))
	}
	for _, c := range candidates {
		if info, ok := b.p.State.Stat(c); ok && !info.IsDir() && !info.Dangling {
			return true
		}
	}
	return false
}

var (
	nonDialChars = regexp.MustCompile(`[^0-9+]`)
)

// normalizeE164 keeps digits and a leading plus, adding the plus.
func normalizeE164(s string) string {
	d := nonDialChars.ReplaceAllString(strings.TrimSpace(s), "")
	d = strings.TrimLeft(d, "+")
	if d == "" {
		return ""
	}
	return "+" + d
}

func normalizeWhatsApp(s string) string {
	s = strings.TrimSpace(stripFold(s, "whatsapp:"))
	if strings.Contains(s, "@") {
		return strings.ToLower(s)
	}
	return normalizeE164(s)
}

func normalizeSignal(s string) string {
	s = strings.TrimSpace(stripFold(strings.TrimSpace(s), "signal:"))
	if strings.HasPrefix(s, "+") || nonDialChars.ReplaceAllString(s, "") == s {
		return normalizeE164(s)
	}
	return s
}

func normalizeLine(s string) string {
	s = strings.TrimSpace(s)
	s = stripFold(s, "line:")
	s = stripFold(s, "user:")
	return strings.TrimSpace(s)
}

func stripFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// path names a key of the account in findings.
func (a *account) path(key string) string { return a.base + key }

// value returns the account's setting and, when the account entry itself
// holds it, the path to it there; otherwise the channel's path.
func (a *account) located(key ...string) (*config.Value, string) {
	dotted := strings.Join(key, ".")
	if v := a.entry.Get(key...); v.Present() {
		return v, "channels." + a.channel + ".accounts." + a.id + "." + dotted
	}
	return a.cfg.Get(key...), "channels." + a.channel + "." + dotted
}
