package configcheck_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/configcheck"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", configcheck.Checks) }
