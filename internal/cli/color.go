package cli

import (
	"os"
	"strings"

	"golang.org/x/term"
)

// colorFor decides colour like the reference: FORCE_COLOR (non-empty, not 0)
// forces it on, NO_COLOR turns it off when FORCE_COLOR is unset, --no-color
// always wins, and otherwise stdout must be a terminal that is not dumb.
func colorFor(inv *Invocation, ro *rootOptions) (color, trueColor bool) {
	if ro.noColor {
		return false, false
	}
	trueColor = isTrueColor(inv.Env.Get("COLORTERM"))
	force, forceSet := inv.Env.Lookup("FORCE_COLOR")
	if forceSet && force != "" {
		return force != "0", trueColor
	}
	if _, ok := inv.Env.Lookup("NO_COLOR"); ok {
		return false, false
	}
	if strings.EqualFold(inv.Env.Get("TERM"), "dumb") {
		return false, false
	}
	f, ok := inv.Stdout.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, false
	}
	return true, trueColor
}

func isTrueColor(v string) bool {
	v = strings.ToLower(v)
	return v == "truecolor" || v == "24bit"
}
