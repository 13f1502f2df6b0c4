// Package nodes holds the checks of the gateway's node command policy:
// deny entries that can never match and dangerous commands allowed.
package nodes

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// Checks is this family's list.
var Checks = []*check.Check{DenyCommandsIneffective, AllowCommandsDangerous}

// commandList is one node command list as written: the 2026.4.14 key
// (gateway.nodes.denyCommands / allowCommands) or the 2026.9.6 key
// (gateway.nodes.commands.deny / allow).
type commandList struct {
	Path    string
	Value   *config.Value
	Entries []string // trimmed, non-blank string entries
}

// lists returns the lists present under both keys, the 2026.4.14 key first.
func lists(root *config.Value, legacyKey, key string) []commandList {
	var out []commandList
	nodes := root.Get("gateway", "nodes")
	for _, c := range []struct {
		path string
		v    *config.Value
	}{
		{"gateway.nodes." + legacyKey, nodes.Get(legacyKey)},
		{"gateway.nodes.commands." + key, nodes.Get("commands", key)},
	} {
		if !c.v.IsArray() {
			continue
		}
		l := commandList{Path: c.path, Value: c.v}
		for _, s := range c.v.Strings() {
			if s = strings.TrimSpace(s); s != "" {
				l.Entries = append(l.Entries, s)
			}
		}
		if len(l.Entries) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func entries(ls []commandList) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Entries...)
	}
	return out
}

func paths(ls []commandList) string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Path)
	}
	return strings.Join(out, " and ")
}

// dangerousCommands are the node commands that act on the device or its
// owner's data (camera, screen, contacts, calendar, reminders, SMS), in the
// order each release lists them.
func dangerousCommands(c check.Compat) []string {
	if c.Is96() {
		return []string{"camera.snap", "camera.clip", "camera.ptz.control", "screen.record", "contacts.add",
			"calendar.add", "reminders.add", "sms.send", "sms.search", "health.summary"}
	}
	return []string{"camera.snap", "camera.clip", "screen.record", "contacts.add", "calendar.add",
		"reminders.add", "sms.send", "sms.search"}
}

var canvasCommands = []string{"canvas.present", "canvas.hide", "canvas.navigate", "canvas.eval", "canvas.snapshot",
	"canvas.a2ui.push", "canvas.a2ui.pushJSONL", "canvas.a2ui.reset"}

// knownCommands414 is 2026.4.14's set in insertion order: the union of the
// per-platform default allowlists (ios, android, macos, linux, windows,
// unknown), with the allow-list entries added during the ios pass.
func knownCommands414(allow []string) []string {
	ios := append(append([]string{}, canvasCommands...), "camera.list", "location.get", "device.info", "device.status",
		"contacts.search", "calendar.events", "reminders.list", "photos.latest", "motion.activity", "motion.pedometer",
		"system.notify")
	android := append(append([]string{}, canvasCommands...), "camera.list", "location.get", "notifications.list",
		"notifications.actions", "system.notify", "device.info", "device.status", "device.permissions", "device.health",
		"contacts.search", "calendar.events", "callLog.search", "reminders.list", "photos.latest", "motion.activity",
		"motion.pedometer")
	desktop := []string{"system.run.prepare", "system.run", "system.which", "system.notify", "browser.proxy"}
	macos := append(append([]string{}, ios[:len(ios)-1]...), desktop...)
	unknown := append(append([]string{}, canvasCommands...), "camera.list", "location.get", "system.notify")
	var out []string
	seen := map[string]bool{}
	add := func(list ...string) {
		for _, c := range list {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	add(ios...)
	add(allow...)
	add(android...)
	add(macos...)
	add(desktop...)
	add(unknown...)
	return out
}

// knownCommands96 is 2026.9.6's built-in set (platform allowlists, talk
// commands and the dangerous list), then the allow-list entries.
func knownCommands96(allow []string) []string {
	builtin := []string{"agent.cli.claude.run.v1", "browser.proxy", "browser.proxy.upload.v1", "calendar.add",
		"calendar.events", "callLog.search", "camera.clip", "camera.list", "camera.ptz.control", "camera.ptz.status",
		"camera.snap", "computer.act", "contacts.add", "contacts.search", "desktop.stream", "device.apps",
		"device.health", "device.info", "device.permissions", "device.status", "fs.listDir", "health.summary",
		"location.get", "mcp.tools.call.v1", "mobile.ui.act", "mobile.ui.observe", "motion.activity",
		"motion.pedometer", "notifications.actions", "notifications.list", "photos.latest", "reminders.add",
		"reminders.list", "screen.record", "screen.snapshot", "sms.search", "sms.send", "system.execApprovals.get",
		"system.execApprovals.set", "system.notify", "system.run", "system.run.prepare", "system.which",
		"talk.ptt.cancel", "talk.ptt.once", "talk.ptt.start", "talk.ptt.stop", "terminal.upload", "watch.notify",
		"watch.status"}
	out := append([]string{}, builtin...)
	seen := map[string]bool{}
	for _, c := range out {
		seen[c] = true
	}
	for _, c := range allow {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func knownCommands(c check.Compat, allow []string) []string {
	if c.Is96() {
		return knownCommands96(allow)
	}
	return knownCommands414(allow)
}
