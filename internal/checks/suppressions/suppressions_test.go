package suppressions_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/gateway"
	"github.com/clawcheck/clawcheck/internal/checks/summary"
	"github.com/clawcheck/clawcheck/internal/checks/suppressions"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

// The marker is tested with real findings to filter: the summary (always
// present) and gateway.bind_no_auth.
func TestFixtures(t *testing.T) {
	extra := append([]*check.Check{}, summary.Checks...)
	extra = append(extra, gateway.BindNoAuth)
	checktest.RunWith(t, "testdata", suppressions.Checks, extra)
}
