package security_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/security"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", security.Checks) }
