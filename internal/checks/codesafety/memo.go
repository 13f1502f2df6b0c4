package codesafety

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
)

// Two checks of this family (the scan failure and the hits) need the same
// scan of each plugin and skill, and reading every file twice doubles the
// slowest part of --deep, so scans go through the audit's memo. A scan is a
// pure function of the snapshot, the profile and its arguments, so sharing
// it never changes a result.
type scanKey struct {
	compat check.Compat
	kind   byte // 'p' plugin dir, 's' skill
	dir    string
	extra  string // forced entries (NUL-joined) or the skill file
}

type scanResult struct {
	sum codesafety.Summary
	err error
}

func memoScan(p *check.Pass, key scanKey, run func() (codesafety.Summary, error)) (codesafety.Summary, error) {
	r := p.Memo.Do(key, func() any {
		sum, err := run()
		return scanResult{sum, err}
	}).(scanResult)
	return r.sum, r.err
}

// scanPlugin scans one plugin folder with its forced entries.
func scanPlugin(p *check.Pass, sc *codesafety.Scanner, pd pluginDir) (codesafety.Summary, error) {
	key := scanKey{compat: p.Compat, kind: 'p', dir: pd.path, extra: strings.Join(pd.forced, "\x00")}
	return memoScan(p, key, func() (codesafety.Summary, error) { return sc.ScanDir(pd.path, pd.forced) })
}

// scanSkill scans one skill folder and its SKILL.md.
func scanSkill(p *check.Pass, sc *codesafety.Scanner, s skill) (codesafety.Summary, error) {
	key := scanKey{compat: p.Compat, kind: 's', dir: s.dir, extra: s.file}
	return memoScan(p, key, func() (codesafety.Summary, error) { return sc.ScanSkill(s.dir, s.file) })
}
