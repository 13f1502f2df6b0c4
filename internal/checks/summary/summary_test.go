package summary_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/summary"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", summary.Checks) }
