package plugins_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/plugins"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", plugins.Checks) }
