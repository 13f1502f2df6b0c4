package sandbox

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
)

// DangerousSeccompProfile: an unconfined seccomp profile lets container
// code make every system call, kernel exploits included.
var DangerousSeccompProfile = &check.Check{
	ID:          "sandbox.dangerous_seccomp_profile",
	Severity:    check.Critical,
	Title:       "Sandbox container runs without seccomp filtering",
	Remediation: "Remove seccompProfile from the docker block to keep Docker's default filter, or point it at a custom profile file.",
	Doc:         "Docker's default seccomp profile blocks system calls that containers rarely need and that kernel exploits often use. seccompProfile \"unconfined\" removes that filter for sandbox containers. Both releases' config validation rejects the value; clawcheck audits it anyway.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxDanger,
	Run: func(p *check.Pass) error {
		for b, block := range dockerBlocks(p.Root()) {
			v := block.Docker.Get("seccompProfile")
			if !lowerEquals(v, "unconfined") {
				continue
			}
			p.Report(check.Finding{
				Detail:   fmt.Sprintf("%s.seccompProfile is %q: system calls are not filtered.", block.Label, v.Str),
				Location: check.At(v, block.Path+".seccompProfile"),
				Group:    settingsGroup(b),
			})
		}
		return nil
	},
}
