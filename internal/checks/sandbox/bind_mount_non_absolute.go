package sandbox

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// BindMountNonAbsolute: a relative source or a named volume cannot be
// checked against the protected host paths.
var BindMountNonAbsolute = &check.Check{
	ID:          "sandbox.bind_mount_non_absolute",
	Severity:    check.Warn,
	Title:       "Sandbox bind mount source is not an absolute path",
	Remediation: "Write the bind's host source as an absolute path, for example /home/me/project:/project:ro.",
	Doc:         "Docker reads a bind source that does not start with / as a path relative to where the container is created, or as a named volume. Neither can be checked against the host paths a sandbox must never see, and what it resolves to can change. Both releases' config validation rejects such binds; clawcheck audits them anyway.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSandboxDanger,
	Run: func(p *check.Pass) error {
		for b, block := range dockerBlocks(p.Root()) {
			for i, v := range block.Docker.Get("binds").Items() {
				bind, ok := v.String()
				if !ok {
					continue
				}
				verdict := openclaw.ClassifyBind(p.Compat, bind, nil)
				if verdict.Kind != "non_absolute" {
					continue
				}
				p.Report(check.Finding{
					Detail:   fmt.Sprintf("%s.binds has %q, whose host source %q is not absolute.", block.Label, bind, verdict.Source),
					Location: check.At(v, fmt.Sprintf("%s.binds.%d", block.Path, i)),
					Group:    bindGroup(b, i),
				})
			}
		}
		return nil
	},
}
