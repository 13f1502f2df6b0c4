// Package skills holds the checks of skill workspaces.
package skills

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
