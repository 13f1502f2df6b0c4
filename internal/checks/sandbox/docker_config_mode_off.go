package sandbox

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// DockerConfigModeOff: docker settings only apply to sandboxed sessions, so
// with sandboxing off they give a false sense of isolation.
var DockerConfigModeOff = &check.Check{
	ID:          "sandbox.docker_config_mode_off",
	Severity:    check.Warn,
	Title:       "Sandbox docker settings have no effect because sandboxing is off",
	Remediation: "Turn sandboxing on where you meant it to apply (agents.defaults.sandbox.mode or the agent's sandbox.mode set to \"non-main\" or \"all\"), or delete the docker settings that are not used.",
	Doc:         "Docker settings (image, network, binds, limits) describe the container a sandboxed session runs in. With sandbox mode \"off\" no container is started and tools run directly on the host, so settings such as network \"none\" protect nothing. The defaults' docker block counts only when no agent enables sandboxing; an agent's own docker block counts when that agent resolves to mode \"off\".",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxModeOff,
	Run: func(p *check.Pass) error {
		root := p.Root()
		roster := openclaw.SandboxRoster(root)
		var paths []string
		var loc *check.Location
		defaults := root.Get("agents", "defaults", "sandbox", "docker")
		if openclaw.DockerConfigured(defaults) && openclaw.SandboxDefaultMode(root) == "off" {
			anyOn := false
			for _, a := range roster {
				anyOn = anyOn || openclaw.SandboxMode(root, a.Value) != "off"
			}
			if !anyOn {
				paths = append(paths, "agents.defaults.sandbox.docker")
				loc = check.At(defaults, "agents.defaults.sandbox.docker")
			}
		}
		for _, a := range roster {
			d := a.Value.Get("sandbox", "docker")
			if !openclaw.DockerConfigured(d) || openclaw.SandboxMode(root, a.Value) != "off" {
				continue
			}
			paths = append(paths, a.Label+".sandbox.docker")
			if loc == nil {
				loc = check.At(d, a.Path+".sandbox.docker")
			}
		}
		if len(paths) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("Sandbox mode resolves to \"off\" where these docker settings would apply, so no container uses them:\n- %s", strings.Join(paths, "\n- ")),
			Location: loc,
		})
		return nil
	},
}
