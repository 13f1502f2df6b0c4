package codesafety_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/codesafety"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", codesafety.Checks) }
