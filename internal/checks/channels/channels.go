// Package channels holds the channel access checks: DM and group policies, allowlists and session scope.
package channels

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
