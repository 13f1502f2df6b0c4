package cli

import (
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/config/schema"
)

// chooseCompat applies the profile choice: an explicit 2026.4/2026.9, else
// the release that last wrote the config (meta.lastTouchedVersion), else the
// keys: any key only 2026.9.6 accepts means 2026.9.
func chooseCompat(choice string, root *config.Value) check.Compat {
	switch choice {
	case string(check.Compat2026_4):
		return check.Compat2026_4
	case string(check.Compat2026_9):
		return check.Compat2026_9
	}
	if v, ok := root.Get("meta", "lastTouchedVersion").String(); ok {
		if c, ok := compatForVersion(v); ok {
			return c
		}
	}
	if schema.UsesOnly96Keys(root) {
		return check.Compat2026_9
	}
	return check.Compat2026_4
}

// compatForVersion maps an OpenClaw version (YYYY.M.D, with optional
// suffixes) to a profile: 2026.5 and later behave as 2026.9.
func compatForVersion(v string) (check.Compat, bool) {
	parts := strings.SplitN(strings.TrimPrefix(strings.TrimSpace(v), "v"), ".", 3)
	if len(parts) < 2 {
		return "", false
	}
	year, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(strings.TrimLeft(parts[1], "0"))
	if parts[1] == "0" || strings.Trim(parts[1], "0") == "" {
		month, err2 = 0, nil
	}
	if err1 != nil || err2 != nil {
		return "", false
	}
	if year > 2026 || (year == 2026 && month >= 5) {
		return check.Compat2026_9, true
	}
	return check.Compat2026_4, true
}
