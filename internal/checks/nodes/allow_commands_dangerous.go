package nodes

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// AllowCommandsDangerous: allowing camera, screen, contacts, calendar,
// reminder or SMS commands lets anyone who can drive the gateway act on
// the paired devices.
var AllowCommandsDangerous = &check.Check{
	ID:          "gateway.nodes.allow_commands_dangerous",
	Severity:    check.Warn,
	Title:       "Node allow list enables high-impact device commands",
	Remediation: "Drop the device commands you do not need from the node allow list. If you keep them, treat gateway access as control of those devices: keep the gateway on loopback or a private tailnet and its credentials strong.",
	Doc:         "Paired nodes (phones, desktops) run the commands the gateway sends them. Commands such as camera.snap, screen.record, contacts.add or sms.send are off by default because they capture or change the owner's data; allowing them means any gateway client, or a prompt-injected agent, can use them. It is critical when the gateway is reachable beyond loopback (non-loopback bind or Tailscale serve/funnel). An entry that is also on the deny list is not counted.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorNodesAllow,
	Run: func(p *check.Pass) error {
		root := p.Root()
		allow := lists(root, "allowCommands", "allow")
		if len(allow) == 0 {
			return nil
		}
		allowed, denied := map[string]bool{}, map[string]bool{}
		for _, e := range entries(allow) {
			allowed[e] = true
		}
		for _, e := range entries(lists(root, "denyCommands", "deny")) {
			denied[e] = true
		}
		var hits []string
		for _, c := range dangerousCommands(p.Compat) {
			if allowed[c] && !denied[c] {
				hits = append(hits, c)
			}
		}
		if len(hits) == 0 {
			return nil
		}
		f := check.Finding{
			Detail:   fmt.Sprintf("%s enables %s.", paths(allow), strings.Join(hits, ", ")),
			Location: check.At(allow[0].Value, allow[0].Path),
		}
		if openclaw.RemotelyExposed(root) {
			f.Severity = check.Critical
			reach := fmt.Sprintf("gateway.tailscale.mode is %q", openclaw.TailscaleMode(root))
			if openclaw.BindExposed(root) {
				reach = fmt.Sprintf("gateway.bind is %q", openclaw.Bind(root))
			}
			f.Detail += " The gateway is reachable beyond loopback: " + reach + "."
		}
		p.Report(f)
		return nil
	},
}
