package probe

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// ProbeAuthSecretRefUnavailable: the gateway credential the probe should
// have used is a SecretRef the audit could not resolve.
var ProbeAuthSecretRefUnavailable = &check.Check{
	ID:          "gateway.probe_auth_secretref_unavailable",
	Severity:    check.Warn,
	Title:       "Gateway credential for the live probe is an unresolved SecretRef",
	Remediation: "Make the referenced secret available to this shell (for an env reference, export the variable), set OPENCLAW_GATEWAY_TOKEN or OPENCLAW_GATEWAY_PASSWORD, or pass --token / --password, then run the audit with --deep again.",
	Doc: "The --deep probe authenticates with the gateway credential the CLI would use: gateway.auth.* in local mode, " +
		"gateway.remote.* in remote mode. When that credential is a SecretRef (or an ${VAR} placeholder) that cannot be " +
		"resolved in the audit's environment, the probe runs without configured credentials, so its result says little " +
		"about the real gateway. --token and --password replace the configured credentials and avoid this.",
	Needs:     check.NeedsDeep,
	Collector: check.CollectorProbe,
	Run: func(p *check.Pass) error {
		g := p.Options.Gateway
		if g == nil || g.UnresolvedRef == "" {
			return nil
		}
		f := check.Finding{
			Detail: fmt.Sprintf("%s is a SecretRef that could not be resolved here, so the probe ran without configured credentials.", g.UnresolvedRef),
		}
		if in := p.Config.Secret(g.UnresolvedRef); in != nil {
			f.Location = check.At(in.Value, g.UnresolvedRef)
		}
		p.Report(f)
		return nil
	},
}
