package channels

import "github.com/clawcheck/clawcheck/internal/check"

// RoutingOwnerMissing (profile 2026.9): admitted DMs have no agent to go to.
var RoutingOwnerMissing = &check.Check{
	ID:          "channels.<ch>.routing.owner_missing.<acct>",
	Severity:    check.Warn,
	Title:       "Direct messages of a channel account have no owning agent",
	Remediation: "Add a binding for the channel account ({ agentId, match: { channel, accountId } }), or name the owner: mark one agent default, or set agents.defaults.systemAgent.agentId when agents.ownership is \"explicit\".",
	Doc:         "Under profile 2026.9, as 2026.9.6 routes direct messages: a DM from an admitted sender goes to the agent a binding names, else the recorded system agent (explicit ownership), else the one agent marked default, else the only agent. With several agents and none of these, or with a binding naming an agent that does not exist, the message cannot be routed and the operator cannot tell which agent (and which tools) would have answered.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.routing.owner_missing.<acct>"),
}
