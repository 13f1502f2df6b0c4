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
	var out []byte
	err := withStateDBTable(snap, stateDir, "exec_approvals_config", func(ctx context.Context, conn *sql.Conn, path string) error {
		var raw sql.NullString
		err := conn.QueryRowContext(ctx, `SELECT raw_json FROM exec_approvals_config WHERE config_key = 'current'`).Scan(&raw)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !raw.Valid) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("state database %s: exec approvals: %w", path, err)
		}
		out = []byte(raw.String)
		return nil
	})
	return out, err
}
