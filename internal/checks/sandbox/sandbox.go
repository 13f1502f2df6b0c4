// Package sandbox holds the sandbox checks: docker settings, binds, networks and browser containers.
package sandbox

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
