package openclaw

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/state"
)

func TestPairingAllowEntries(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup string // SQL run on a new database; "" for no database
		want  string
	}{
		{name: "no database"},
		{name: "no table", setup: `CREATE TABLE other(x)`},
		{name: "ordered, trimmed, deduplicated", setup: `
			CREATE TABLE channel_pairing_allow_entries(channel_key TEXT, account_id TEXT, entry TEXT, sort_order INTEGER, updated_at INTEGER, PRIMARY KEY(channel_key, account_id, entry));
			INSERT INTO channel_pairing_allow_entries VALUES
				('whatsapp','default','+3',2,0), ('whatsapp','default','+1',0,0), ('whatsapp','default',' +1 ',1,0),
				('whatsapp','default','',3,0), ('whatsapp','default','+2',1,0),
				('whatsapp','biz','+9',0,0), ('telegram','default','42',0,0);`,
			want: "+1 +2 +3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.setup != "" {
				db := filepath.Join(dir, "state", "openclaw.sqlite")
				if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
					t.Fatal(err)
				}
				conn, err := sql.Open("sqlite", db)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := conn.Exec(tc.setup); err != nil {
					t.Fatal(err)
				}
				conn.Close()
			}
			snap, err := state.Take(state.Options{Roots: []string{dir}})
			if err != nil {
				t.Fatal(err)
			}
			got, err := PairingAllowEntries(snap, dir, "whatsapp", "default")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
