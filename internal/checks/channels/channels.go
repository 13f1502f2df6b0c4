// Package channels holds the channel access checks: DM and group policies,
// allowlists and session scope. They form one upstream collector, the
// channel block (block.go); each check reports its share of the block.
package channels

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{
	ReadOnlyResolution,
	DangerousNameMatching,
	DMOpen,
	DMOpenInvalid,
	DMDisabled,
	DMScopeMainMultiuser,
	DMLocked,
	RoutingOwnerMissing,
	SessionCollision,
	GroupsOpen,
	DiscordBroadMembers,
	Warning,
	TelegramAllowFromInvalid,
	TelegramGroupsAllowFromWildcard,
	TelegramGroupsAllowFromMissing,
	DiscordNativeUnrestricted,
	DiscordNativeNoAllowlists,
	SlackSlashAccessGroupsOff,
	SlackSlashNoAllowlists,
	FeishuDocOwner,
	SynologyReplyNameMatching,
	NameBasedEntries,
}
