// Package sandbox holds the sandbox checks: docker settings that do nothing
// while sandboxing is off, dangerous docker settings (binds, network,
// seccomp, AppArmor), the sandbox browser's CDP exposure, and existing
// sandbox-browser containers as docker reports them.
package sandbox

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// Checks is this family's list.
var Checks = []*check.Check{
	DockerConfigModeOff,
	DangerousBindMount, BindMountNonAbsolute, DangerousNetworkMode, DangerousSeccompProfile, DangerousApparmorProfile,
	BrowserCDPBridgeUnrestricted,
	BrowserHashLabelMissing, BrowserHashEpochStale, BrowserNonLoopbackPublish, BrowserDockerProbeTimeout,
}

// dockerBlock is one docker settings object the dangerous-config checks read.
type dockerBlock struct {
	Label  string // dotted path as details name it, e.g. agents.list.work.sandbox.docker
	Path   string // dotted path with array indexes, for locations
	Docker *config.Value
}

// dockerBlocks lists agents.defaults.sandbox.docker, then each roster
// agent's sandbox.docker, keeping only objects.
func dockerBlocks(root *config.Value) []dockerBlock {
	var out []dockerBlock
	if d := root.Get("agents", "defaults", "sandbox", "docker"); d.IsObject() {
		out = append(out, dockerBlock{"agents.defaults.sandbox.docker", "agents.defaults.sandbox.docker", d})
	}
	for _, a := range openclaw.SandboxRoster(root) {
		if d := a.Value.Get("sandbox", "docker"); d.IsObject() {
			out = append(out, dockerBlock{a.Label + ".sandbox.docker", a.Path + ".sandbox.docker", d})
		}
	}
	return out
}

// Group numbers keep one docker block's findings together and its binds in
// array order: block b's bind i sorts at b<<24+i, its other settings last.
const groupSpan = 1 << 24

func bindGroup(block, bind int) int { return block*groupSpan + min(bind, groupSpan-2) }
func settingsGroup(block int) int   { return block*groupSpan + groupSpan - 1 }

// lowerEquals is JavaScript's value?.toLowerCase() === want for a string setting.
func lowerEquals(v *config.Value, want string) bool {
	s, ok := v.String()
	return ok && strings.ToLower(s) == want
}
