package schemacheck

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config/schema"
)

// RetiredKey: keys 2026.4.14 accepts and 2026.9.6 refuses. The config
// audits fine today; the upgrade will stop the gateway from starting.
var RetiredKey = &check.Check{
	ID:          "config.retired_key",
	Severity:    check.Info,
	Title:       "Config uses keys OpenClaw 2026.9 no longer accepts",
	Remediation: "Before upgrading to OpenClaw 2026.9, move each listed key to its replacement (named in the detail) or remove it.",
	Doc: "OpenClaw 2026.9.6 retired several 2026.4.14 config keys (node command lists, logging.redactSensitive, install records kept in the config, the Control UI insecure-auth switch, the dm blocks of Discord, Slack and Google Chat, browser profile colours and others). " +
		"Its strict validation refuses a config that still has them, so a gateway that runs today will not start after the upgrade, and a hurried edit to get it running can drop a protection. " +
		"The finding lists every such key and value with its file position and, where there is one, the key that replaces it.",
	Needs:     check.NeedsConfig,
	Collector: check.CollectorConfigHygiene,
	Run: func(p *check.Pass) error {
		if p.Schema == nil || len(p.Schema.OnlyIn414) == 0 {
			return nil
		}
		var items []string
		var first *check.Location
		values := 0
		for i := range p.Schema.OnlyIn414 {
			is := p.Schema.OnlyIn414[i].Issue()
			path := is.KeyPath()
			if is.Kind == schema.Unknown && migratedOnLoad(path) {
				continue
			}
			var item string
			if is.Kind == schema.Unknown {
				item = path + where(is.Origin)
				if r := replacementFor(path); r != "" {
					item += ": use " + r + " instead"
				} else {
					item += ": no replacement, remove it"
				}
			} else {
				values++
				item = fmt.Sprintf("%s%s: value rejected by 2026.9.6 (%s)", path, where(is.Origin), is.Message)
			}
			items = append(items, item)
			if first == nil {
				first = locate(is.Origin, path)
			}
		}
		if len(items) == 0 {
			return nil
		}
		noun := "keys"
		switch {
		case values > 0 && len(items) == 1:
			noun = "value"
		case values > 0 && values == len(items):
			noun = "values"
		case values > 0:
			noun = "keys or values"
		case len(items) == 1:
			noun = "key"
		}
		p.Report(check.Finding{
			Detail: check.InlineText(fmt.Sprintf("The config audits fine, but OpenClaw 2026.9 will refuse to start with %d retired %s: %s.",
				len(items), noun, strings.Join(items, "; "))),
			Location: first,
		})
		return nil
	},
}

// replacements name what took over a retired key, by path pattern: "*"
// stands for one segment (a channel, account or profile name) and "[]" for
// any array index; $1 and $2 in the replacement are the segments the stars
// matched. Patterns come from the key eras of the config spec.
var replacements = []struct{ pattern, replacement string }{
	{"gateway.nodes.denyCommands", "gateway.nodes.commands.deny"},
	{"gateway.nodes.allowCommands", "gateway.nodes.commands.allow"},
	{"channels.*.dm.policy", "channels.$1.dmPolicy"},
	{"channels.*.dm.allowFrom", "channels.$1.allowFrom"},
	{"channels.*.dm", "channels.$1.dmPolicy and channels.$1.allowFrom"},
	{"channels.*.accounts.*.dm.policy", "channels.$1.accounts.$2.dmPolicy"},
	{"channels.*.accounts.*.dm.allowFrom", "channels.$1.accounts.$2.allowFrom"},
	{"channels.*.accounts.*.dm", "channels.$1.accounts.$2.dmPolicy and channels.$1.accounts.$2.allowFrom"},
	{"env.*", "env.vars.$1"},
	{"plugins.installs", "the install records 2026.9 keeps in its state database"},
	{"plugins.installs.*", "the install records 2026.9 keeps in its state database"},
	{"hooks.internal.installs", "the hook install records 2026.9 keeps in its state database"},
	{"hooks.internal.installs.*", "the hook install records 2026.9 keeps in its state database"},
}

// migratedOnLoad reports whether 2026.9.6 accepts a key its schema no
// longer lists because its loader rewrites it in memory: agents.list becomes
// agents.entries, with a warning, and the gateway still starts.
func migratedOnLoad(path string) bool { return path == "agents.list" }

// replacementFor returns the replacement of a retired key path, or "".
func replacementFor(path string) string {
	segs := splitPath(path)
	for _, r := range replacements {
		if stars, ok := matchSegments(strings.Split(r.pattern, "."), segs); ok {
			out := r.replacement
			for i := len(stars) - 1; i >= 0; i-- {
				out = strings.ReplaceAll(out, "$"+strconv.Itoa(i+1), stars[i])
			}
			return out
		}
	}
	return ""
}

// splitPath splits a dotted path, with an index written "[n]" becoming the
// segment "[]".
func splitPath(path string) []string {
	var out []string
	for _, part := range strings.Split(path, ".") {
		key, idx, hasIdx := strings.Cut(part, "[")
		if key != "" {
			out = append(out, key)
		}
		for hasIdx {
			out = append(out, "[]")
			_, idx, hasIdx = strings.Cut(idx, "[")
		}
	}
	return out
}

// matchSegments matches a pattern and returns the segments its stars took.
func matchSegments(pattern, segs []string) ([]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	var stars []string
	for i, p := range pattern {
		switch {
		case p == "*":
			stars = append(stars, segs[i])
		case p != segs[i]:
			return nil, false
		}
	}
	return stars, true
}
