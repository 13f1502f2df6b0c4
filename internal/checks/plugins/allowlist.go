package plugins

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// ExtensionsNoAllowlist: installed extensions with no plugins.allow means
// anything dropped into the extensions directory may load.
var ExtensionsNoAllowlist = &check.Check{
	ID:          "plugins.extensions_no_allowlist",
	Severity:    check.Warn,
	Title:       "Installed plugins are not pinned by plugins.allow",
	Remediation: "Set plugins.allow to the ids of the plugins you trust; anything else under the extensions directory is then ignored.",
	Doc:         "Plugins run inside the gateway with its full privileges. Without a non-empty plugins.allow, every plugin found under <stateDir>/extensions may be loaded, including one placed there by another program or left over from an experiment. Critical when a configured chat channel exposes native skill commands, because plugin-provided skills then become chat commands anyone on that channel can reach.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		stateDir := p.Config.Paths.StateDir
		dirs := openclaw.InstalledPluginDirs(p.Compat, p.State, stateDir)
		if len(dirs) == 0 {
			return nil
		}
		allow := p.Root().Get("plugins", "allow")
		if allow.IsArray() && allow.Len() > 0 {
			return nil
		}
		detail := fmt.Sprintf("%d plugin director%s under %s (%s) and plugins.allow is %s.",
			len(dirs), plural(len(dirs), "y", "ies"), openclaw.ExtensionsDir(stateDir), inlineJoin(dirs), describeAllow(allow.IsArray()))
		sev := check.Warn
		if chans := openclaw.NativeSkillChannels(p.Compat, p.Root(), p.Env); len(chans) > 0 {
			sev = check.Critical
			detail += fmt.Sprintf("\nNative skill commands are on for configured channel%s %s, so plugin skills are reachable from chat.", plural(len(chans), "", "s"), strings.Join(chans, ", "))
		}
		p.Report(check.Finding{Severity: sev, Detail: detail, Location: check.At(allow, "plugins.allow")})
		return nil
	},
}

func describeAllow(isArray bool) string {
	if isArray {
		return "empty"
	}
	return "not set"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// AllowPhantomEntries: an allow entry naming nothing installed is a
// standing invitation for a plugin that takes that id.
var AllowPhantomEntries = &check.Check{
	ID:          "plugins.allow_phantom_entries",
	Severity:    check.Warn,
	Title:       "plugins.allow names plugins that are not installed",
	Remediation: "Remove the listed ids from plugins.allow, or install the plugins they are meant for.",
	Doc:         "plugins.allow is a list of trusted plugin ids. An entry that matches no installed plugin directory and no bundled plugin (or one of its aliases) trusts an id nobody owns yet: whatever plugin is later installed under that id loads without review. 2026.9.6 reports this; clawcheck reports it under both profiles.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		stateDir := p.Config.Paths.StateDir
		dirs := openclaw.InstalledPluginDirs(p.Compat, p.State, stateDir)
		allow := p.Root().Get("plugins", "allow")
		if len(dirs) == 0 || allow.Len() == 0 || !allow.IsArray() {
			return nil
		}
		known := openclaw.KnownPluginIDs(p.State, stateDir, dirs)
		// Plugins installed through npm are in the plugin index too.
		recs, _ := openclaw.PluginInstallRecords(openclaw.InstallSources{Compat: p.Compat, Root: p.Root(), Snap: p.State, StateDir: stateDir})
		for _, r := range recs {
			known.Add(r.ID)
		}
		var phantoms []string
		for _, e := range allow.Strings() {
			if e == "group:plugins" || known.Has(e) {
				continue
			}
			phantoms = append(phantoms, e)
		}
		if len(phantoms) == 0 {
			return nil
		}
		quoted := make([]string, len(phantoms))
		for i, ph := range phantoms {
			quoted[i] = fmt.Sprintf("%q", ph)
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("plugins.allow lists %s, which match%s no installed or bundled plugin.", strings.Join(quoted, ", "), plural(len(phantoms), "es", "")),
			Location: check.At(allow, "plugins.allow"),
		})
		return nil
	},
}

// inlineJoin lists directory names on one line, whatever they contain.
func inlineJoin(names []string) string {
	shown := make([]string, len(names))
	for i, n := range names {
		shown[i] = check.InlineText(n)
	}
	return strings.Join(shown, ", ")
}
