package gateway

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// httpToolDeny414 and httpToolDeny96 are the tools each release keeps off
// the HTTP /tools/invoke endpoint unless gateway.tools.allow names them.
var (
	httpToolDeny414 = []string{
		"exec", "spawn", "shell", "fs_write", "fs_delete", "fs_move", "apply_patch",
		"sessions_spawn", "sessions_send", "cron", "gateway", "nodes", "whatsapp_login",
	}
	httpToolDeny96 = []string{
		"exec", "spawn", "shell", "fs_write", "fs_delete", "fs_move", "apply_patch", "terminal", "portal",
		"sessions_spawn", "sessions_send", "conversations_list", "conversations_send", "conversations_turn",
		"automations", "gateway", "plugins", "nodes", "computer", "mobile_ui", "openclaw",
	}
	// toolAliases96 are 2026.9.6's tool-name aliases. Its audit compares
	// names without them, so ["cron"] slipped past; we resolve them first.
	toolAliases96 = map[string]string{"cron": "automations", "bash": "exec", "apply-patch": "apply_patch"}
)

// ToolsInvokeHTTPDangerousAllow: gateway.tools.allow lifts the default deny
// list of the HTTP tool endpoint for tools that run commands, write files or
// steer the gateway.
var ToolsInvokeHTTPDangerousAllow = &check.Check{
	ID:          "gateway.tools_invoke_http.dangerous_allow",
	Severity:    check.Warn,
	Title:       "HTTP tool endpoint re-enables high-risk tools",
	Remediation: "Remove command, file-write, session and gateway-control tools from gateway.tools.allow; call them through an agent session instead of the HTTP /tools/invoke endpoint.",
	Doc:         "The gateway's HTTP /tools/invoke endpoint refuses a built-in list of dangerous tools (exec, shell, file writes, session spawning, gateway and node control) because a single authenticated HTTP request would otherwise run them with no agent, approval or sandbox in between. gateway.tools.allow lifts that refusal. The finding is critical when the gateway is reachable beyond loopback or through Tailscale Funnel.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorGateway,
	Run: func(p *check.Pass) error {
		root := p.Root()
		allowV := root.Get("gateway", "tools", "allow")
		allowed := map[string]bool{}
		for _, s := range allowV.Strings() {
			name := strings.ToLower(strings.TrimSpace(s))
			if p.Compat.Is96() {
				if alias, ok := toolAliases96[name]; ok {
					name = alias
				}
			}
			if name != "" {
				allowed[name] = true
			}
		}
		deny := httpToolDeny414
		if p.Compat.Is96() {
			deny = httpToolDeny96
		}
		var reenabled []string
		for _, name := range deny {
			if allowed[name] {
				reenabled = append(reenabled, name)
			}
		}
		if len(reenabled) == 0 {
			return nil
		}
		sev, where := check.Warn, "the gateway listens on loopback only"
		if openclaw.ToolsInvokeExposed(root) {
			sev = check.Critical
			where = "the gateway is reachable beyond loopback"
			if !openclaw.BindExposed(root) {
				where = "Tailscale Funnel publishes the gateway"
			}
		}
		p.Report(check.Finding{
			Severity: sev,
			Detail:   fmt.Sprintf("gateway.tools.allow re-enables %s on HTTP /tools/invoke; %s.", strings.Join(reenabled, ", "), where),
			Location: check.At(allowV, "gateway.tools.allow"),
		})
		return nil
	},
}
