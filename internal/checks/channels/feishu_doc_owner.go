package channels

import "github.com/clawcheck/clawcheck/internal/check"

// FeishuDocOwner: the Feishu document tool shares documents it creates with
// whoever asked for them.
var FeishuDocOwner = &check.Check{
	ID:          "channels.feishu.doc_owner_open_id",
	Severity:    check.Warn,
	Title:       "Feishu document tool can grant requesters access",
	Remediation: "Set channels.feishu.tools.doc to false unless every sender who can reach the bot may receive documents it creates.",
	Doc:         "With the Feishu document tool enabled (the default when the app is configured), creating a document can grant the requesting Feishu user permissions on it. Anyone admitted by the channel's policies can therefore obtain documents the agent writes.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.feishu.doc_owner_open_id"),
}
