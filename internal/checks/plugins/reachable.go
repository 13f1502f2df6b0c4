package plugins

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// pluginProbeTool stands for a tool nobody has heard of: if it passes every
// policy layer, so does any tool an extension plugin registers.
const pluginProbeTool = "__openclaw_plugin_probe__"

// ToolsReachablePermissivePolicy: extension plugin tools are callable
// wherever the tool policy lets unknown tools through.
var ToolsReachablePermissivePolicy = &check.Check{
	ID:          "plugins.tools_reachable_permissive_policy",
	Severity:    check.Warn,
	Title:       "Extension plugin tools are reachable under a permissive tool policy",
	Remediation: "Give agents that handle untrusted input a restrictive tool profile (minimal, coding or messaging) or an explicit tools.allow list that leaves plugin tools out.",
	Doc:         "Enabled extension plugins can register their own tools. A context (the defaults or an agent) whose policy lets an arbitrary, unknown tool name through (no profile or the full profile, no restricting allow list, no sandbox tool policy) also lets every plugin tool through; so does a custom setup whose allow lists name group:plugins or a plugin id. Prompt injection through any channel such an agent serves can then drive plugin code.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		root := p.Root()
		dirs := openclaw.InstalledPluginDirs(p.Compat, p.State, p.Config.Paths.StateDir)
		enabled := openclaw.EnabledExtensionPluginIDs(root, dirs)
		if len(enabled) == 0 {
			return nil
		}
		enabledSet := map[string]bool{}
		for _, id := range enabled {
			enabledSet[id] = true
		}
		global := root.Get("tools")
		var permissive []string
		for _, ctx := range toolpolicy.Contexts(p.Compat, root) {
			agentTools := ctx.Agent.Tools()
			profile := agentTools.Get("profile")
			if !profile.Present() {
				profile = global.Get("profile")
			}
			restrictive := false
			if name, ok := profile.String(); ok {
				allow, known := toolpolicy.ProfileAllow(p.Compat, name)
				restrictive = known && len(allow) > 0
			}
			broad := toolpolicy.Resolve(p.Compat, root, ctx.Agent, toolpolicy.Options{}).Allows(pluginProbeTool)
			explicit := !restrictive && (namesPlugins(global, enabledSet) || providerNamesPlugins(global.Get("byProvider"), enabledSet) ||
				namesPlugins(agentTools, enabledSet) || providerNamesPlugins(agentTools.Get("byProvider"), enabledSet))
			if broad || explicit {
				label := ctx.Label
				if ctx.Agent == nil {
					label = "default"
				}
				permissive = append(permissive, label)
			}
		}
		if len(permissive) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("Enabled extension plugins: %s.\nContexts whose tool policy lets plugin tools through:\n- %s",
				strings.Join(enabled, ", "), strings.Join(permissive, "\n- ")),
			Location: check.At(global.Get("profile"), "tools.profile"),
		})
		return nil
	},
}

// namesPlugins: tools.allow or tools.alsoAllow contains group:plugins or an
// enabled plugin id.
func namesPlugins(tools *config.Value, enabled map[string]bool) bool {
	for _, k := range []string{"allow", "alsoAllow"} {
		for _, s := range tools.Get(k).Strings() {
			s = strings.ToLower(strings.TrimSpace(s))
			if s == "group:plugins" || enabled[s] {
				return true
			}
		}
	}
	return false
}

func providerNamesPlugins(byProvider *config.Value, enabled map[string]bool) bool {
	for _, m := range byProvider.Pairs() {
		if namesPlugins(m.Value, enabled) {
			return true
		}
	}
	return false
}
