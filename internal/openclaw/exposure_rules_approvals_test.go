package openclaw

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/state"
)

// writeApprovalsDB creates a WAL-mode state database with the exec-approvals
// table, holding raw (or no row when raw is empty).
func writeApprovalsDB(t *testing.T, stateDir, raw string) {
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
		`CREATE TABLE exec_approvals_config (config_key TEXT NOT NULL PRIMARY KEY, raw_json TEXT, auto_allow_skills INTEGER, updated_at_ms INTEGER NOT NULL)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if raw != "" {
		if _, err := db.Exec(`INSERT INTO exec_approvals_config VALUES ('current', ?, 1, 1)`, raw); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadExecApprovalsRow(t *testing.T) {
	stateDir := filepath.Join(t.TempDir(), ".openclaw")
	writeApprovalsDB(t, stateDir, `{"version":1,"defaults":{"autoAllowSkills":true}}`)
	before := listDir(t, filepath.Join(stateDir, "state"))
	snap, err := state.Take(state.Options{Roots: []string{stateDir}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadExecApprovalsRow(snap, stateDir)
	if err != nil || !strings.Contains(string(got), "autoAllowSkills") {
		t.Fatalf("got %q, %v", got, err)
	}
	if after := listDir(t, filepath.Join(stateDir, "state")); !reflect.DeepEqual(before, after) {
		t.Errorf("reading created files: before %v, after %v", before, after)
	}
}

func TestReadExecApprovalsRowAbsent(t *testing.T) {
	stateDir := filepath.Join(t.TempDir(), ".openclaw")
	writeApprovalsDB(t, stateDir, "")
	snap, err := state.Take(state.Options{Roots: []string{stateDir}})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ReadExecApprovalsRow(snap, stateDir); got != nil || err != nil {
		t.Errorf("no row: %q, %v", got, err)
	}
	if got, err := ReadExecApprovalsRow(snap, filepath.Join(stateDir, "nowhere")); got != nil || err != nil {
		t.Errorf("no database: %q, %v", got, err)
	}
	if got, err := ReadExecApprovalsRow(nil, stateDir); got != nil || err != nil {
		t.Errorf("no snapshot: %q, %v", got, err)
	}
}

func TestReadExecApprovalsRowHostile(t *testing.T) {
	stateDir := filepath.Join(t.TempDir(), ".openclaw")
	if err := os.MkdirAll(filepath.Join(stateDir, "state"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(StateDBPath(stateDir), []byte("garbage, not sqlite"), 0o600); err != nil {
		t.Fatal(err)
	}
	snap, err := state.Take(state.Options{Roots: []string{stateDir}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadExecApprovalsRow(snap, stateDir); err == nil {
		t.Error("garbage database accepted")
	}
}
