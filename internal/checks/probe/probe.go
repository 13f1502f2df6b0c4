// Package probe holds the checks fed by the --deep live gateway probe. The
// audit runs the probe once, before the checks, and hands its outcome to
// them in Options.Gateway; the checks only read it.
package probe

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{
	ProbeFailed,
	ProbeAuthSecretRefUnavailable,
}
