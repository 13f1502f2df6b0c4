package report

// FixBlockLines renders the text report's --fix block: every line made
// safe for a terminal, the FIX heading in the heading style and the rest
// muted, as the severity headings and hints are.
func FixBlockLines(lines []string, opt TextOptions) []string {
	p := painter{on: opt.Color, trueColor: opt.TrueColor}
	out := make([]string, len(lines))
	for i, l := range lines {
		st := styleMuted
		if l == "FIX" {
			st = styleHeading
		}
		out[i] = p.paint(SafeText(l), st)
	}
	return out
}
