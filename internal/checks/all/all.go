// Package all is the explicit list of every check clawcheck runs.
package all

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/agents"
	"github.com/clawcheck/clawcheck/internal/checks/browser"
	"github.com/clawcheck/clawcheck/internal/checks/channels"
	"github.com/clawcheck/clawcheck/internal/checks/codesafety"
	"github.com/clawcheck/clawcheck/internal/checks/configcheck"
	"github.com/clawcheck/clawcheck/internal/checks/discovery"
	"github.com/clawcheck/clawcheck/internal/checks/fscheck"
	"github.com/clawcheck/clawcheck/internal/checks/gateway"
	"github.com/clawcheck/clawcheck/internal/checks/hooks"
	"github.com/clawcheck/clawcheck/internal/checks/leaks"
	"github.com/clawcheck/clawcheck/internal/checks/logging"
	"github.com/clawcheck/clawcheck/internal/checks/mcp"
	"github.com/clawcheck/clawcheck/internal/checks/models"
	"github.com/clawcheck/clawcheck/internal/checks/nodes"
	"github.com/clawcheck/clawcheck/internal/checks/plugins"
	"github.com/clawcheck/clawcheck/internal/checks/probe"
	"github.com/clawcheck/clawcheck/internal/checks/sandbox"
	"github.com/clawcheck/clawcheck/internal/checks/schemacheck"
	"github.com/clawcheck/clawcheck/internal/checks/security"
	"github.com/clawcheck/clawcheck/internal/checks/skills"
	"github.com/clawcheck/clawcheck/internal/checks/summary"
	"github.com/clawcheck/clawcheck/internal/checks/suppressions"
	"github.com/clawcheck/clawcheck/internal/checks/tools"
)

// Checks returns every family's checks, families in name order. Finding
// order comes from the collectors, not from this list.
func Checks() []*check.Check {
	var out []*check.Check
	for _, family := range [][]*check.Check{
		agents.Checks,
		browser.Checks,
		channels.Checks,
		codesafety.Checks,
		configcheck.Checks,
		discovery.Checks,
		fscheck.Checks,
		gateway.Checks,
		hooks.Checks,
		leaks.Checks,
		logging.Checks,
		mcp.Checks,
		models.Checks,
		nodes.Checks,
		plugins.Checks,
		probe.Checks,
		sandbox.Checks,
		schemacheck.Checks,
		security.Checks,
		skills.Checks,
		summary.Checks,
		suppressions.Checks,
		tools.Checks,
	} {
		out = append(out, family...)
	}
	if err := check.ValidateAll(out); err != nil {
		panic(err) // a broken registry is a programmer error caught at start-up and in tests
	}
	return out
}
