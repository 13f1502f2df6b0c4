package logging_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/logging"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", logging.Checks) }
