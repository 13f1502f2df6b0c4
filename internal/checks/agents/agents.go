// Package agents holds the checks of the agent roster itself (agents.list
// in 2026.4.14, agents.entries and agents.ownership in 2026.9.6).
package agents

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list, in collector order.
var Checks = []*check.Check{InvalidDefaultCount}
