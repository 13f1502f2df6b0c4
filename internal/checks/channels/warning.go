package channels

import "github.com/clawcheck/clawcheck/internal/check"

// Warning carries the channel plugins' own configuration warnings: open
// group policies, plaintext transports, auto-join, missing credentials.
var Warning = &check.Check{
	ID:          "channels.<ch>.warning.<n>",
	Severity:    check.Warn,
	Title:       "Channel configuration warning",
	Remediation: "Follow the advice in the detail: usually set the group policy to \"allowlist\" with explicit groups and senders, or fix the named setting.",
	Doc:         "Each channel plugin knows risky settings of its own: a group policy of \"open\" lets every group or room the bot is added to trigger it (critical); IRC without TLS, Matrix auto-joining every invite, a Synology Chat webhook without a token and similar settings are reported too. The number in the id counts the channel findings reported before it, as upstream numbers them. Severity: critical for anything that admits everyone, info for transport notes, warn otherwise.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.warning.<n>"),
}
