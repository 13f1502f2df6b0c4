package openclaw

import (
	"context"
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
	if snap == nil || stateDir == "" {
		return nil, nil
	}
	path := StateDBPath(stateDir)
	e, ok := snap.Lstat(path)
	if !ok {
		return nil, nil
	}
	if e.Kind != state.File {
		return nil, fmt.Errorf("state database %s is a %s, not a regular file", path, e.Kind)
	}
	db, conn, err := openStateDB(snap, path, e.Size)
	if err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	defer db.Close()
	defer conn.Close()
	ctx := context.Background()
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'channel_pairing_allow_entries'`).Scan(&n); err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	if n == 0 {
		return nil, nil
	}
	rows, err := conn.QueryContext(ctx, `SELECT entry FROM channel_pairing_allow_entries
		WHERE channel_key = ? AND account_id = ? ORDER BY account_id, sort_order, entry LIMIT ?`,
		channel, account, maxPairingEntries)
	if err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	defer rows.Close()
	var out []string
	seen := map[string]bool{}
	for rows.Next() {
		var entry any
		if err := rows.Scan(&entry); err != nil {
			return nil, fmt.Errorf("state database %s: %w", path, err)
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
	return out, rows.Err()
}
