// Package security holds the cross-cutting exposure and trust-model checks.
package security

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{
	OpenChannelsWithExec,
	OpenGroupsWithElevated,
	OpenGroupsWithRuntimeOrFS,
	OpenGroupsWithControlPlaneTools,
	GroupScopeMain,
	MultiUserHeuristic,
	CrossAgentSessionAccess,
}
