package fix_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/clawcheck/clawcheck/internal/fix"

	_ "modernc.org/sqlite"
)

// install lays out a small installation: an open Telegram group policy in
// a commented config, one credential, one session store, all readable by
// others.
func install(t *testing.T) (home string, fx *fixture) {
	t.Helper()
	fx = &fixture{sections: map[string]string{}, after: map[string]string{}, home: map[string]string{
		".openclaw/openclaw.json":                        "// keep me\n{channels: {telegram: {groupPolicy: \"open\"}}}\n",
		".openclaw/credentials/oauth.json":               "{}",
		".openclaw/agents/main/sessions/sessions.json":   "{}",
		".openclaw/agents/main/agent/auth-profiles.json": "{}",
	}}
	fx.sections["modes"] = "755 .openclaw/\n644 .openclaw/openclaw.json\n644 .openclaw/credentials/oauth.json\n644 .openclaw/agents/main/sessions/sessions.json\n644 .openclaw/agents/main/agent/auth-profiles.json\n"
	return layout(t, fx), fx
}

func action(t *testing.T, r *fix.Result, path string) fix.Action {
	t.Helper()
	for _, a := range r.Actions {
		if a.Path == path {
			return a
		}
	}
	t.Fatalf("no action for %s in %+v", path, r.Actions)
	return fix.Action{}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestSymlinkSwappedInBetweenPlanAndApply(t *testing.T) {
	home, _ := install(t)
	outside := filepath.Join(home, "elsewhere.json")
	if err := os.WriteFile(outside, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, env := plan(t, home, "", "")
	cred := filepath.Join(home, ".openclaw/credentials/oauth.json")
	sessions := filepath.Join(home, ".openclaw/agents/main/sessions")
	// Between plan and apply: the credential becomes a link to a file
	// outside, and the sessions dir a link to a directory outside.
	if err := os.Remove(cred); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, cred); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(home, "outdir")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outDir, "sessions.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(sessions); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outDir, sessions); err != nil {
		t.Fatal(err)
	}
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if a := action(t, r, cred); a.OK || a.Skipped != fix.SkipSymlink {
		t.Errorf("swapped credential: %+v, want skipped symlink", a)
	}
	if a := action(t, r, filepath.Join(sessions, "sessions.json")); a.OK || a.Skipped != fix.SkipSymlink {
		t.Errorf("file below a swapped dir: %+v, want skipped symlink", a)
	}
	for _, p := range []string{outside, outDir, filepath.Join(outDir, "sessions.json")} {
		if m := mode(t, p); m&0o044 == 0 {
			t.Errorf("%s: mode %o changed through a symlink", p, m)
		}
	}
}

