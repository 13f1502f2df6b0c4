package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DMOpenInvalid: "open" without the "*" opt-in is the shape of a mistake.
var DMOpenInvalid = &check.Check{
	ID:          "channels.<ch>.dm.open_invalid",
	Severity:    check.Warn,
	Title:       "Open DM policy without the \"*\" opt-in",
	Remediation: "Either switch the DM policy to \"pairing\" or \"allowlist\", or add \"*\" to the channel's allowFrom to record that open DMs are intended.",
	Doc:         "OpenClaw expects an open DM policy to be confirmed with a \"*\" entry in the channel's allowFrom. Without it the config contradicts itself: the allowlist suggests a closed bot while the policy admits everyone. This usually means the policy was opened by accident or the allowlist was meant to apply.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.dm.open_invalid"),
}
