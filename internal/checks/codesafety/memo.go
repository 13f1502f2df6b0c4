package codesafety

import (
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
	"github.com/clawcheck/clawcheck/internal/state"
)

// Two checks of this family (the scan failure and the hits) need the same
// scan of each plugin and skill, and reading every file twice doubles the
// slowest part of --deep. The engine gives checks no per-audit scratch
// space, so results are remembered per snapshot: the key holds the snapshot
// weakly and the entries go when the snapshot does. A scan is a pure
// function of the snapshot, the profile and its arguments, so the memo
// never changes a result.
type scanKey struct {
	snap   weak.Pointer[state.Snapshot]
	compat check.Compat
	kind   byte // 'p' plugin dir, 's' skill
	dir    string
	extra  string // forced entries (NUL-joined) or the skill file
}

type scanResult struct {
	once sync.Once
	sum  codesafety.Summary
	err  error
}

var (
	scans   sync.Map // scanKey → *scanResult
	tracked sync.Map // weak.Pointer[state.Snapshot] → struct{}
)

// memoScan returns run's result for key, running it once per snapshot.
func memoScan(snap *state.Snapshot, key scanKey, run func() (codesafety.Summary, error)) (codesafety.Summary, error) {
	if snap == nil {
		return run()
	}
	wp := weak.Make(snap)
	key.snap = wp
	if _, loaded := tracked.LoadOrStore(wp, struct{}{}); !loaded {
		runtime.AddCleanup(snap, forget, wp)
	}
	v, _ := scans.LoadOrStore(key, &scanResult{})
	r := v.(*scanResult)
	r.once.Do(func() { r.sum, r.err = run() })
	return r.sum, r.err
}

// forget drops a collected snapshot's results.
func forget(wp weak.Pointer[state.Snapshot]) {
	scans.Range(func(k, _ any) bool {
		if k.(scanKey).snap == wp {
			scans.Delete(k)
		}
		return true
	})
	tracked.Delete(wp)
}

// scanPlugin scans one plugin folder with its forced entries.
func scanPlugin(p *check.Pass, sc *codesafety.Scanner, pd pluginDir) (codesafety.Summary, error) {
	key := scanKey{compat: p.Compat, kind: 'p', dir: pd.path, extra: strings.Join(pd.forced, "\x00")}
	return memoScan(p.State, key, func() (codesafety.Summary, error) { return sc.ScanDir(pd.path, pd.forced) })
}

// scanSkill scans one skill folder and its SKILL.md.
func scanSkill(p *check.Pass, sc *codesafety.Scanner, s skill) (codesafety.Summary, error) {
	key := scanKey{compat: p.Compat, kind: 's', dir: s.dir, extra: s.file}
	return memoScan(p.State, key, func() (codesafety.Summary, error) { return sc.ScanSkill(s.dir, s.file) })
}
