package channels

import "github.com/clawcheck/clawcheck/internal/check"

// SynologyReplyNameMatching: replies addressed by mutable user names.
var SynologyReplyNameMatching = &check.Check{
	ID:          "channels.synology-chat.reply.dangerous_name_matching_enabled",
	Severity:    check.Info,
	Title:       "Synology Chat replies matched by user name",
	Remediation: "Use numeric Synology Chat user ids and remove dangerouslyAllowNameMatching.",
	Doc:         "dangerouslyAllowNameMatching on a Synology Chat account delivers replies by user name or nickname, which users can change, so an answer may reach someone else.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.synology-chat.reply.dangerous_name_matching_enabled"),
}
