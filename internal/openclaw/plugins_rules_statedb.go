package openclaw

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/clawcheck/clawcheck/internal/state"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// StateDBPath is 2026.9.6's state database: <stateDir>/state/openclaw.sqlite.
func StateDBPath(stateDir string) string { return filepath.Join(stateDir, "state", "openclaw.sqlite") }

// MaxStateDBBytes bounds a state database opened in place when it is too
// large to copy through the snapshot.
const MaxStateDBBytes = 512 << 20

// ReadMachineState returns value_json of one config_machine_state row of the
// state database, or nil when there is no database, no such table or no such
// row.
//
// The database is never opened for writing and no journal, WAL or lock file
// is created: a file the snapshot can read (up to its read limit) is copied
// into memory and queried there; a larger regular file is opened read-only
// and immutable. Either way committed pages still sitting in a -wal file are
// not seen, which is what any reader that must not write gets.
func ReadMachineState(snap *state.Snapshot, stateDir, key string) ([]byte, error) {
	var value []byte
	err := withStateDBTable(snap, stateDir, "config_machine_state", func(ctx context.Context, conn *sql.Conn, path string) error {
		err := conn.QueryRowContext(ctx, `SELECT value_json FROM config_machine_state WHERE state_key = ?`, key).Scan(&value)
		if errors.Is(err, sql.ErrNoRows) {
			value = nil
			return nil
		}
		if err != nil {
			return fmt.Errorf("state database %s: row %s: %w", path, key, err)
		}
		return nil
	})
	return value, err
}

// withStateDBTable opens the state database read-only (see ReadMachineState)
// and calls query when the database exists and has the table. No database
// or no table is not an error: query is simply not called.
func withStateDBTable(snap *state.Snapshot, stateDir, table string, query func(ctx context.Context, conn *sql.Conn, path string) error) error {
	if snap == nil || stateDir == "" {
		return nil
	}
	path := StateDBPath(stateDir)
	e, ok := snap.Lstat(path)
	if !ok {
		return nil
	}
	if e.Kind != state.File {
		return fmt.Errorf("state database %s is a %s, not a regular file", path, e.Kind)
	}
	db, conn, err := openStateDB(snap, path, e.Size)
	if err != nil {
		return fmt.Errorf("state database %s: %w", path, err)
	}
	defer db.Close()
	defer conn.Close()
	ctx := context.Background()
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil {
		return fmt.Errorf("state database %s: %w", path, err)
	}
	if n == 0 {
		return nil
	}
	return query(ctx, conn, path)
}

func openStateDB(snap *state.Snapshot, path string, size int64) (*sql.DB, *sql.Conn, error) {
	ctx := context.Background()
	data, err := snap.ReadFile(path)
	switch {
	case err == nil:
		if len(data) == 0 {
			return nil, nil, errors.New("empty file")
		}
		// A WAL-mode header makes SQLite look for a -wal file even in
		// memory; the copy is read as a rollback-journal database instead.
		if len(data) >= 20 && data[18] == 2 && data[19] == 2 {
			data[18], data[19] = 1, 1
		}
		db, err := sql.Open("sqlite", "file::memory:")
		if err != nil {
			return nil, nil, err
		}
		db.SetMaxOpenConns(1)
		conn, err := db.Conn(ctx)
		if err != nil {
			db.Close()
			return nil, nil, err
		}
		err = conn.Raw(func(dc any) error {
			d, ok := dc.(interface{ Deserialize([]byte) error })
			if !ok {
				return errors.New("sqlite driver cannot load a database from memory")
			}
			return d.Deserialize(data)
		})
		if err != nil {
			conn.Close()
			db.Close()
			return nil, nil, err
		}
		return db, conn, nil
	case errors.Is(err, state.ErrTooLarge) && size <= MaxStateDBBytes:
		u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: "mode=ro&immutable=1"}
		db, err := sql.Open("sqlite", u.String())
		if err != nil {
			return nil, nil, err
		}
		db.SetMaxOpenConns(1)
		conn, err := db.Conn(ctx)
		if err != nil {
			db.Close()
			return nil, nil, err
		}
		return db, conn, nil
	}
	return nil, nil, err
}
