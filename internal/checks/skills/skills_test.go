package skills_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/skills"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", skills.Checks) }
