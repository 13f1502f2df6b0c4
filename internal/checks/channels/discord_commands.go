package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DiscordNativeUnrestricted: access groups are off and no users list limits
// who may run slash commands in the allowed guilds.
var DiscordNativeUnrestricted = &check.Check{
	ID:          "channels.discord.commands.native.unrestricted",
	Severity:    check.Critical,
	Title:       "Discord slash commands open to every guild member",
	Remediation: "Set commands.useAccessGroups to true, or add a users list to channels.discord.guilds.<id> (or to its channels).",
	Doc:         "Discord native slash commands are on by default. With commands.useAccessGroups false the owner allowlist is not consulted, so unless a guild or channel users list exists, anyone in an allowed guild channel can run commands that steer the agent.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.discord.commands.native.unrestricted"),
}

// DiscordNativeNoAllowlists: slash commands are on but nobody may use them.
var DiscordNativeNoAllowlists = &check.Check{
	ID:          "channels.discord.commands.native.no_allowlists",
	Severity:    check.Warn,
	Title:       "Discord slash commands have no allowed users",
	Remediation: "Approve yourself through pairing, or add your Discord id to channels.discord.guilds.<id>.users.",
	Doc:         "Discord native slash commands are enabled for guilds, but there is neither an owner list (the pairing store) nor a guild or channel users list. Every command is refused, which tends to be \"fixed\" later by turning access checks off. Note that 2026.4.14 moves dm.allowFrom to allowFrom on load, so a config allowFrom does not count as an owner list here.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.discord.commands.native.no_allowlists"),
}
