package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DMOpen: an open DM policy lets any stranger who finds the bot talk to the
// agent and, through it, to every tool the agent may use.
var DMOpen = &check.Check{
	ID:          "channels.<ch>.dm.open",
	Severity:    check.Critical,
	Title:       "Channel accepts direct messages from anyone",
	Remediation: "Set the channel's DM policy to \"pairing\" (approve each sender once) or \"allowlist\" with explicit sender ids. If open DMs are really intended, say so by adding \"*\" to the channel's allowFrom.",
	Doc:         "A DM policy of \"open\" admits every account on the messaging network. Anyone can then instruct the agent, read what it tells them and trigger its tools. Pairing or an allowlist keeps the bot to people you approved. The check runs per channel account; the policy is read from the account, else the channel, and defaults to pairing.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.dm.open"),
}
