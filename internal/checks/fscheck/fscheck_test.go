package fscheck_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/fscheck"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", fscheck.Checks) }