func TestHardLinkToOutsideFileIsSkipped(t *testing.T) {
	home, _ := install(t)
	outside := filepath.Join(home, "shadow.json")
	if err := os.WriteFile(outside, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(home, ".openclaw/credentials/linked.json")
	if err := os.Link(outside, link); err != nil {
		t.Skipf("hard links not supported here: %v", err)
	}
	p, env := plan(t, home, "", "")
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if a := action(t, r, link); a.OK || a.Skipped != fix.SkipHardLinked {
		t.Errorf("hard link: %+v, want skipped hard-linked", a)
	}
	if m := mode(t, outside); m != 0o644 {
		t.Errorf("outside file: mode %o, want 644", m)
	}
}

func TestConfigChangedBetweenPlanAndApply(t *testing.T) {
	home, _ := install(t)
	cfg := filepath.Join(home, ".openclaw/openclaw.json")
	p, env := plan(t, home, "", "")
	edited := "// the user's edit\n{channels: {telegram: {groupPolicy: \"open\", dmPolicy: \"pairing\"}}}\n"
	if err := os.WriteFile(cfg, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if r.OK || r.ConfigWritten || len(r.Errors) != 1 || !strings.Contains(r.Errors[0], "changed since") {
		t.Fatalf("result: ok=%v written=%v errors=%q", r.OK, r.ConfigWritten, r.Errors)
	}
	if got, _ := os.ReadFile(cfg); string(got) != edited {
		t.Errorf("config rewritten: %q", got)
	}
	if _, err := os.Lstat(cfg + ".bak"); err == nil {
		t.Errorf("a backup was made although nothing was written")
	}
	// The modes are still fixed.
	if a := action(t, r, cfg); !a.OK {
		t.Errorf("chmod of the config: %+v", a)
	}
}

func TestConfigChangedDuringWrite(t *testing.T) {
	home, _ := install(t)
	cfg := filepath.Join(home, ".openclaw/openclaw.json")
	orig, _ := os.ReadFile(cfg)
	p, env := plan(t, home, "", "")
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get, BeforeWrite: func(string) error {
		return os.WriteFile(cfg, append(orig, ' '), 0o644)
	}})
	if r.OK || r.ConfigWritten || !strings.Contains(strings.Join(r.Errors, "\n"), "changed since") {
		t.Fatalf("result: ok=%v written=%v errors=%q", r.OK, r.ConfigWritten, r.Errors)
	}
	if got, _ := os.ReadFile(cfg); string(got) != string(orig)+" " {
		t.Errorf("config rewritten: %q", got)
	}
	if _, err := os.Lstat(cfg + ".bak"); err == nil {
		t.Errorf("a backup was made although nothing was written")
	}
	leftovers, _ := filepath.Glob(filepath.Join(home, ".openclaw", ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestReadOnlyFileSystem(t *testing.T) {
	home, _ := install(t)
	cfg := filepath.Join(home, ".openclaw/openclaw.json")
	orig, _ := os.ReadFile(cfg)
	p, env := plan(t, home, "", "")
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get, BeforeWrite: func(string) error {
		return &os.PathError{Op: "open", Path: cfg, Err: syscall.EROFS}
	}})
	if r.OK || r.ConfigWritten || !strings.Contains(strings.Join(r.Errors, "\n"), "read-only file system") {
		t.Fatalf("result: ok=%v written=%v errors=%q", r.OK, r.ConfigWritten, r.Errors)
	}
	if got, _ := os.ReadFile(cfg); string(got) != string(orig) {
		t.Errorf("config changed: %q", got)
	}
	if len(r.Changes) != 1 {
		t.Errorf("changes %q: the planned change is listed even when the write fails", r.Changes)
	}
}

func TestReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories")
	}
	home, _ := install(t)
	dir := filepath.Join(home, ".openclaw")
	cfg := filepath.Join(dir, "openclaw.json")
	orig, _ := os.ReadFile(cfg)
	p, env := plan(t, home, "", "")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if r.OK || r.ConfigWritten {
		t.Fatalf("result: ok=%v written=%v errors=%q", r.OK, r.ConfigWritten, r.Errors)
	}
	if got, _ := os.ReadFile(cfg); string(got) != string(orig) {
		t.Errorf("config changed: %q", got)
	}
}

func TestFileOwnedByAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file away")
	}
	home, _ := install(t)
	cred := filepath.Join(home, ".openclaw/credentials/oauth.json")
	cfg := filepath.Join(home, ".openclaw/openclaw.json")
	for _, p := range []string{cred, cfg} {
		if err := os.Chown(p, 65534, 65534); err != nil {
			t.Skipf("chown: %v", err)
		}
	}
	orig, _ := os.ReadFile(cfg)
	p, env := plan(t, home, "", "")
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if a := action(t, r, cred); a.OK || a.Skipped != fix.SkipNotOwned {
		t.Errorf("foreign credential: %+v, want skipped not-owned", a)
	}
	if m := mode(t, cred); m != 0o644 {
		t.Errorf("foreign credential: mode %o, want 644", m)
	}
	if r.ConfigWritten || !strings.Contains(strings.Join(r.Errors, "\n"), "owned by uid 65534") {
		t.Errorf("foreign config: written=%v errors=%q", r.ConfigWritten, r.Errors)
	}
	if got, _ := os.ReadFile(cfg); string(got) != string(orig) {
		t.Errorf("foreign config changed: %q", got)
	}
}

