package schemacheck

import "testing"

func TestReplacementFor(t *testing.T) {
	cases := map[string]string{
		"gateway.nodes.denyCommands":                "gateway.nodes.commands.deny",
		"gateway.nodes.allowCommands":               "gateway.nodes.commands.allow",
		"channels.discord.dm.policy":                "channels.discord.dmPolicy",
		"channels.slack.accounts.work.dm.allowFrom": "channels.slack.accounts.work.allowFrom",
		"channels.googlechat.dm":                    "channels.googlechat.dmPolicy and channels.googlechat.allowFrom",
		"plugins.installs.foo":                      "the install records 2026.9 keeps in its state database",
		"agents.list":                               "",
		"env.MY_VAR":                                "env.vars.MY_VAR",
		"logging.redactSensitive":                   "",
		"gateway.controlUi.allowInsecureAuth":       "",
		"channels.discord":                          "",
		"agents.list[0].id":                         "",
	}
	for path, want := range cases {
		if got := replacementFor(path); got != want {
			t.Errorf("replacementFor(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestMigratedOnLoad(t *testing.T) {
	if !migratedOnLoad("agents.list") || migratedOnLoad("gateway.nodes.denyCommands") {
		t.Error("only agents.list is migrated by 2026.9.6's loader")
	}
}
