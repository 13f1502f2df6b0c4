// Package all is the explicit list of every check clawcheck runs.
package all

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/gateway"
	"github.com/clawcheck/clawcheck/internal/checks/summary"
)

// Checks returns every family's checks, families in name order. Finding
// order comes from the collectors, not from this list.
func Checks() []*check.Check {
	var out []*check.Check
	for _, family := range [][]*check.Check{
		gateway.Checks,
		summary.Checks,
	} {
		out = append(out, family...)
	}
	if err := check.ValidateAll(out); err != nil {
		panic(err) // a broken registry is a programmer error caught at start-up and in tests
	}
	return out
}
