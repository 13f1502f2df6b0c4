package channels

import "github.com/clawcheck/clawcheck/internal/check"

// NameBasedEntries: allowlist entries that name senders by something the
// sender controls.
var NameBasedEntries = &check.Check{
	ID:          "channels.<ch>.allowFrom.name_based_entries",
	Severity:    check.Warn,
	Title:       "Allowlist names senders by mutable identifiers",
	Remediation: "Use the channel's stable ids instead: Discord numeric ids (or <@id>, user:<id>), Slack member ids (U…), Google Chat users/<number>, Teams object ids, Mattermost 26-character user ids, IRC nick!user@host masks.",
	Doc:         "Display names, e-mail addresses, @handles, tags and IRC nicks can be changed or claimed by another account, so an allowlist built from them may admit someone else. Checked for Discord (as 2026.4.14's audit does: allowFrom, the pairing store, guild and channel users) and, as clawcheck's addition, for Slack, Google Chat, Microsoft Teams, Mattermost and IRC using the rules 2026.4.14's doctor applies. Info instead of warn when the scope enables dangerouslyAllowNameMatching on purpose.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.allowFrom.name_based_entries"),
}
