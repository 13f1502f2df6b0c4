package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DiscordBroadMembers (profile 2026.9): allowlisted Discord servers or
// channels that any member may use.
var DiscordBroadMembers = &check.Check{
	ID:          "channels.discord.allowlisted_groups.broad_members",
	Severity:    check.Warn,
	Title:       "Allowlisted Discord servers or channels admit every member",
	Remediation: "Add a users list (stable user ids) or a roles list (role ids) to each listed guild, or to the channel entries that override it, so only those members can trigger the bot.",
	Doc:         "Under profile 2026.9, as 2026.9.6's Discord package documents it: with the group policy \"allowlist\", channels.discord.guilds.<id> (and its channels.<id> entries) choose where the bot listens, and users / roles lists choose who may talk to it there. A listed server or channel whose effective lists (the channel entry's own, else the server's) are empty or contain \"*\" lets every member of that server trigger the agent. clawcheck follows the release's documentation here; the package's code is not part of the release.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.discord.allowlisted_groups.broad_members"),
}