func TestBackupsRotate(t *testing.T) {
	home, _ := install(t)
	cfg := filepath.Join(home, ".openclaw/openclaw.json")
	for i, name := range []string{".bak", ".bak.1", ".bak.2", ".bak.3", ".bak.4"} {
		if err := os.WriteFile(cfg+name, []byte{byte('0' + i)}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	orig, _ := os.ReadFile(cfg)
	p, env := plan(t, home, "", "")
	r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
	if !r.OK || !r.ConfigWritten {
		t.Fatalf("result: ok=%v written=%v errors=%q", r.OK, r.ConfigWritten, r.Errors)
	}
	want := map[string]string{".bak": string(orig), ".bak.1": "0", ".bak.2": "1", ".bak.3": "2", ".bak.4": "3"}
	for name, w := range want {
		got, err := os.ReadFile(cfg + name)
		if err != nil || string(got) != w {
			t.Errorf("%s: %q, %v; want %q", name, got, err, w)
		}
	}
	if m := mode(t, cfg+".bak"); m != 0o600 {
		t.Errorf("backup mode %o, want 600", m)
	}
	got, _ := os.ReadFile(cfg)
	if string(got) != "// keep me\n{channels: {telegram: {groupPolicy: \"allowlist\"}}}\n" {
		t.Errorf("config: %q", got)
	}
}

func TestDryRunChangesNothing(t *testing.T) {
	home, fx := install(t)
	before := snapshotFiles(t, home)
	p, _ := plan(t, home, "", "")
	var b strings.Builder
	if err := p.WriteDryRun(&b, home); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"channels.telegram.groupPolicy=open -> allowlist",
		"@@ -1,2 +1,2 @@\n // keep me\n-{channels: {telegram: {groupPolicy: \"open\"}}}\n+{channels: {telegram: {groupPolicy: \"allowlist\"}}}\n",
		"600 file ~/.openclaw/credentials/oauth.json",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	after := snapshotFiles(t, home)
	if len(after) != len(before) {
		t.Errorf("files changed: %v -> %v", before, after)
	}
	for rel := range fx.home {
		if m := mode(t, filepath.Join(home, rel)); m != 0o644 {
			t.Errorf("%s: mode %o after a dry run", rel, m)
		}
	}
}

func TestEnvelopeShape(t *testing.T) {
	r := &fix.Result{OK: false, StateDir: "/h/.openclaw", ConfigPath: "/h/.openclaw/openclaw.json",
		Changes: []string{"a=open -> allowlist"}, Errors: []string{"boom"},
		Actions: []fix.Action{
			{Kind: "chmod", Path: "/h/.openclaw", Mode: 0o700, OK: true},
			{Kind: "chmod", Path: "/h/x", Mode: 0o600, Skipped: "missing"},
			{Kind: "icacls", Path: `C:\h`, Command: "icacls", Error: "Error: no"},
		}}
	got := string(r.AppendJSON(nil))
	want := `{"ok":false,"stateDir":"/h/.openclaw","configPath":"/h/.openclaw/openclaw.json","configWritten":false,` +
		`"changes":["a=open -> allowlist"],"actions":[{"kind":"chmod","path":"/h/.openclaw","mode":448,"ok":true},` +
		`{"kind":"chmod","path":"/h/x","mode":384,"ok":false,"skipped":"missing"},` +
		`{"kind":"icacls","path":"C:\\h","command":"icacls","ok":false,"error":"Error: no"}],"errors":["boom"]}`
	if got != want {
		t.Errorf("fix object:\n%s\nwant:\n%s", got, want)
	}
}

func TestWhatsAppStoreFromStateDatabase(t *testing.T) {
	home := layout(t, &fixture{sections: map[string]string{}, after: map[string]string{}, home: map[string]string{
		".openclaw/openclaw.json":                       `{channels: {whatsapp: {groupPolicy: "open"}}}`,
		".openclaw/credentials/whatsapp-allowFrom.json": `{"version":1,"allowFrom":["+19990000000"]}`,
	}})
	db, err := sql.Open("sqlite", filepath.Join(home, ".openclaw", "state", "openclaw.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, ".openclaw", "state"), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE channel_pairing_allow_entries(channel_key TEXT, account_id TEXT, entry TEXT, sort_order INTEGER, updated_at INTEGER, PRIMARY KEY(channel_key, account_id, entry));
		INSERT INTO channel_pairing_allow_entries VALUES ('whatsapp','default','+15550000001',0,0), ('whatsapp','default','*',1,0);`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	dbBytes, _ := os.ReadFile(filepath.Join(home, ".openclaw", "state", "openclaw.sqlite"))
	for _, tc := range []struct{ compat, want string }{
		{"2026.9", `{channels: {whatsapp: {groupPolicy: "allowlist", groupAllowFrom: ["+15550000001"]}}}`},
		{"2026.4", `{channels: {whatsapp: {groupPolicy: "allowlist", groupAllowFrom: ["+19990000000"]}}}`},
	} {
		cfg := filepath.Join(home, ".openclaw", "openclaw.json")
		if err := os.WriteFile(cfg, []byte(`{channels: {whatsapp: {groupPolicy: "open"}}}`), 0o600); err != nil {
			t.Fatal(err)
		}
		p, env := plan(t, home, "", tc.compat)
		r := fix.Apply(p, fix.Options{Windows: &posix, Env: env.Get})
		if !r.OK {
			t.Fatalf("%s: %q", tc.compat, r.Errors)
		}
		if got, _ := os.ReadFile(cfg); string(got) != tc.want {
			t.Errorf("%s: %s, want %s", tc.compat, got, tc.want)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(home, ".openclaw", "state", "openclaw.sqlite")); string(after) != string(dbBytes) {
		t.Errorf("the state database was written")
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(filepath.Join(home, ".openclaw", "state", "openclaw.sqlite"+suffix)); err == nil {
			t.Errorf("reading the state database created %s", suffix)
		}
	}
}
