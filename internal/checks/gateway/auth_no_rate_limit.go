package gateway

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// AuthNoRateLimit: an exposed gateway accepts unlimited login attempts.
var AuthNoRateLimit = &check.Check{
	ID:          "gateway.auth_no_rate_limit",
	Severity:    check.Warn,
	Title:       "Exposed gateway has no authentication rate limit",
	Remediation: "Add gateway.auth.rateLimit (for example { maxAttempts: 10, windowMs: 60000, lockoutMs: 300000 }).",
	Doc:         "A gateway reachable from the network without gateway.auth.rateLimit lets a client try tokens or passwords as fast as it can send them, which turns a short or human-chosen secret into a matter of time.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		if !openclaw.BindExposed(root) || root.Get("gateway", "auth", "rateLimit").Truthy() {
			return nil
		}
		if openclaw.ResolveAuth(p.Compat, p.Config, p.Env).Mode == "trusted-proxy" {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("gateway.bind is %q and gateway.auth.rateLimit is not set.", openclaw.Bind(root)),
			Location: check.At(root.Get("gateway", "bind"), "gateway.bind"),
		})
		return nil
	},
}
