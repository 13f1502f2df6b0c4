package probe

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// ProbeFailed: --deep could not hold a read-only conversation with the
// configured gateway.
var ProbeFailed = &check.Check{
	ID:          "gateway.probe_failed",
	Severity:    check.Warn,
	Title:       "Live gateway probe did not complete",
	Remediation: "Check that the gateway is running on the configured port and that the probe's credentials are right (pass --token or --password to try others), then run the audit with --deep again.",
	Doc: "With --deep, the audit connects to the configured gateway over its WebSocket protocol as a read-only operator " +
		"and asks for health, status, presence and the config. This finding means that conversation failed: nothing " +
		"listening, a refused handshake, wrong credentials, a timeout, or a refused read request. The detail is the " +
		"probe's error. A gateway that accepts the token but answers the read requests with a missing-scope error " +
		"authenticated the probe and refused the scope: the reference's probe sends no device identity, and such " +
		"gateways drop the scopes of shared-secret connections without one. The finding then says nothing about " +
		"the credentials.",
	Needs:     check.NeedsDeep,
	Collector: check.CollectorProbe,
	Run: func(p *check.Pass) error {
		g := p.Options.Gateway
		if g == nil || !g.Attempted || g.OK {
			return nil
		}
		detail := g.Error
		if strings.HasPrefix(detail, "missing scope:") {
			// KB-17: tell a refused scope apart from refused credentials.
			detail += "\nThe gateway accepted the probe's credentials but refused the read scope: it grants no scopes to a shared-secret connection without a paired device identity, so this says nothing about the token or password."
		}
		p.Report(check.Finding{Detail: detail})
		return nil
	},
}
