package toolpolicy

import "github.com/clawcheck/clawcheck/internal/check"

// The tables below are each release's tool groups, profiles and sandbox
// defaults, as the spec's constants section lists them.

var groups96 = map[string][]string{
	"group:fs":      {"ls", "read", "write", "edit", "apply_patch"},
	"group:runtime": {"exec", "process", "code_execution", "secrets"},
	"group:web":     {"web_search", "web_fetch", "x_search"},
	"group:memory":  {"memory_search", "memory_get"},
	"group:sessions": {"sessions", "sessions_list", "sessions_history", "sessions_search", "conversations_list",
		"conversations_send", "conversations_turn", "sessions_send", "sessions_spawn", "github_identity_status",
		"github_publish", "agents_wait", "sessions_yield", "subagents", "session_status", "suggest_task", "dismiss_task"},
	"group:ui":         {"browser", "screen", "theme", "dashboard", "terminal", "portal", "canvas", "show_widget"},
	"group:messaging":  {"message"},
	"group:automation": {"heartbeat_respond", "automations", "gateway", "plugins", "openclaw"},
	"group:nodes":      {"nodes", "computer", "mobile_ui"},
	"group:agents":     {"agents_list", "get_goal", "create_goal", "update_goal", "progress_card", "ask_user", "skill_workshop"},
	"group:media":      {"view_image", "image_generate", "music_generate", "video_generate", "tts", "pdf"},
}

var groups414 = map[string][]string{
	"group:fs":         {"read", "write", "edit", "apply_patch"},
	"group:runtime":    {"exec", "process", "code_execution"},
	"group:web":        {"web_search", "web_fetch", "x_search"},
	"group:memory":     {"memory_search", "memory_get"},
	"group:sessions":   {"sessions_list", "sessions_history", "sessions_send", "sessions_spawn", "sessions_yield", "subagents", "session_status"},
	"group:ui":         {"browser", "canvas"},
	"group:messaging":  {"message"},
	"group:automation": {"cron", "gateway"},
	"group:nodes":      {"nodes"},
	"group:agents":     {"agents_list", "update_plan"},
	"group:media":      {"image", "image_generate", "music_generate", "video_generate", "tts"},
	"group:openclaw": {"code_execution", "web_search", "web_fetch", "x_search", "memory_search", "memory_get",
		"sessions_list", "sessions_history", "sessions_send", "sessions_spawn", "sessions_yield", "subagents",
		"session_status", "browser", "canvas", "message", "cron", "gateway", "nodes", "agents_list", "update_plan",
		"image", "image_generate", "music_generate", "video_generate", "tts"},
}

// group:openclaw in 2026.9.6 is every other group's members except the
// local file and process tools and canvas.
func init() {
	excluded := map[string]bool{"ls": true, "read": true, "write": true, "edit": true, "apply_patch": true,
		"exec": true, "process": true, "canvas": true}
	order := []string{"group:fs", "group:runtime", "group:web", "group:memory", "group:sessions", "group:ui",
		"group:messaging", "group:automation", "group:nodes", "group:agents", "group:media"}
	seen := map[string]bool{}
	var all []string
	for _, g := range order {
		for _, t := range groups96[g] {
			if !excluded[t] && !seen[t] {
				seen[t] = true
				all = append(all, t)
			}
		}
	}
	groups96["group:openclaw"] = all
}

// profiles maps a profile name to its allow list; "full" has none (no
// restriction), and unknown names give no layer at all.
var profiles96 = map[string][]string{
	"minimal": {"session_status", "gateway"},
	"coding": {"group:fs", "group:runtime", "group:web", "group:memory", "group:sessions", "screen", "theme",
		"dashboard", "terminal", "portal", "automations", "gateway", "plugins", "get_goal", "create_goal",
		"update_goal", "progress_card", "ask_user", "skill_workshop", "view_image", "image_generate",
		"music_generate", "video_generate", "bundle-mcp"},
	"messaging": {"secrets", "sessions", "sessions_list", "sessions_history", "sessions_search", "conversations_list",
		"conversations_send", "conversations_turn", "sessions_send", "sessions_spawn", "sessions_yield", "subagents",
		"session_status", "theme", "message", "gateway", "ask_user", "bundle-mcp"},
}

var profiles414 = map[string][]string{
	"minimal": {"session_status"},
	"coding": {"read", "write", "edit", "apply_patch", "exec", "process", "code_execution", "web_search",
		"web_fetch", "x_search", "memory_search", "memory_get", "sessions_list", "sessions_history",
		"sessions_send", "sessions_spawn", "sessions_yield", "subagents", "session_status", "cron",
		"update_plan", "image", "image_generate", "music_generate", "video_generate"},
	"messaging": {"sessions_list", "sessions_history", "sessions_send", "session_status", "message"},
}

var sandboxAllow96 = []string{"exec", "process", "read", "ls", "write", "edit", "apply_patch", "view_image",
	"sessions_list", "sessions_history", "sessions_search", "sessions_send", "sessions_spawn", "sessions_yield",
	"subagents", "session_status"}

var sandboxDeny96 = []string{"browser", "canvas", "computer", "mobile_ui", "nodes", "automations", "gateway",
	"a2a", "reef", "telegram"}

var sandboxAllow414 = []string{"exec", "process", "read", "write", "edit", "apply_patch", "image",
	"sessions_list", "sessions_history", "sessions_send", "sessions_spawn", "sessions_yield", "subagents",
	"session_status"}

var sandboxDeny414 = []string{"browser", "canvas", "nodes", "cron", "gateway",
	"feishu", "nostr", "msteams", "nextcloud-talk", "bluebubbles", "zalo", "zalouser", "discord", "qqbot", "whatsapp"}

// release bundles one release's tables.
type release struct {
	is96         bool
	groups       map[string][]string
	profiles     map[string][]string
	sandboxAllow []string
	sandboxDeny  []string
	imageTool    string // appended to non-empty sandbox allow lists
}

func releaseOf(compat check.Compat) *release {
	if compat.Is96() {
		return &release{is96: true, groups: groups96, profiles: profiles96,
			sandboxAllow: sandboxAllow96, sandboxDeny: sandboxDeny96, imageTool: "view_image"}
	}
	return &release{groups: groups414, profiles: profiles414,
		sandboxAllow: sandboxAllow414, sandboxDeny: sandboxDeny414, imageTool: "image"}
}

// GroupMembers returns the members of a tool group ("group:fs") under the
// profile, or nil for an unknown group.
func GroupMembers(compat check.Compat, group string) []string {
	return append([]string(nil), releaseOf(compat).groups[group]...)
}

// ProfileAllow returns a built-in profile's allow list (groups unexpanded),
// nil for "full", "none" and unknown names; ok is false for unknown names.
func ProfileAllow(compat check.Compat, profile string) (allow []string, ok bool) {
	if profile == "full" {
		return nil, true
	}
	allow, ok = releaseOf(compat).profiles[profile]
	return append([]string(nil), allow...), ok
}
