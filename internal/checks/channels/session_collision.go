package channels

import "github.com/clawcheck/clawcheck/internal/check"

// SessionCollision (profile 2026.9): several DM senders share one session.
var SessionCollision = &check.Check{
	ID:          "channels.dm.session_collision.<keys>",
	Severity:    check.Warn,
	Title:       "Several direct-message senders share one session",
	Remediation: "Give each sender a session of their own: set session.dmScope to \"per-channel-peer\" (\"per-account-channel-peer\" when a channel has several accounts), or fix the binding whose session.dmScope merges them.",
	Doc:         "Under profile 2026.9, as 2026.9.6 defines it (the successor of channels.<ch>.dm.scope_main_multiuser): every admitted DM sender (allowlist and pairing approvals) is routed to its agent and session; when two distinct senders land in the same session bucket they read each other's context. An open or \"*\" DM allowlist under session.dmScope \"main\" always collides. The id is channels.dm.session_collision.<accounts>.<n>: the sorted channel-account keys involved, joined with \"_\", and the collision's 1-based index. Senders that session.identityLinks declares to be one person count once.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.dm.session_collision.<keys>"),
}
