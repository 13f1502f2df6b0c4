package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/report"
)

var update = flag.Bool("update", false, "rewrite docs/checks.md from the registry")

// docs/checks.md is generated from the registry; it must never drift.
func TestDocsChecksUpToDate(t *testing.T) {
	inv := &Invocation{Checks: all.Checks()}
	var b bytes.Buffer
	if err := writeCatalogueMarkdown(&b, inv.catalogue()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "checks.md")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Fatalf("docs/checks.md is stale: run `make docs` (or go test ./internal/cli -run TestDocsChecksUpToDate -update)")
	}
}

// Every rule in SARIF logs links to an anchor that docs/checks.md has.
func TestDocsAnchorsExist(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "checks.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all.Checks() {
		heading := "\n## `" + c.ID + "`\n"
		if !bytes.Contains(got, []byte(heading)) {
			t.Errorf("docs/checks.md has no heading for %s (anchor #%s)", c.ID, report.Anchor(c.ID))
		}
	}
}
