package conformance

import "github.com/clawcheck/clawcheck/internal/check"

// additions are checkIds clawcheck emits where a reference release does not,
// by product decision; docs/differences.md explains each. Findings with these
// ids are counted apart, never as extras.
var additions = map[string][]string{
	"2026.4.14": append([]string{
		// D1: risks 2026.9.6 detects on keys 2026.4.14 also has.
		"gateway.env_token_overrides_config",
		"gateway.token_placeholder_value",
		"gateway.password_placeholder_value",
		"gateway.password_too_short",
		"security.trust_model.cross_agent_session_access_default",
		"security.exposure.open_groups_with_control_plane_tools",
		"tools.exec.fs_tools_disabled_but_exec_enabled",
		"tools.exec.agent_skill_mcp_boundary_drift",
		"tools.exec.mcporter_registry_inspection_incomplete",
		"plugins.allow_phantom_entries",
		"skills.workspace.scan_truncated",
		"sandbox.browser_container.docker_probe_timeout",
		"plugins.code_safety.manifest_parse_error",
	}, ours...),
	"2026.9.6": append([]string{
		// D1: the browser plugin's collector runs with --deep under profile
		// 2026.9; 2026.9.6's CLI never registers it.
		"browser.control_invalid_config",
		"browser.extension_relay_legacy_auth",
		"browser.control_no_auth",
		"browser.remote_cdp_http",
		"browser.remote_cdp_private_host",
		"plugins.<id>.security_audit_failed",
		// D1 (KB-09): 2026.9.6's channel audit, which its CLI never reaches,
		// for Telegram and the Discord, Slack and WhatsApp packages.
		"channels.telegram.dm.open",
		"channels.telegram.dm.open_invalid",
		"channels.telegram.dm.disabled",
		"channels.telegram.dm.locked",
		"channels.telegram.allowFrom.dangerous_name_matching_enabled",
		"channels.telegram.allowFrom.invalid_entries",
		"channels.telegram.groups.allowFrom.missing",
		"channels.telegram.groups.allowFrom.wildcard",
		"channels.telegram.groups.open",
		"channels.discord.groups.open",
		"channels.slack.groups.open",
		"channels.whatsapp.groups.open",
		"channels.discord.allowlisted_groups.broad_members",
		"channels.telegram.routing.owner_missing.<acct>",
		"channels.dm.session_collision.<keys>",
	}, ours...),
}

// ours are clawcheck-defined checks (D7) and config hygiene (D5).
var ours = []string{
	"sandbox.browser_cdp_bridge_unrestricted",
	"channels.<ch>.allowFrom.name_based_entries",
	"config.unknown_key",
	"config.invalid_value",
	"config.retired_key",
	"secrets.transcript_leak",
	"secrets.log_leak",
	"secrets.config_backup_plaintext",
	"secrets.legacy_dir",
}

// isAddition reports whether id is one of release's additions.
func isAddition(release, id string) bool {
	for _, tmpl := range additions[release] {
		if check.MatchID(tmpl, id) {
			return true
		}
	}
	return false
}
