package schemacheck_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/schemacheck"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", schemacheck.Checks) }
