package openclaw

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/state"
)

// maxPairingEntries bounds the rows read from the pairing table.
const maxPairingEntries = 10000

// PairingAllowEntries returns 2026.9.6's stored pairing allowlist of one
// channel account from the state database's channel_pairing_allow_entries
// table, ordered as 2026.9.6 orders it (account, sort order, entry), with
// blank and repeated entries dropped. No database, no table or no rows is
// an empty list. The database is read as ReadMachineState reads it: never
// opened for writing.
func PairingAllowEntries(snap *state.Snapshot, stateDir, channel, account string) ([]string, error) {
	var out []string
	err := withStateDBTable(snap, stateDir, "channel_pairing_allow_entries", func(ctx context.Context, conn *sql.Conn, path string) error {
		rows, err := conn.QueryContext(ctx, `SELECT entry FROM channel_pairing_allow_entries
		WHERE channel_key = ? AND account_id = ? ORDER BY account_id, sort_order, entry LIMIT ?`,
			channel, account, maxPairingEntries)
		if err != nil {
			return fmt.Errorf("state database %s: %w", path, err)
		}
		defer rows.Close()
		seen := map[string]bool{}
		for rows.Next() {
			var entry any
			if err := rows.Scan(&entry); err != nil {
				return fmt.Errorf("state database %s: %w", path, err)
			}
			var s string
			switch v := entry.(type) {
			case string:
				s = v
			case []byte:
				s = string(v)
			default:
				continue
			}
			s = strings.TrimSpace(s)
			if s == "" || seen[s] {
				continue
			}
			seen[s] = true
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}
