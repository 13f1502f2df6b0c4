package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DMLocked (profile 2026.9): a DM-capable channel admits no one yet.
var DMLocked = &check.Check{
	ID:          "channels.<ch>.dm.locked",
	Severity:    check.Info,
	Title:       "Channel admits no direct-message senders yet",
	Remediation: "Trust the peers who should reach the bot (for Reef: trust a peer), or leave it locked if the channel is not meant to take DMs.",
	Doc:         "Under profile 2026.9 a channel whose DM policy is neither open nor disabled but whose allowlist and pairing store are empty refuses every sender. That is safe, and reported for completeness. 2026.9.6 reports it for Telegram (the allowFrom, plus pairing approvals unless the policy is \"allowlist\") and for its bundled Reef channel, whose trusted peers live in the state database. Approvals and peers in that database are not read, so where they would count clawcheck reports a locked channel only when the database does not exist.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.dm.locked"),
}
