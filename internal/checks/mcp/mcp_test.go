package mcp_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/mcp"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", mcp.Checks) }
