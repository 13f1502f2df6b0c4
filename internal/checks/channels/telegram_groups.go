package channels

import "github.com/clawcheck/clawcheck/internal/check"

// TelegramGroupsAllowFromMissing: the bot serves groups but nobody limits
// which members may run commands.
var TelegramGroupsAllowFromMissing = &check.Check{
	ID:          "channels.telegram.groups.allowFrom.missing",
	Severity:    check.Critical,
	Title:       "Telegram group commands have no sender allowlist",
	Remediation: "Approve yourself through pairing, or set channels.telegram.groupAllowFrom (or groups.<id>.allowFrom) to numeric Telegram user ids.",
	Doc:         "When Telegram groups are served (group policy \"open\", or \"allowlist\" with groups listed) and text commands are on, a group sender allowlist decides who may run /commands and directives. Without one (no groupAllowFrom, no per-group or per-topic allowFrom, empty pairing store), every member of every served group can. The DM allowFrom does not apply to groups. Under profile 2026.9 an unset group policy falls back to channels.defaults.groupPolicy, as in 2026.9.6.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.telegram.groups.allowFrom.missing"),
}

// TelegramGroupsAllowFromWildcard: "*" admits every group member.
var TelegramGroupsAllowFromWildcard = &check.Check{
	ID:          "channels.telegram.groups.allowFrom.wildcard",
	Severity:    check.Critical,
	Title:       "Telegram group sender allowlist contains \"*\"",
	Remediation: "Remove \"*\" from channels.telegram.groupAllowFrom and list numeric Telegram user ids instead.",
	Doc:         "A \"*\" in the Telegram group sender allowlist lets every member of every served group run commands and directives, which is the same as having no allowlist at all.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.telegram.groups.allowFrom.wildcard"),
}

// TelegramAllowFromInvalid: entries that can never match a Telegram sender.
var TelegramAllowFromInvalid = &check.Check{
	ID:          "channels.telegram.allowFrom.invalid_entries",
	Severity:    check.Warn,
	Title:       "Telegram allowlist has entries that are not user ids",
	Remediation: "Replace @usernames and other non-numeric entries with numeric Telegram user ids.",
	Doc:         "Telegram authorizes senders by numeric user id only. @usernames, names and negative chat ids in allowFrom, groupAllowFrom, per-group or per-topic allowFrom or the pairing store never match, so the list is not what it appears to be. Profile 2026.4 checks when the bot serves groups; profile 2026.9, as 2026.9.6, always checks the account allowFrom and adds the group lists when groups are served.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.telegram.allowFrom.invalid_entries"),
}
