package channels_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/channels"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", channels.Checks) }
