package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DangerousNameMatching records the break-glass switch that re-enables
// matching senders by mutable names.
var DangerousNameMatching = &check.Check{
	ID:          "channels.<ch>.allowFrom.dangerous_name_matching_enabled",
	Severity:    check.Info,
	Title:       "Sender matching by mutable names is enabled",
	Remediation: "Replace names, e-mail addresses and tags in the allowlists with stable sender ids, then remove dangerouslyAllowNameMatching.",
	Doc:         "dangerouslyAllowNameMatching makes Discord, Slack, Google Chat, Microsoft Teams, Mattermost and IRC authorize senders by display name, e-mail or tag. Those can be changed or registered by someone else, so an allowlist entry may end up admitting a stranger. It is a compatibility escape hatch, not a hardened setting.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.allowFrom.dangerous_name_matching_enabled"),
}
