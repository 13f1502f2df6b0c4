package check

// Collectors are upstream's units of work. Findings come out collector by
// collector, in the order each release runs them, and inside a collector in
// the order of its checkIds below; that is the order the reference prints
// and the order users diff against.
const (
	CollectorSummary         = "summary"
	CollectorAgentRoster     = "agent-roster"
	CollectorSyncedDir       = "synced-dir"
	CollectorGateway         = "gateway"
	CollectorPluginSecurity  = "plugin-security"
	CollectorLogging         = "logging"
	CollectorElevated        = "elevated"
	CollectorExec            = "exec"
	CollectorSkillMCP        = "skill-mcp"
	CollectorHooks           = "hooks"
	CollectorHTTPNoAuth      = "http-no-auth"
	CollectorHTTPSessionKey  = "http-session-key"
	CollectorSandboxModeOff  = "sandbox-mode-off"
	CollectorSandboxDanger   = "sandbox-dangerous"
	CollectorNodesDeny       = "nodes-deny"
	CollectorNodesAllow      = "nodes-allow"
	CollectorMinimalProfile  = "minimal-profile"
	CollectorConfigSecrets   = "config-secrets"
	CollectorModels          = "models"
	CollectorSmallModels     = "small-models"
	CollectorExposure        = "exposure"
	CollectorTrustModel      = "trust-model"
	CollectorCrossAgent      = "cross-agent"
	CollectorFSStateDir      = "fs-state-dir"
	CollectorFSConfig        = "fs-config"
	CollectorFSIncludes      = "fs-includes"
	CollectorFSCredentials   = "fs-credentials"
	CollectorFSAgents        = "fs-agents" // Group = agent index
	CollectorFSLogFile       = "fs-log-file"
	CollectorFSSkills        = "fs-skills"
	CollectorFSSandboxBrowse = "fs-sandbox-browser"
	CollectorFSPlugins       = "fs-plugins"
	CollectorCodeSafety      = "code-safety" // deep; Group = plugin/skill index
	CollectorChannels        = "channels"    // Group = channel index
	CollectorProbe           = "probe"
	CollectorSecretsAtRest   = "secrets-at-rest" // ours: leaked secrets in transcripts, logs, backups
	CollectorConfigHygiene   = "config-hygiene"  // ours: schema findings, after everything upstream emits
	CollectorSuppressions    = "suppressions"    // the marker finding, always last
)

// collectorOrder414 is 2026.4.14's order (plugin collectors run in a plain audit).
var collectorOrder414 = []string{
	CollectorSummary, CollectorAgentRoster, CollectorSyncedDir, CollectorGateway, CollectorPluginSecurity,
	CollectorLogging, CollectorElevated, CollectorExec, CollectorSkillMCP, CollectorHooks,
	CollectorHTTPNoAuth, CollectorHTTPSessionKey, CollectorSandboxModeOff, CollectorSandboxDanger,
	CollectorNodesDeny, CollectorNodesAllow, CollectorMinimalProfile, CollectorConfigSecrets,
	CollectorModels, CollectorSmallModels, CollectorExposure, CollectorTrustModel, CollectorCrossAgent,
	CollectorFSStateDir, CollectorFSConfig, CollectorFSIncludes, CollectorFSCredentials, CollectorFSAgents,
	CollectorFSLogFile, CollectorFSSkills, CollectorFSSandboxBrowse, CollectorFSPlugins, CollectorCodeSafety,
	CollectorChannels, CollectorProbe, CollectorSecretsAtRest, CollectorConfigHygiene, CollectorSuppressions,
}

// collectorOrder96 is 2026.9.6's order. The differences from 2026.4.14: the
// agent roster check exists (second), plugin collectors run only with --deep
// (same slot), and the skill/MCP boundary collector follows exec.
var collectorOrder96 = collectorOrder414

