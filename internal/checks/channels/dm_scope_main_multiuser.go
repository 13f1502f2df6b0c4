package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DMScopeMainMultiuser: several DM senders share the one main session.
var DMScopeMainMultiuser = &check.Check{
	ID:          "channels.<ch>.dm.scope_main_multiuser",
	Severity:    check.Warn,
	Title:       "Several DM senders share the main session",
	Remediation: "Set session.dmScope to \"per-channel-peer\" (or \"per-account-channel-peer\" when a channel has several accounts) so each sender gets a session of their own.",
	Doc:         "With session.dmScope \"main\" (the default) every direct message lands in the same session. When more than one person can DM the bot (a \"*\" entry, or more than one distinct sender across the channel's allowFrom and pairing store), each of them sees the context, files and answers meant for the others. Per-peer scopes isolate them. Profile 2026.4 only: under profile 2026.9 the same risk is channels.dm.session_collision.<keys>.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.dm.scope_main_multiuser"),
}
