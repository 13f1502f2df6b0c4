package all

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestEveryCheckHasFixtures is the registry's coverage gate: every check
// appears in some family fixture's want section (the family tests also
// require a fixture where it stays silent).
func TestEveryCheckHasFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "*", "testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	wanted := map[string]bool{}
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range ar.Files {
			if !strings.HasPrefix(sec.Name, "want") {
				continue
			}
			for _, line := range strings.Split(string(sec.Data), "\n") {
				if fields := strings.Fields(line); len(fields) >= 2 {
					wanted[fields[0]] = true
				}
			}
		}
	}
	for _, c := range Checks() {
		found := false
		for id := range wanted {
			found = found || c.Matches(id)
		}
		if !found {
			t.Errorf("check %s has no fixture that expects it", c.ID)
		}
	}
}
