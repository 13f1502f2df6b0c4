package sandbox

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// DangerousBindMount: a bind of a system directory, the Docker socket or a
// credential folder hands the sandboxed session what the sandbox exists to
// keep from it.
var DangerousBindMount = &check.Check{
	ID:          "sandbox.dangerous_bind_mount",
	Severity:    check.Critical,
	Title:       "Sandbox bind mount exposes a protected host path",
	Remediation: "Remove the bind from the docker block's binds list and mount only the project folders the agent needs (read-only where possible).",
	Doc:         "Sandbox containers isolate tool runs from the host. A bind of /, of system folders (/etc, /proc, /sys, /dev, /root, /boot, /run, /var/run), of the Docker socket or of credential folders in the home directory (.ssh, .aws, .config, .docker, .gnupg, .npm, .cargo, .netrc) gives code inside the container the host's secrets or, through the Docker socket, control of the host. Release 2026.9 also reports binds of a parent of such a path, such as the home directory.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxDanger,
	Run: func(p *check.Pass) error {
		blocked := openclaw.BlockedBindPaths(openclaw.BindHomeRoots(p.Compat, p.Config.Paths.Home, p.Env))
		for b, block := range dockerBlocks(p.Root()) {
			for i, v := range block.Docker.Get("binds").Items() {
				bind, ok := v.String()
				if !ok {
					continue
				}
				verdict := openclaw.ClassifyBind(p.Compat, bind, blocked)
				if verdict.Kind != "covers" && verdict.Kind != "targets" {
					continue
				}
				how := "lies inside the protected path"
				if verdict.Kind == "covers" {
					how = "contains the protected path"
				}
				p.Report(check.Finding{
					Detail:   fmt.Sprintf("%s.binds has %q: its host source %s %s %q.", block.Label, bind, verdict.Source, how, verdict.Blocked),
					Location: check.At(v, fmt.Sprintf("%s.binds.%d", block.Path, i)),
					Group:    bindGroup(b, i),
				})
			}
		}
		return nil
	},
}
