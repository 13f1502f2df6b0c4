package openclaw

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/clawcheck/clawcheck/internal/state"
)

// ReadExecApprovalsRow returns the exec-approvals document 2026.9.6 keeps in
// its state database (exec_approvals_config, config_key "current",
// raw_json), or nil when there is no database, no such table or no row.
// The database is read the same read-only way as ReadMachineState.
func ReadExecApprovalsRow(snap *state.Snapshot, stateDir string) ([]byte, error) {
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
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'exec_approvals_config'`).Scan(&n); err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	if n == 0 {
		return nil, nil
	}
	var raw sql.NullString
	err = conn.QueryRowContext(ctx, `SELECT raw_json FROM exec_approvals_config WHERE config_key = 'current'`).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !raw.Valid) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state database %s: exec approvals: %w", path, err)
	}
	return []byte(raw.String), nil
}
