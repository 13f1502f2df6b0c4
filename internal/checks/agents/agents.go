// Package agents holds the checks of the agent roster.
package agents

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
