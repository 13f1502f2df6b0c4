package openclaw

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

func TestBindSource(t *testing.T) {
	for _, tc := range []struct{ bind, want string }{
		{"/var/run/docker.sock:/var/run/docker.sock", "/var/run/docker.sock"},
		{" /etc/ssl:/etc/ssl:ro ", "/etc/ssl"},
		{"/srv/data", "/srv/data"},
		{`C:\Users\me\.ssh:/k`, `C:\Users\me\.ssh`},
		{"c:/work:/w:rw", "c:/work"},
		{"data:/data", "data"},
		{"", ""},
	} {
		if got := BindSource(tc.bind); got != tc.want {
			t.Errorf("BindSource(%q) = %q, want %q", tc.bind, got, tc.want)
		}
	}
}

func TestNormalizeHostPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/etc/", "/etc"},
		{"//var//run/", "/var/run"},
		{"/srv/../root/x", "/root/x"},
		{`\\?\C:\Users\me`, "C:/Users/me"},
		{"//?/c:/x", "C:/x"},
		{"/", "/"},
		{"", "/"},
	} {
		if got := NormalizeHostPath(tc.in); got != tc.want {
			t.Errorf("NormalizeHostPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClassifyBind(t *testing.T) {
	blocked := BlockedBindPaths([]string{"/home/me", "/", ""})
	for _, tc := range []struct {
		compat        check.Compat
		bind          string
		kind, blocked string
	}{
		{check.Compat2026_4, "/:/r", "covers", "/"},
		{check.Compat2026_4, "/etc/ssl:/s:ro", "targets", "/etc"},
		{check.Compat2026_4, "/var/run/docker.sock:/d", "targets", "/var/run"},
		{check.Compat2026_4, "/home/me/.ssh/id:/k", "targets", "/home/me/.ssh"},
		{check.Compat2026_4, "/home/me:/h", "", ""},
		{check.Compat2026_4, "/var:/v", "", ""},
		{check.Compat2026_4, "/srv/data:/data", "", ""},
		{check.Compat2026_4, "/etcetera:/e", "", ""},
		{check.Compat2026_4, "rel/dir:/x", "non_absolute", ""},
		{check.Compat2026_4, `C:\data:/x`, "non_absolute", ""},
		{check.Compat2026_9, `C:\data:/x`, "", ""},
		{check.Compat2026_9, "/home/me:/h", "covers", "/home/me/.aws"},
		{check.Compat2026_9, "/var:/v", "covers", "/var/run"},
		{check.Compat2026_9, "/home:/x", "covers", "/home/me/.aws"},
		{check.Compat2026_9, "/home/other:/x", "", ""},
		{check.Compat2026_9, "/:/r", "covers", "/"},
	} {
		got := ClassifyBind(tc.compat, tc.bind, blocked)
		if got.Kind != tc.kind || got.Blocked != tc.blocked {
			t.Errorf("%s ClassifyBind(%q) = %+v, want kind %q blocked %q", tc.compat, tc.bind, got, tc.kind, tc.blocked)
		}
	}
}

func TestBlockedBindPathsSkipsRootHome(t *testing.T) {
	got := BlockedBindPaths([]string{"/", " "})
	if len(got) != len(BlockedSystemPaths) {
		t.Fatalf("root or blank home added paths: %v", got)
	}
}

func TestDangerousNetworkMode(t *testing.T) {
	for in, want := range map[string]bool{
		"host": true, " HOST ": true, "container:abc": true, "Container:x": true,
		"bridge": false, "none": false, "hostnet": false, "": false,
	} {
		if got := DangerousNetworkMode(in); got != want {
			t.Errorf("DangerousNetworkMode(%q) = %v", in, got)
		}
	}
}

func obj(members ...config.Member) *config.Value {
	return &config.Value{Kind: config.Object, Members: members}
}
func str(s string) *config.Value                { return config.NewString(s) }
func m(k string, v *config.Value) config.Member { return config.Member{Key: k, Value: v} }

func TestSandboxModeAndRoster(t *testing.T) {
	root := obj(m("agents", obj(
		m("defaults", obj(m("sandbox", obj(m("mode", str("non-main")))))),
		m("list", &config.Value{Kind: config.Array, Elems: []*config.Value{
			obj(m("id", str("a")), m("sandbox", obj(m("mode", str("all"))))),
			obj(m("id", &config.Value{Kind: config.Number, Num: 3})),
			str("junk"),
			obj(m("id", str("B c"))),
		}}),
	)))
	roster := SandboxRoster(root)
	if len(roster) != 2 || roster[0].Label != "agents.list.a" || roster[1].Path != "agents.list.3" {
		t.Fatalf("roster = %+v", roster)
	}
	if got := SandboxMode(root, roster[0].Value); got != "all" {
		t.Errorf("agent a mode = %q", got)
	}
	if got := SandboxMode(root, roster[1].Value); got != "non-main" {
		t.Errorf("agent b mode = %q", got)
	}
	if got := SandboxMode(nil, nil); got != "off" {
		t.Errorf("empty config mode = %q", got)
	}
	if DockerConfigured(obj(m("image", &config.Value{Kind: config.Null}))) {
		t.Errorf("a null-only docker block counts as configured")
	}
	if !DockerConfigured(obj(m("image", str("x")))) {
		t.Errorf("a docker block with an image does not count")
	}
}

func TestNormalizeAgentID(t *testing.T) {
	for in, want := range map[string]string{
		" Work ": "work", "B c": "b-c", "--x--": "x", "": "main", "!!!": "main", "a.b/c": "a-b-c",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop": "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
	} {
		if got := NormalizeAgentID(in); got != want {
			t.Errorf("NormalizeAgentID(%q) = %q, want %q", in, got, want)
		}
	}
}
