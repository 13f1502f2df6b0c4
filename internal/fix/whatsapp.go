package fix

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/state"
)

// maxStoreBytes bounds one pairing-store file; real ones hold a few numbers.
const maxStoreBytes = 1 << 20

// pairingStore is the default WhatsApp account's stored allowFrom list as
// 2026.4.14 reads it: whatsapp-default-allowFrom.json, then the legacy
// whatsapp-allowFrom.json, each an object with an allowFrom array of
// strings; entries trimmed, blanks and "*" dropped, first occurrence kept.
// A file that is absent or not an object with an allowFrom array adds
// nothing; an allowFrom entry that is not a string fails the whole store
// read, which leaves the store empty (ok false).
//
// Under the 2026.9 profile the store is first read from 2026.9.6's state
// database (read-only), where that release keeps it; the files are the
// fallback for an installation not migrated yet.
func (e *editor) pairingStore() []string {
	if e.plan.Compat.Is96() {
		if list, err := openclaw.PairingAllowEntries(e.snap, e.cfg.Paths.StateDir, "whatsapp", "default"); err == nil && len(list) > 0 {
			var out []string
			for _, s := range list {
				if s != "*" {
					out = append(out, s)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	dir := e.cfg.Paths.CredentialsDir
	var out []string
	seen := map[string]bool{}
	for _, name := range []string{"whatsapp-default-allowFrom.json", "whatsapp-allowFrom.json"} {
		entries, ok := readStore(e.snap, filepath.Join(dir, name))
		if !ok {
			return nil
		}
		for _, s := range entries {
			s = strings.TrimSpace(s)
			if s == "" || s == "*" || seen[s] {
				continue
			}
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func readStore(snap *state.Snapshot, path string) ([]string, bool) {
	var data []byte
	var e state.Entry
	ok := false
	if snap != nil {
		e, ok = snap.Lstat(path)
	}
	if ok {
		if e.Kind != state.File || e.Size > maxStoreBytes {
			return nil, true
		}
		b, err := snap.ReadFile(path)
		if err != nil {
			return nil, true
		}
		data = b
	} else {
		// A credentials dir outside the state dir (OPENCLAW_OAUTH_DIR) is
		// not walked by the snapshot: read the file itself, never through
		// a symlink and never more than the limit.
		fi, err := os.Lstat(path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxStoreBytes {
			return nil, true
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, true
		}
		defer f.Close()
		if data, err = io.ReadAll(io.LimitReader(f, maxStoreBytes)); err != nil {
			return nil, true
		}
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, true
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(doc["allowFrom"], &raw); err != nil {
		return nil, true
	}
	out := make([]string, 0, len(raw))
	for _, r := range raw {
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
