package audit

import (
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// CompatForVersion maps an OpenClaw version (YYYY.M.D, with optional
// suffixes) to a profile: 2026.5 and later behave as 2026.9.
func CompatForVersion(v string) (check.Compat, bool) {
	parts := strings.SplitN(strings.TrimPrefix(strings.TrimSpace(v), "v"), ".", 3)
	if len(parts) < 2 {
		return "", false
	}
	year, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return "", false
	}
	if year > 2026 || (year == 2026 && month >= 5) {
		return check.Compat2026_9, true
	}
	return check.Compat2026_4, true
}
