package tools_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/tools"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", tools.Checks) }
