// Package tools holds the tool policy checks: elevated senders, exec and the minimal profile.
package tools

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{
	ElevatedAllowFromWildcard,
	ElevatedAllowFromLarge,
	ExecHostSandboxNoSandboxDefaults,
	ExecHostSandboxNoSandboxAgents,
	ExecSecurityFull,
	ExecFSToolsDisabled,
	ExecAutoAllowSkills,
	ExecInterpreterWithoutStrictInlineEval,
	SafeBinsInterpreterUnprofiled,
	SafeBinsBroadBehavior,
	SafeBinTrustedDirsRisky,
	SkillMCPBoundaryDrift,
	McporterInspectionIncomplete,
	MinimalProfileOverridden,
}
