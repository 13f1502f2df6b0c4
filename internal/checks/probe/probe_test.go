package probe_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/probe"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", probe.Checks) }
