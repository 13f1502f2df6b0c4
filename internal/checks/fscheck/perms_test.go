package fscheck

import "testing"

func TestShellPath(t *testing.T) {
	for in, want := range map[string]string{
		"/home/u/.openclaw":                 "/home/u/.openclaw",
		"/home/u/My Drive/openclaw.json":    "'/home/u/My Drive/openclaw.json'",
		"/home/u/it's/openclaw.json":        `'/home/u/it'"'"'s/openclaw.json'`,
		"-odd/name":                         "-- -odd/name",
		"/srv/oc@2026/state%1+x=y:z,w.json": "/srv/oc@2026/state%1+x=y:z,w.json",
	} {
		if got := shellPath(in); got != want {
			t.Errorf("shellPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChmod(t *testing.T) {
	p := perms{path: "/s/.openclaw"}
	if got := p.chmod(true); got != "chmod 700 /s/.openclaw" {
		t.Errorf("dir: %q", got)
	}
	if got := p.chmod(false); got != "chmod 600 /s/.openclaw" {
		t.Errorf("file: %q", got)
	}
}
