package discovery_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/discovery"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", discovery.Checks) }
