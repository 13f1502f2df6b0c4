package sandbox

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// DangerousNetworkMode: "host" and "container:<id>" networks remove the
// container's own network isolation.
var DangerousNetworkMode = &check.Check{
	ID:          "sandbox.dangerous_network_mode",
	Severity:    check.Critical,
	Title:       "Sandbox container shares another network namespace",
	Remediation: "Set the docker block's network to \"none\", \"bridge\" or a dedicated bridge network, and drop dangerouslyAllowContainerNamespaceJoin.",
	Doc:         "With network \"host\" a sandbox container sees every host interface and loopback service (the gateway included); with \"container:<id>\" it joins another container's network namespace and reaches whatever that container can. Either defeats the sandbox's network isolation. The break-glass flag dangerouslyAllowContainerNamespaceJoin makes the product accept a namespace join; it does not make it safe.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxDanger,
	Run: func(p *check.Pass) error {
		for b, block := range dockerBlocks(p.Root()) {
			v := block.Docker.Get("network")
			network, ok := v.String()
			if !ok || !openclaw.DangerousNetworkMode(network) {
				continue
			}
			what := "joins another container's network namespace"
			if strings.ToLower(strings.TrimSpace(network)) == "host" {
				what = "puts the container on the host's network stack"
			}
			p.Report(check.Finding{
				Detail:   fmt.Sprintf("%s.network is %q, which %s.", block.Label, network, what),
				Location: check.At(v, block.Path+".network"),
				Group:    settingsGroup(b),
			})
		}
		return nil
	},
}
