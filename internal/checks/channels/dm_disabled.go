package channels

import "github.com/clawcheck/clawcheck/internal/check"

// DMDisabled is informational: DMs are switched off for the account.
var DMDisabled = &check.Check{
	ID:        "channels.<ch>.dm.disabled",
	Severity:  check.Info,
	Title:     "Channel ignores direct messages",
	Doc:       "A DM policy of \"disabled\" drops every direct message to the bot. That is the safest DM setting; the finding only records it so the channel's access picture is complete. The other DM checks are skipped for such an account.",
	Needs:     blockNeeds,
	Collector: check.CollectorChannels,
	Run:       reportOwn("channels.<ch>.dm.disabled"),
}
