package channels

import "github.com/clawcheck/clawcheck/internal/check"

// SlackSlashAccessGroupsOff: Slack commands with access groups switched off.
var SlackSlashAccessGroupsOff = &check.Check{
	ID:          "channels.slack.commands.slash.useAccessGroups_off",
	Severity:    check.Critical,
	Title:       "Slack commands bypass access groups",
	Remediation: "Set commands.useAccessGroups to true.",
	Doc:         "When Slack slash or native commands are on and commands.useAccessGroups is false, command senders are not checked against any allowlist, so anyone in a channel the app can see may run commands that steer the agent.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.slack.commands.slash.useAccessGroups_off"),
}

// SlackSlashNoAllowlists: Slack commands are on but nobody may use them.
var SlackSlashNoAllowlists = &check.Check{
	ID:          "channels.slack.commands.slash.no_allowlists",
	Severity:    check.Warn,
	Title:       "Slack commands have no allowed users",
	Remediation: "Approve yourself through pairing, or set channels.slack.allowFrom or a channels.slack.channels.<id>.users list.",
	Doc:         "Slack slash or native commands are on, but there is no owner allowFrom (config or pairing store) and no per-channel users list, so every command is refused. Such setups are often \"fixed\" by switching access checks off.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.slack.commands.slash.no_allowlists"),
}
