package nodes_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/nodes"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", nodes.Checks) }
