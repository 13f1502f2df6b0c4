package check

import (
	"fmt"
	"strings"
)

// InlineText renders text from the installation (a file or folder name, a
// config value) for use inside one line of a finding's detail: line breaks
// and other control characters become visible escapes, so a name cannot
// start a line of its own in the text report and pass for a finding or a
// section. Text without them is returned as it is.
func InlineText(s string) string {
	if !strings.ContainsFunc(s, breaksLine) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case !breaksLine(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// breaksLine: C0 and C1 controls, DEL, and the Unicode line and paragraph
// separators.
func breaksLine(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029'
}
