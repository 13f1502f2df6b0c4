package gateway_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/gateway"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", gateway.Checks) }
