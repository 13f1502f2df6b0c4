// Package nodes holds the checks of paired-node command policy.
package nodes

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
