package agents_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/agents"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", agents.Checks) }
