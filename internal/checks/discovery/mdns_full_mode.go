package discovery

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// MDNSFullMode: the gateway's Bonjour announcement carries everything a
// scanner needs to find and fingerprint it.
var MDNSFullMode = &check.Check{
	ID:          "discovery.mdns_full_mode",
	Severity:    check.Warn,
	Title:       "mDNS discovery broadcasts full gateway details",
	Remediation: "Set discovery.mdns.mode to \"minimal\" (the default) or \"off\".",
	Doc:         "In full mode the gateway's mDNS/Bonjour records announce details such as host names, paths and ports to everyone on the local network, which helps an attacker find and fingerprint it. It is critical when the gateway also listens beyond loopback, because the announced service is then directly reachable. The OPENCLAW_DISABLE_BONJOUR environment variable is not taken into account: the config is what a service restart will use.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		v := root.Get("discovery", "mdns", "mode")
		if v.StringOr("") != "full" {
			return nil
		}
		sev, detail := check.Warn, "discovery.mdns.mode is \"full\" on a loopback gateway."
		if openclaw.BindExposed(root) {
			sev = check.Critical
			detail = fmt.Sprintf("discovery.mdns.mode is \"full\" while gateway.bind is %q.", openclaw.Bind(root))
		}
		p.Report(check.Finding{Severity: sev, Detail: detail, Location: check.At(v, "discovery.mdns.mode")})
		return nil
	},
}
