package leaks_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/leaks"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", leaks.Checks) }
