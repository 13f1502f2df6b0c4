package sandbox

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/docker"
)

// BrowserDockerProbeTimeout: docker did not answer in time, so the browser
// container checks saw only part of the picture.
var BrowserDockerProbeTimeout = &check.Check{
	ID:          "sandbox.browser_container.docker_probe_timeout",
	Severity:    check.Warn,
	Title:       "Docker did not answer the sandbox browser inspection in time",
	Remediation: "Check that the docker daemon is healthy (docker ps should answer promptly) and run the audit again, or pass --no-docker to skip the container inspection.",
	Doc:         "The audit asks docker for sandbox-browser containers, their labels and published ports, allowing each call " + docker.DefaultTimeout.String() + ". A call that takes longer is killed and the remaining containers are not inspected, so findings about them may be missing. Release 2026.4.14 has no limit and can hang; clawcheck reports the timeout under both profiles.",
	Needs:       check.NeedsState,
	Collector:   check.CollectorFSSandboxBrowse,
	Run: func(p *check.Pass) error {
		res := browserInspection(p)
		if !res.TimedOut {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("docker %s did not finish within %s; containers after that point were not inspected.", res.TimedOutCall, docker.DefaultTimeout),
		})
		return nil
	},
}
