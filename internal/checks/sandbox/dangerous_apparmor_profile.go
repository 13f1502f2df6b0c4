package sandbox

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// DangerousApparmorProfile: an unconfined AppArmor profile removes the
// mandatory access control Docker applies to containers.
var DangerousApparmorProfile = &check.Check{
	ID:          "sandbox.dangerous_apparmor_profile",
	Severity:    check.Critical,
	Title:       "Sandbox container runs without AppArmor confinement",
	Remediation: "Remove apparmorProfile from the docker block to keep Docker's default profile, or name a specific AppArmor profile.",
	Doc:         "On hosts with AppArmor, Docker confines containers with its default profile, which limits mounts, /proc and /sys writes and similar escape routes. apparmorProfile \"unconfined\" turns that off for sandbox containers. Both releases' config validation rejects the value; clawcheck audits it anyway.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxDanger,
	Run: func(p *check.Pass) error {
		for b, block := range dockerBlocks(p.Root()) {
			v := block.Docker.Get("apparmorProfile")
			if !lowerEquals(v, "unconfined") {
				continue
			}
			p.Report(check.Finding{
				Detail:   fmt.Sprintf("%s.apparmorProfile is %q: the container is not confined.", block.Label, v.Str),
				Location: check.At(v, block.Path+".apparmorProfile"),
				Group:    settingsGroup(b),
			})
		}
		return nil
	},
}
