package openclaw

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/state"
)

func TestPinnedNpmSpec(t *testing.T) {
	tests := map[string]bool{
		"pkg@1.2.3": true, "@scope/pkg@1.2.3": true, "pkg@v1.2.3": true, "pkg@1.2.3-beta.1+build": true,
		" pkg@1.2.3 ": true, "pkg": false, "@scope/pkg": false, "pkg@latest": false, "pkg@^1.2.0": false,
		"@scope/rangey@~1.2": false, "pkg@1.2": false, "pkg@": false, "": false,
		"git+https://example.com/x.git": false, "pkg@1.2.3.4": false,
	}
	for spec, want := range tests {
		if got := PinnedNpmSpec(spec); got != want {
			t.Errorf("PinnedNpmSpec(%q) = %v, want %v", spec, got, want)
		}
	}
}

func TestExcludedPluginDir(t *testing.T) {
	tests := map[string]bool{
		"weather": false, "node_modules": true, "Node_Modules": true, ".hidden": true,
		".openclaw-install-backups": true, "foo.bak": true, "foo.backup-1": true, "foo.disabled": true,
		"foo.Disabled-x": true, "bakery": false,
	}
	for name, want := range tests {
		if got := excludedPluginDir(name); got != want {
			t.Errorf("excludedPluginDir(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestEnabledExtensionPluginIDs(t *testing.T) {
	dirs := []string{"Alpha", "beta", "gamma"}
	tests := []struct {
		name, config string
		want         []string
	}{
		{"no policy", `{}`, []string{"alpha", "beta", "gamma"}},
		{"plugins off", `{ plugins: { enabled: false } }`, nil},
		{"deny", `{ plugins: { deny: [" BETA "] } }`, []string{"alpha", "gamma"}},
		{"allow", `{ plugins: { allow: ["alpha"] } }`, []string{"alpha"}},
		{"empty allow allows all", `{ plugins: { allow: [] } }`, []string{"alpha", "beta", "gamma"}},
		{"entry disabled", `{ plugins: { entries: { gamma: { enabled: false } } } }`, []string{"alpha", "beta"}},
	}
	for _, tt := range tests {
		cfg := loadConfig(t, tt.config, nil)
		if got := EnabledExtensionPluginIDs(cfg.Root, dirs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestValueFromJSONKeepsOrder(t *testing.T) {
	v, err := ValueFromJSON([]byte(`{"z":1,"a":{"x":[true,null,"s"]},"m":"v","z":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(v.Keys(), ","); got != "z,a,m" {
		t.Errorf("keys %s", got)
	}
	if n, _ := v.Get("z").Number(); n != 2 {
		t.Errorf("z = %v, want the last value", n)
	}
	if !v.Get("a", "x").Index(0).IsTrue() || v.Get("a", "x").Index(1).Present() {
		t.Error("array elements")
	}
	for _, bad := range []string{`{`, `{"a":1} x`, `[1,]`, strings.Repeat("[", 200) + strings.Repeat("]", 200)} {
		if _, err := ValueFromJSON([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestInstallRecordFields(t *testing.T) {
	v, _ := ValueFromJSON([]byte(`{"source":"npm","spec":"x@1","integrity":"  ","resolvedVersion":"2.0.0","version":"1.0.0"}`))
	r := InstallRecord{ID: "x", Value: v}
	if !r.NPM() || r.HasIntegrity() || r.RecordedVersion() != "2.0.0" || r.InstallDir("/s", "extensions") != filepath.Join("/s", "extensions", "x") {
		t.Errorf("record accessors: npm %v integrity %v version %q", r.NPM(), r.HasIntegrity(), r.RecordedVersion())
	}
	v, _ = ValueFromJSON([]byte(`{"source":"npm","resolvedVersion":null,"version":"1.0.0","installPath":"/opt/x"}`))
	r = InstallRecord{ID: "x", Value: v}
	if r.RecordedVersion() != "1.0.0" || r.InstallDir("/s", "hooks") != "/opt/x" {
		t.Errorf("fallbacks: %q %q", r.RecordedVersion(), r.InstallDir("/s", "hooks"))
	}
}

// writeStateDB creates a WAL-mode state database holding one machine-state row.
func writeStateDB(t *testing.T, stateDir, key, value string) {
	t.Helper()
	path := StateDBPath(stateDir)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`PRAGMA journal_mode=WAL`,
		`CREATE TABLE config_machine_state (state_key TEXT NOT NULL PRIMARY KEY, value_json TEXT NOT NULL, updated_at_ms INTEGER NOT NULL) STRICT`,
	} {
		if _, err := db.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO config_machine_state VALUES (?, ?, 1)`, key, value); err != nil {
		t.Fatal(err)
	}
}

func TestReadMachineState(t *testing.T) {
	stateDir := filepath.Join(t.TempDir(), ".openclaw")
	writeStateDB(t, stateDir, "hooks.internal.installs", `{"h":{"source":"npm","spec":"h@latest"}}`)
	before := listDir(t, filepath.Join(stateDir, "state"))
	snap, err := state.Take(state.Options{Roots: []string{stateDir}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadMachineState(snap, stateDir, "hooks.internal.installs")
	if err != nil || !strings.Contains(string(got), "h@latest") {
		t.Fatalf("got %q, %v", got, err)
	}
	if got, err := ReadMachineState(snap, stateDir, "missing.key"); got != nil || err != nil {
		t.Errorf("missing row: %q, %v", got, err)
	}
	if after := listDir(t, filepath.Join(stateDir, "state")); !reflect.DeepEqual(before, after) {
		t.Errorf("reading created files: before %v, after %v", before, after)
	}
	recs, err := HookInstallRecords(InstallSources{Compat: check.Compat2026_9, Root: nil, Snap: snap, StateDir: stateDir})
	if err != nil || len(recs) != 1 || recs[0].ID != "h" {
		t.Errorf("hook records %v, %v", recs, err)
	}
	recs, _ = HookInstallRecords(InstallSources{Compat: check.Compat2026_4, Snap: snap, StateDir: stateDir})
	if len(recs) != 0 {
		t.Errorf("2026.4 reads the database: %v", recs)
	}
}

func TestReadMachineStateHostile(t *testing.T) {
	stateDir := filepath.Join(t.TempDir(), ".openclaw")
	if err := os.MkdirAll(filepath.Join(stateDir, "state"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(StateDBPath(stateDir), []byte("not a database at all, just text"), 0o600); err != nil {
		t.Fatal(err)
	}
	snap, err := state.Take(state.Options{Roots: []string{stateDir}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadMachineState(snap, stateDir, "k"); err == nil {
		t.Error("garbage database accepted")
	}
	if got, err := ReadMachineState(snap, filepath.Join(stateDir, "nowhere"), "k"); got != nil || err != nil {
		t.Errorf("no database: %q, %v", got, err)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}
