// Package logging holds the checks of log hygiene.
package logging

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{RedactOff}
