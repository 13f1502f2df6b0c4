package codesafety

import (
	"strings"
	"testing"
)

// FuzzScanSource: no input panics the rules, every hit points at a line of
// the input, and evidence never carries control characters.
func FuzzScanSource(f *testing.F) {
	for _, s := range []string{
		"const cp = require('child_process');\ncp['exec']('x')",
		"import {exec as run} from 'child_process'\nrun(a); run(b)",
		"/* eval( */ process.env.X // fetch(\nfetch(",
		"new WebSocket('ws://h:99999999999999999999')",
		"-----BEGIN RSA PRIVATE KEY-----\n" + strings.Repeat("A", 64) + "\n-----END RSA PRIVATE KEY-----",
		"'unterminated \\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		var hits []Hit
		for _, c := range []string{"414", "96"} {
			compat := c9
			if c == "414" {
				compat = c4
			}
			hits = append(hits, ScanSource([]byte(src), "/x/a.js", compat)...)
		}
		hits = append(hits, ScanSkillText([]byte(src), "/x/SKILL.md")...)
		for _, h := range hits {
			if h.Line < 1 || h.Line > lines {
				t.Fatalf("%s hit at line %d of %d", h.RuleID, h.Line, lines)
			}
			if strings.ContainsFunc(h.Evidence, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Fatalf("control character in evidence %q", h.Evidence)
			}
		}
	})
}
