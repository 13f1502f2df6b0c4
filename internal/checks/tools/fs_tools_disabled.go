package tools

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// ExecFSToolsDisabled: denying write/edit/apply_patch does not make an
// agent read-only while it can still run a shell.
var ExecFSToolsDisabled = &check.Check{
	ID:          "tools.exec.fs_tools_disabled_but_exec_enabled",
	Severity:    check.Warn,
	Title:       "File-writing tools are denied but exec can still write files",
	Remediation: "For an agent meant to be read-only, also deny exec and process (group:runtime). If it needs a shell, run it with sandbox mode \"all\" and workspaceAccess \"ro\" or \"none\", without an exec host of \"gateway\" or \"node\".",
	Doc:         "Denying write, edit and apply_patch looks like a read-only agent, but exec is a shell: it can create, change and delete files anywhere the host (or an rw sandbox workspace) allows. Only a full sandbox with a read-only or absent workspace actually bounds what exec can write. 2026.9.6 reports this; clawcheck reports it under both profiles because the risk does not depend on the release.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		gexec := root.Get("tools", "exec")
		var hits []string
		var loc *check.Location
		for _, ctx := range toolpolicy.Contexts(p.Compat, root) {
			label := "tools"
			var aexec *config.Value
			if ctx.Agent != nil {
				label = ctx.Label + ".tools"
				aexec = ctx.Agent.Value.Get("tools", "exec")
			}
			host := aexec.Get("host").StringOr(gexec.Get("host").StringOr("auto"))
			resolved := ctx.Agent
			if resolved != nil && resolved.Value != nil {
				if f := toolpolicy.FindAgent(root, resolved.ID); f != nil {
					resolved = f
				}
			}
			access := toolpolicy.WorkspaceAccess(root, resolved)
			if ctx.SandboxMode == "all" && host != "gateway" && host != "node" && access != "rw" {
				continue
			}
			pol := toolpolicy.Resolve(p.Compat, root, ctx.Agent, toolpolicy.Options{})
			if !pol.Allows("exec") {
				continue
			}
			disabled := 0
			for _, t := range []string{"write", "edit", "apply_patch"} {
				if !pol.Allows(t) {
					disabled++
				}
			}
			if disabled != 3 {
				continue
			}
			hits = append(hits, fmt.Sprintf("%s: exec allowed, write/edit/apply_patch denied (exec.host=%s, sandbox=%s, workspaceAccess=%s)",
				label, host, ctx.SandboxMode, access))
			if loc == nil {
				if ctx.Agent == nil {
					loc = check.At(root.Get("tools", "deny"), "tools.deny")
				} else {
					loc = check.At(ctx.Agent.Value.Get("tools", "deny"), ctx.Agent.Path+".tools.deny")
				}
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "Scopes where the file tools are off but a shell is on:\n- " + strings.Join(hits, "\n- "),
			Location: loc,
		})
		return nil
	},
}
