// Package browser holds the checks of the browser control plugin.
package browser

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
