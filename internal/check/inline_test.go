package check

import "testing"

func TestInlineText(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "",
		"agents/main/sessions/a.jsonl": "agents/main/sessions/a.jsonl",
		"日本語 🦀 plugin":                 "日本語 🦀 plugin",
		"x\nCRITICAL fake":             `x\nCRITICAL fake`,
		"a\r\nb\tc":                    `a\r\nb\tc`,
		"\x1b[2J\x07\x00\x7f":          `\x1b[2J\x07\x00\x7f`,
		"c1\u009bx":                    `c1\x9bx`,
		"ls\u2028ps\u2029":             `ls\u2028ps\u2029`,
		`already \n escaped`:           `already \n escaped`,
	} {
		if got := InlineText(in); got != want {
			t.Errorf("InlineText(%q) = %q, want %q", in, got, want)
		}
	}
}
