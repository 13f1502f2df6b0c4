// Package hooks holds the checks of webhook ingress and hook installs.
package hooks

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
