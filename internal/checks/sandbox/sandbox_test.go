package sandbox_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/sandbox"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", sandbox.Checks) }
