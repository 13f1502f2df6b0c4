package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/config"
)

func TestCompatForVersion(t *testing.T) {
	tests := []struct {
		v    string
		want check.Compat
		ok   bool
	}{
		{"2026.4.14", check.Compat2026_4, true},
		{"2026.4.25-beta.1", check.Compat2026_4, true},
		{"2026.1.29", check.Compat2026_4, true},
		{"2026.5.0", check.Compat2026_9, true},
		{"2026.9.6", check.Compat2026_9, true},
		{"2026.12.1", check.Compat2026_9, true},
		{"2027.1.1", check.Compat2026_9, true},
		{"2025.12.1", check.Compat2026_4, true},
		{"v2026.6.1", check.Compat2026_9, true},
		{"garbage", "", false},
		{"2026", "", false},
		{"2026.x.1", "", false},
	}
	for _, tt := range tests {
		got, ok := CompatForVersion(tt.v)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CompatForVersion(%q) = %q, %v", tt.v, got, ok)
		}
	}
}

func TestChooseCompat(t *testing.T) {
	meta := func(v string) *config.Value {
		root := config.NewObject()
		m := config.NewObject()
		m.Set("lastTouchedVersion", config.NewString(v), config.Origin{})
		root.Set("meta", m, config.Origin{})
		return root
	}
	if got := ChooseCompat("2026.9", meta("2026.4.14")); got != check.Compat2026_9 {
		t.Errorf("explicit choice ignored: %s", got)
	}
	if got := ChooseCompat("auto", meta("2026.6.1")); got != check.Compat2026_9 {
		t.Errorf("meta ignored: %s", got)
	}
	if got := ChooseCompat("", config.NewObject()); got != check.Compat2026_4 {
		t.Errorf("default: %s", got)
	}
}

// BenchmarkAudit measures a whole plain audit, from locating the state dir
// to the ordered report, over an installation with includes and a state dir
// of about 2,000 files.
func BenchmarkAudit(b *testing.B) {
	home := b.TempDir()
	state := filepath.Join(home, ".openclaw")
	write := func(rel, content string) {
		p := filepath.Join(state, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	write("openclaw.json", `{
  // main config
  $include: ["./gateway.json5", "./channels.json5"],
  agents: { defaults: { workspace: "~/.openclaw/workspace", sandbox: { mode: "all" } } },
  tools: { elevated: { enabled: false }, deny: ["browser"] },
}`)
	write("gateway.json5", `{ gateway: { bind: "lan", auth: { mode: "token", token: "${GW_TOKEN}" }, trustedProxies: ["127.0.0.1"] } }`)
	write("channels.json5", `{ channels: { telegram: { botToken: "123:abc", groupPolicy: "allowlist", groups: { "-100": { requireMention: true } } } } }`)
	for a := 0; a < 10; a++ {
		for s := 0; s < 200; s++ {
			write(fmt.Sprintf("agents/a%d/sessions/s%03d.jsonl", a, s), `{"role":"user","content":"hi"}`+"\n")
		}
	}
	env := config.Env{"HOME": home, "GW_TOKEN": "0123456789abcdef0123456789abcdef"}
	checks := all.Checks()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(Request{Env: env, Cwd: home, Checks: checks, Now: time.Unix(0, 0)})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Report.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// Decision D5: a value no release accepts is audited as absent; unknown keys
// and keys of one release stay, and none of them stops the audit.
func TestInvalidValuesAuditedAsAbsent(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".openclaw"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfgText := `{
  gateway: { bind: 42, port: "not-a-port" },
  gatway: { bind: "lan" },
  logging: { redactSensitive: "off" },
}`
	if err := os.WriteFile(filepath.Join(home, ".openclaw", "openclaw.json"), []byte(cfgText), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Request{Env: config.Env{"HOME": home}, Cwd: home, Checks: all.Checks(), Now: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Config.Root.Get("gateway", "bind") != nil || res.Config.Root.Get("gateway", "port") != nil {
		t.Errorf("invalid values kept: %v", res.Config.Root.Get("gateway").Keys())
	}
	if len(res.Scrubbed) != 2 {
		t.Errorf("scrubbed %d values, want 2", len(res.Scrubbed))
	}
	if len(res.Schema.UnknownToBoth) != 1 || res.Schema.UnknownToBoth[0].Issue().Suggest != "gateway" {
		t.Errorf("unknown keys %+v", res.Schema.UnknownToBoth)
	}
	if len(res.Schema.OnlyIn414) != 1 {
		t.Errorf("4.14-only keys %+v", res.Schema.OnlyIn414)
	}
	for _, f := range res.Report.Findings {
		if f.CheckID == "gateway.bind_no_auth" {
			t.Error("a numeric bind was audited as exposed")
		}
	}
}
