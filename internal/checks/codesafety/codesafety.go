// Package codesafety holds the --deep code-safety checks: the static scan of
// installed plugin directories (<stateDir>/extensions/*) and of skills, and
// the plugin manifest entries that steer it. The scanning itself lives in
// internal/codesafety; these checks decide what is scanned and word the
// findings. They read the state snapshot only and never run plugin code.
package codesafety

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/codesafety"
)

// Checks is this family's list, in upstream's in-collector order.
var Checks = []*check.Check{
	ManifestParseError, EntryPath, EntryEscape, ScanFailed, PluginCodeSafety,
	SkillScanFailed, SkillCodeSafety,
}

// Groups order findings inside the code-safety collector: the extensions
// listing first, then plugin dir i at group i+1, then the workshop loader's
// diagnostics, then skill j.
const (
	groupSkills = 1 << 20
)

func pluginGroup(i int) int { return i + 1 }
func skillGroup(j int) int  { return groupSkills + 1 + j }

// hitLines renders hits as "  - path:line [rule] message", paths relative to
// root with / separators (the base name when a hit lies outside root).
func hitLines(hits []codesafety.Hit, root string) string {
	var b strings.Builder
	for i, h := range hits {
		if i > 0 {
			b.WriteByte('\n')
		}
		rel, err := filepath.Rel(root, h.File)
		if err != nil || rel == "." || rel == "" || strings.HasPrefix(rel, "..") {
			rel = filepath.Base(h.File)
		}
		fmt.Fprintf(&b, "  - %s:%d [%s] %s", check.InlineText(filepath.ToSlash(rel)), h.Line, h.RuleID, h.Message)
	}
	return b.String()
}

// chosen picks the severity a scan is reported at and its hits: critical if
// any hit is critical, else warn if any is; ok is false when there is
// nothing to report.
func chosen(sum codesafety.Summary) (check.Severity, []codesafety.Hit, bool) {
	switch {
	case sum.Critical > 0:
		return check.Critical, sum.Of(check.Critical), true
	case sum.Warn > 0:
		return check.Warn, sum.Of(check.Warn), true
	}
	return "", nil, false
}

// quote makes a name from the installation safe to print.
func quote(s string) string { return fmt.Sprintf("%q", s) }

// reportHits reports one plugin's or skill's scan (label "Plugin" or
// "Skill"), at the severity of its worst rule, when any rule matched.
func reportHits(p *check.Pass, label, name, dir string, sum codesafety.Summary, group int) {
	sev, hits, ok := chosen(sum)
	if !ok {
		return
	}
	p.Report(check.Finding{
		Severity: sev,
		Detail: fmt.Sprintf("%s %s (%s): %d %s hit(s) in %d scanned file(s):\n%s",
			label, quote(name), check.InlineText(dir), len(hits), sev, sum.ScannedFiles, hitLines(hits, dir)),
		Group: group,
	})
}
