package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLocate(t *testing.T) {
	home := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(home, ".openclaw"), 0o700))
	legacyHome := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(legacyHome, ".clawdbot"), 0o700))
	must(t, os.WriteFile(filepath.Join(legacyHome, ".clawdbot", "clawdbot.json"), []byte("{}"), 0o600))

	tests := []struct {
		name       string
		env        Env
		opt        LocateOptions
		stateDir   string
		configPath string
	}{
		{"default", Env{"HOME": home}, LocateOptions{}, home + "/.openclaw", home + "/.openclaw/openclaw.json"},
		{"state dir env", Env{"HOME": home, "OPENCLAW_STATE_DIR": "/x/sd"}, LocateOptions{}, "/x/sd", "/x/sd/openclaw.json"},
		{"state dir tilde", Env{"HOME": home, "OPENCLAW_STATE_DIR": " ~/custom-state "}, LocateOptions{}, home + "/custom-state", home + "/custom-state/openclaw.json"},
		{"config path env", Env{"HOME": home, "OPENCLAW_CONFIG_PATH": "/x/cfg/my.json5"}, LocateOptions{}, home + "/.openclaw", "/x/cfg/my.json5"},
		{"openclaw home", Env{"HOME": home, "OPENCLAW_HOME": "/x/ochome"}, LocateOptions{}, "/x/ochome/.openclaw", "/x/ochome/.openclaw/openclaw.json"},
		{"openclaw home undefined", Env{"HOME": home, "OPENCLAW_HOME": "undefined"}, LocateOptions{}, home + "/.openclaw", home + "/.openclaw/openclaw.json"},
		{"profile", Env{"HOME": home}, LocateOptions{Profile: "work"}, home + "/.openclaw-work", home + "/.openclaw-work/openclaw.json"},
		{"dev", Env{"HOME": home}, LocateOptions{Dev: true}, home + "/.openclaw-dev", home + "/.openclaw-dev/openclaw.json"},
		{"profile env alone changes nothing", Env{"HOME": home, "OPENCLAW_PROFILE": "envp"}, LocateOptions{}, home + "/.openclaw", home + "/.openclaw/openclaw.json"},
		{"profile keeps user state dir", Env{"HOME": home, "OPENCLAW_STATE_DIR": "/x/sd"}, LocateOptions{Profile: "work"}, "/x/sd", "/x/sd/openclaw.json"},
		{"flags override env", Env{"HOME": home, "OPENCLAW_STATE_DIR": "/x/sd", "OPENCLAW_CONFIG_PATH": "/x/c.json"}, LocateOptions{StateDir: "/y/sd", ConfigPath: "/y/c.json5"}, "/y/sd", "/y/c.json5"},
		{"relative flag", Env{"HOME": home}, LocateOptions{StateDir: "rel/sd", Cwd: "/srv"}, "/srv/rel/sd", "/srv/rel/sd/openclaw.json"},
		{"legacy dir", Env{"HOME": legacyHome}, LocateOptions{}, legacyHome + "/.clawdbot", legacyHome + "/.clawdbot/clawdbot.json"},
		{"userprofile", Env{"USERPROFILE": home}, LocateOptions{}, home + "/.openclaw", home + "/.openclaw/openclaw.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			if opt.Cwd == "" {
				opt.Cwd = "/cwd"
			}
			p, err := Locate(tt.env, opt)
			if err != nil {
				t.Fatal(err)
			}
			if p.StateDir != tt.stateDir || p.ConfigPath != tt.configPath {
				t.Errorf("got %s, %s; want %s, %s", p.StateDir, p.ConfigPath, tt.stateDir, tt.configPath)
			}
			if p.CredentialsDir != filepath.Join(p.StateDir, "credentials") {
				t.Errorf("credentials dir %s", p.CredentialsDir)
			}
		})
	}
}

func TestLocateErrors(t *testing.T) {
	for _, opt := range []LocateOptions{{Profile: "BAD!"}, {Profile: "a", Dev: true}} {
		if _, err := Locate(Env{"HOME": "/h"}, opt); err == nil {
			t.Errorf("%+v: want an error", opt)
		}
	}
	if _, err := Locate(Env{}, LocateOptions{Cwd: "", OSHome: ""}); err != nil {
		// The current directory is the last resort; only its absence is an error.
		t.Logf("no home: %v", err)
	}
}

func TestOAuthDir(t *testing.T) {
	p, err := Locate(Env{"HOME": "/h", "OPENCLAW_OAUTH_DIR": "~/creds"}, LocateOptions{Cwd: "/"})
	if err != nil {
		t.Fatal(err)
	}
	if p.CredentialsDir != "/h/creds" {
		t.Errorf("credentials dir %s", p.CredentialsDir)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
