package hooks_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/hooks"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", hooks.Checks) }
