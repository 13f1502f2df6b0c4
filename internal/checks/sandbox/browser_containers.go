package sandbox

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/docker"
)

// Expected openclaw.browserConfigEpoch label per profile (decision D10): the
// epoch of the browser security settings each release creates containers with.
const (
	browserEpoch414 = "2026-04-05-cdp-source-range"
	browserEpoch96  = "2026-05-12-cdp-relay-auth"
)

func expectedBrowserEpoch(c check.Compat) string {
	if c.Is96() {
		return browserEpoch96
	}
	return browserEpoch414
}

// browserInspection returns what docker reported, or nothing with --no-docker.
func browserInspection(p *check.Pass) docker.BrowserInspection {
	if p.Options.NoDocker {
		return docker.BrowserInspection{}
	}
	return p.Options.Docker.Browsers()
}

const recreateBrowsers = "Recreate the sandbox browser containers so they pick up the current settings: openclaw sandbox recreate --browser --all (add --force to skip the prompt)."
