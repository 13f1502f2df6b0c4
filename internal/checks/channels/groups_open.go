package channels

import "github.com/clawcheck/clawcheck/internal/check"

// GroupsOpen (profile 2026.9): a channel account answers in any group.
var GroupsOpen = &check.Check{
	ID:          "channels.<ch>.groups.open",
	Severity:    check.Warn,
	Title:       "Channel accepts messages from any group",
	Remediation: "Set the account's groupPolicy to \"allowlist\" and list the groups (and, where the channel supports it, the group senders) that may reach the bot.",
	Doc:         "Under profile 2026.9, as 2026.9.6's Telegram plugin and its Discord, Slack and WhatsApp packages define it: when a configured account's group policy (its own groupPolicy, else channels.defaults.groupPolicy, else \"allowlist\") is \"open\", every group or server the bot is added to can trigger it, and only mention gating stands between a stranger and the agent. Under profile 2026.4 the same condition is a channels.<ch>.warning.<n> finding.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.groups.open"),
}
