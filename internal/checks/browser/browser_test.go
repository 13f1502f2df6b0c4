package browser_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/browser"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", browser.Checks) }
