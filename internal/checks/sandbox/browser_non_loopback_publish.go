package sandbox

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/docker"
)

// BrowserNonLoopbackPublish: a sandbox browser port published on a
// non-loopback address puts CDP or the observer UI on the network.
var BrowserNonLoopbackPublish = &check.Check{
	ID:          "sandbox.browser_container.non_loopback_publish",
	Severity:    check.Critical,
	Title:       "Sandbox browser container publishes ports beyond loopback",
	Remediation: "Recreate the sandbox browser containers (openclaw sandbox recreate --browser --all), then confirm with docker port that every mapping is bound to 127.0.0.1.",
	Doc:         "A sandbox browser publishes its DevTools (CDP) and observer ports to the host. Bound to 127.0.0.1 they are reachable only locally; bound to 0.0.0.0, [::] or any other address anyone who can reach the host can drive the browser and read its sessions. Every published port counts, as reported by docker port.",
	Needs:       check.NeedsState,
	Collector:   check.CollectorFSSandboxBrowse,
	Run: func(p *check.Pass) error {
		var hits []string
		for _, c := range browserInspection(p).Containers {
			var exposed []string
			for _, line := range c.Ports {
				if host, ok := docker.PublishedHost(line); ok && !docker.LoopbackHost(host) {
					exposed = append(exposed, line)
				}
			}
			if len(exposed) > 0 {
				hits = append(hits, fmt.Sprintf("%s (%s)", c.Name, strings.Join(exposed, "; ")))
			}
		}
		if len(hits) > 0 {
			p.Report(check.Finding{Detail: fmt.Sprintf("Ports published on a non-loopback address: %s.", strings.Join(hits, ", "))})
		}
		return nil
	},
}
