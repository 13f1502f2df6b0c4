package configcheck

import (
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// flag is one enabled break-glass setting: its label (the path and the value
// that makes it dangerous) and the config value, for the location.
type flag struct {
	Label string
	Path  string
	Value *config.Value
}

// sandboxDockerFlags are the per-docker-block switches 2026.9.6 reports, in its order.
var sandboxDockerFlags = []string{
	"dangerouslyAllowReservedContainerTargets",
	"dangerouslyAllowExternalBindSources",
	"dangerouslyAllowContainerNamespaceJoin",
}

// pluginFlag is a dangerous value a bundled plugin declares in its config
// contract: a dotted path (where "*" matches any key or index) and the value.
type pluginFlag struct {
	Plugin string
	Path   string
	Equals any // bool or string
}

// pluginFlags414 and pluginFlags96 are the contracts of the plugins each
// release bundles (acpx in 2026.4.14, imap in 2026.9.6).
var (
	pluginFlags414 = []pluginFlag{{"acpx", "permissionMode", "approve-all"}}
	pluginFlags96  = []pluginFlag{
		{"imap", "accounts.*.senderAuth.acceptTrustedAuthservId", true},
		{"imap", "accounts.*.senderAuth.min", "unverified"},
		{"imap", "accounts.*.senderAuth.min", "mutable"},
	}
)

// enabledFlags lists the enabled flags in the profile's inventory order.
//
// Profile 2026.4 follows 2026.4.14's inventory, then adds the flags on keys
// only 2026.9.6 configs have (audit suppressions, agents.entries docker
// switches, the imap plugin), since 2026.4.14 cannot see them. Profile
// 2026.9 follows 2026.9.6's inventory, led by the 2026.4-era
// gateway.controlUi.allowInsecureAuth when a config still sets it.
func enabledFlags(compat check.Compat, root *config.Value) []flag {
	var out []flag
	isTrue := func(path ...string) {
		if v := root.Get(path...); v.IsTrue() {
			p := strings.Join(path, ".")
			out = append(out, flag{p + "=true", p, v})
		}
	}
	isFalse := func(path ...string) {
		if v := root.Get(path...); v.IsFalse() {
			p := strings.Join(path, ".")
			out = append(out, flag{p + "=false", p, v})
		}
	}
	mappings := func() {
		for i, m := range root.Get("hooks", "mappings").Items() {
			if v := m.Get("allowUnsafeExternalContent"); v.IsTrue() {
				p := "hooks.mappings[" + strconv.Itoa(i) + "].allowUnsafeExternalContent"
				out = append(out, flag{p + "=true", p, v})
			}
		}
	}
	suppressions := func() {
		if v := root.Get("security", "audit", "suppressions"); v.IsArray() && v.Len() > 0 {
			out = append(out, flag{"security.audit.suppressions configured (" + strconv.Itoa(v.Len()) + ")", "security.audit.suppressions", v})
		}
	}
	docker := func(block *config.Value, prefix string) {
		if !block.IsObject() {
			return
		}
		for _, k := range sandboxDockerFlags {
			if v := block.Get(k); v.IsTrue() {
				out = append(out, flag{prefix + "." + k + "=true", prefix + "." + k, v})
			}
		}
	}
	agentEntries := func() {
		for _, e := range root.Get("agents", "entries").Pairs() {
			docker(e.Value.Get("sandbox", "docker"), "agents.entries."+e.Key+".sandbox.docker")
		}
	}

	if compat.Is414() {
		isTrue("gateway", "controlUi", "allowInsecureAuth")
		isTrue("gateway", "controlUi", "dangerouslyAllowHostHeaderOriginFallback")
		isTrue("gateway", "controlUi", "dangerouslyDisableDeviceAuth")
		isTrue("hooks", "gmail", "allowUnsafeExternalContent")
		mappings()
		isFalse("tools", "exec", "applyPatch", "workspaceOnly")
		out = append(out, pluginContractFlags(root, pluginFlags414)...)
		suppressions()
		agentEntries()
		out = append(out, pluginContractFlags(root, pluginFlags96)...)
		return out
	}

	isTrue("gateway", "controlUi", "allowInsecureAuth")
	isTrue("gateway", "controlUi", "dangerouslyAllowHostHeaderOriginFallback")
	isTrue("hooks", "gmail", "allowUnsafeExternalContent")
	mappings()
	isFalse("tools", "exec", "applyPatch", "workspaceOnly")
	suppressions()
	isTrue("hooks", "allowRequestSessionKey")
	isTrue("browser", "ssrfPolicy", "dangerouslyAllowPrivateNetwork")
	isFalse("tools", "fs", "workspaceOnly")
	docker(root.Get("agents", "defaults", "sandbox", "docker"), "agents.defaults.sandbox.docker")
	agentEntries()
	for i, a := range root.Get("agents", "list").Items() {
		prefix := "agents.list." + strconv.Itoa(i)
		if id, ok := a.Get("id").String(); ok && id != "" {
			prefix = "agents.entries." + id
		}
		docker(a.Get("sandbox", "docker"), prefix+".sandbox.docker")
	}
	out = append(out, pluginContractFlags(root, pluginFlags96)...)
	return out
}

// pluginContractFlags matches plugin config contracts against
// plugins.entries.<id>.config, expanding "*" in the label and reporting each
// label once.
func pluginContractFlags(root *config.Value, contracts []pluginFlag) []flag {
	var out []flag
	seen := map[string]bool{}
	entries := root.Get("plugins", "entries")
	for _, c := range contracts {
		cfg := entries.Get(c.Plugin, "config")
		if !cfg.IsObject() {
			continue
		}
		for _, m := range matchPath(cfg, strings.Split(c.Path, "."), nil) {
			if !equalsContract(m.value, c.Equals) {
				continue
			}
			label := "plugins.entries." + c.Plugin + ".config." + strings.Join(m.path, ".") + "=" + contractString(c.Equals)
			if seen[label] {
				continue
			}
			seen[label] = true
			out = append(out, flag{label, "plugins.entries." + c.Plugin + ".config." + strings.Join(m.path, "."), m.value})
		}
	}
	return out
}

type pathMatch struct {
	path  []string
	value *config.Value
}

func matchPath(v *config.Value, pattern, prefix []string) []pathMatch {
	if len(pattern) == 0 {
		return []pathMatch{{append([]string(nil), prefix...), v}}
	}
	seg, rest := pattern[0], pattern[1:]
	var out []pathMatch
	if seg == "*" {
		for i, e := range v.Items() {
			out = append(out, matchPath(e, rest, append(prefix, strconv.Itoa(i)))...)
		}
		for _, m := range v.Pairs() {
			out = append(out, matchPath(m.Value, rest, append(prefix, m.Key))...)
		}
		return out
	}
	if v.IsArray() {
		i, err := strconv.Atoi(seg)
		if err != nil || i < 0 || i >= v.Len() {
			return nil
		}
		return matchPath(v.Index(i), rest, append(prefix, seg))
	}
	if !v.Has(seg) {
		return nil
	}
	return matchPath(v.Get(seg), rest, append(prefix, seg))
}

func equalsContract(v *config.Value, want any) bool {
	switch w := want.(type) {
	case bool:
		return v != nil && v.Kind == config.Bool && v.Bool == w
	case string:
		s, ok := v.String()
		return ok && s == w
	}
	return false
}

func contractString(v any) string {
	switch w := v.(type) {
	case bool:
		return strconv.FormatBool(w)
	case string:
		return w
	}
	return "null"
}
