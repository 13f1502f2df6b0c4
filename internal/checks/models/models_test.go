package models_test

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/models"
	"github.com/clawcheck/clawcheck/internal/checktest"
)

func TestFixtures(t *testing.T) { checktest.Run(t, "testdata", models.Checks) }
