package security_test

import (
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/checks/security"
)

// Seed row A10: for intentional shared-user setups the multi-user finding
// tells the operator to sandbox every session, keep file access in the
// workspace, deny runtime/file/web tools and keep personal identities and
// credentials off that installation.
func TestSeedA10MultiUserRemediation(t *testing.T) {
	r := security.MultiUserHeuristic.Remediation
	for _, want := range []string{
		`agents.defaults.sandbox.mode "all"`,
		`tools.fs.workspaceOnly to true`,
		"runtime, file and web tools",
		"personal accounts and credentials",
	} {
		if !strings.Contains(r, want) {
			t.Errorf("remediation lacks %q: %s", want, r)
		}
	}
}
