package configcheck

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// InsecureOrDangerousFlags: break-glass settings that knowingly weaken a
// protection are switched on.
var InsecureOrDangerousFlags = &check.Check{
	ID:          "config.insecure_or_dangerous_flags",
	Severity:    check.Warn,
	Title:       "Break-glass security overrides are enabled",
	Remediation: "Switch each listed override back to its safe default unless you still need it, and record why for the ones you keep.",
	Doc:         "Settings such as dangerouslyAllowHostHeaderOriginFallback, allowUnsafeExternalContent, workspaceOnly=false or the sandbox's dangerouslyAllow* switches each turn off one protection on purpose. They are meant for short, deliberate use; left on, they quietly widen what an attacker or a prompt-injected agent can do. Enabling one is not a vulnerability in itself, so this is a warning. Profile 2026.4 reports one finding listing every enabled flag, as 2026.4.14 does; profile 2026.9 reports one finding per flag, as 2026.9.6 does.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		flags := enabledFlags(p.Compat, p.Root())
		if len(flags) == 0 {
			return nil
		}
		if p.Compat.Is414() {
			labels := make([]string, len(flags))
			for i, f := range flags {
				labels[i] = f.Label
			}
			noun := "overrides are"
			if len(flags) == 1 {
				noun = "override is"
			}
			p.Report(check.Finding{
				Detail:   fmt.Sprintf("%d break-glass %s enabled: %s.", len(flags), noun, strings.Join(labels, ", ")),
				Location: check.At(flags[0].Value, flags[0].Path),
			})
			return nil
		}
		for _, f := range flags {
			p.Report(check.Finding{
				Detail:   "Break-glass override enabled: " + f.Label + ".",
				Location: check.At(f.Value, f.Path),
			})
		}
		return nil
	},
}