// collectorIDs fixes the order of checkIds inside collectors that emit more
// than one. IDs not listed keep registry order after the listed ones.
var collectorIDs = map[string][]string{
	CollectorGateway: {
		"gateway.tools_invoke_http.dangerous_allow", "gateway.bind_no_auth", "gateway.env_token_overrides_config",
		"gateway.trusted_proxies_missing", "gateway.loopback_no_auth", "gateway.control_ui.allowed_origins_required",
		"gateway.control_ui.allowed_origins_wildcard", "gateway.control_ui.host_header_origin_fallback",
		"gateway.real_ip_fallback_enabled", "discovery.mdns_full_mode", "gateway.tailscale_funnel",
		"gateway.tailscale_serve", "gateway.control_ui.insecure_auth", "gateway.control_ui.device_auth_disabled",
		"mcp.apps.enabled", "config.insecure_or_dangerous_flags", "gateway.token_placeholder_value",
		"gateway.password_placeholder_value", "gateway.token_too_short", "gateway.password_too_short",
		"gateway.trusted_proxy_auth", "gateway.trusted_proxy_no_proxies", "gateway.trusted_proxy_no_user_header",
		"gateway.trusted_proxy_allow_loopback", "gateway.trusted_proxy_device_auto_approve",
		"gateway.trusted_proxy_device_auto_approve_admin", "gateway.trusted_proxy_no_allowlist",
		"gateway.auth_no_rate_limit",
	},
	CollectorPluginSecurity: {
		"browser.control_invalid_config", "browser.extension_relay_legacy_auth", "browser.control_no_auth",
		"browser.remote_cdp_http", "browser.remote_cdp_private_host",
	},
	CollectorExec: {
		"tools.exec.host_sandbox_no_sandbox_defaults", "tools.exec.host_sandbox_no_sandbox_agents",
		"tools.exec.security_full_configured", "security.exposure.open_channels_with_exec",
		"tools.exec.fs_tools_disabled_but_exec_enabled", "tools.exec.auto_allow_skills_enabled",
		"tools.exec.allowlist_interpreter_without_strict_inline_eval", "tools.exec.safe_bins_interpreter_unprofiled",
		"tools.exec.safe_bins_broad_behavior", "tools.exec.safe_bin_trusted_dirs_risky",
	},
	CollectorSkillMCP: {
		// 2026.9.6 reports an uninspectable registry before the drift it could not verify.
		"tools.exec.mcporter_registry_inspection_incomplete", "tools.exec.agent_skill_mcp_boundary_drift",
	},
	CollectorHooks: {
		"hooks.token_too_short", "hooks.token_reuse_gateway_token", "hooks.path_root",
		"hooks.default_session_key_unset", "hooks.allowed_agent_ids_unrestricted",
		"hooks.request_session_key_enabled", "hooks.request_session_key_prefixes_missing",
	},
	CollectorSandboxDanger: {
		"sandbox.dangerous_bind_mount", "sandbox.bind_mount_non_absolute", "sandbox.dangerous_network_mode",
		"sandbox.dangerous_seccomp_profile", "sandbox.dangerous_apparmor_profile",
	},
	CollectorConfigSecrets: {
		"config.secrets.gateway_password_in_config", "config.secrets.hooks_token_in_config",
	},
	CollectorModels: {"models.legacy", "models.weak_tier"},
	CollectorExposure: {
		"security.exposure.open_groups_with_elevated", "security.exposure.open_groups_with_runtime_or_fs",
		"security.exposure.open_groups_with_control_plane_tools",
	},
	CollectorTrustModel: {"security.trust_model.group_scope_main", "security.trust_model.multi_user_heuristic"},
	CollectorFSStateDir: {
		"fs.state_dir.symlink", "fs.state_dir.perms_world_writable", "fs.state_dir.perms_group_writable",
		"fs.state_dir.perms_readable",
	},
	CollectorFSConfig: {
		"fs.config.symlink", "fs.config.perms_writable", "fs.config.perms_world_readable", "fs.config.perms_group_readable",
	},
	CollectorFSSandboxBrowse: {
		"sandbox.browser_container.hash_label_missing", "sandbox.browser_container.hash_epoch_stale",
		"sandbox.browser_container.non_loopback_publish", "sandbox.browser_container.docker_probe_timeout",
	},
	CollectorFSPlugins: {
		"plugins.extensions_no_allowlist", "plugins.allow_phantom_entries", "plugins.tools_reachable_permissive_policy",
		"plugins.installs_unpinned_npm_specs", "plugins.installs_missing_integrity", "plugins.installs_version_drift",
		"hooks.installs_unpinned_npm_specs", "hooks.installs_missing_integrity", "hooks.installs_version_drift",
	},
	CollectorCodeSafety: {
		"plugins.code_safety.manifest_parse_error", "plugins.code_safety.entry_path", "plugins.code_safety.entry_escape",
		"plugins.code_safety.scan_failed", "plugins.code_safety", "skills.code_safety.scan_failed", "skills.code_safety",
	},
	CollectorProbe: {"gateway.probe_failed", "gateway.probe_auth_secretref_unavailable"},
	CollectorSecretsAtRest: {
		"secrets.transcript_leak", "secrets.log_leak", "secrets.config_backup_plaintext", "secrets.legacy_dir",
	},
}

// CollectorRank returns the position of a collector in the profile's order,
// or len(order) for an unknown collector (after everything known).
func CollectorRank(compat Compat, collector string) int {
	order := collectorOrder414
	if compat.Is96() {
		order = collectorOrder96
	}
	for i, c := range order {
		if c == collector {
			return i
		}
	}
	return len(order)
}

// IDRank returns a checkId's position within its collector, or -1 when the
// collector does not fix one.
func IDRank(collector, id string) int {
	for i, x := range collectorIDs[collector] {
		if x == id {
			return i
		}
	}
	return -1
}

// KnownCollector reports whether name is one of the collectors above.
func KnownCollector(name string) bool {
	return CollectorRank(Compat2026_4, name) < len(collectorOrder414)
}
