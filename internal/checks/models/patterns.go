package models

import (
	"regexp"
	"strconv"
	"strings"
)

// legacyPatterns are checked in order; the first match names the family.
var legacyPatterns = []struct {
	re    *regexp.Regexp
	label string
}{
	{regexp.MustCompile(`(?i)\bgpt-3\.5\b`), "GPT-3.5"},
	{regexp.MustCompile(`(?i)\bclaude-(instant|2)\b`), "Claude 2 / Claude Instant"},
	{regexp.MustCompile(`(?i)\bgpt-4-(0314|0613)\b`), "an early GPT-4 snapshot"},
}

// legacyFamily returns the legacy family a model id belongs to, or "".
func legacyFamily(id string) string {
	for _, p := range legacyPatterns {
		if p.re.MatchString(id) {
			return p.label
		}
	}
	return ""
}

var (
	haikuTier   = regexp.MustCompile(`(?i)\bhaiku\b`)
	gptFamily   = regexp.MustCompile(`(?i)\bgpt-([0-9]*)([a-z]*)`)
	claudeModel = regexp.MustCompile(`(?i)\bclaude-`)
	versionPart = regexp.MustCompile(`[-._:@]`)
	digitsOnly  = regexp.MustCompile(`^[0-9]+$`)
)

// weakReasons lists why a model id is below the recommended tier.
//
// Haiku models are a small tier whatever their version. GPT models below
// GPT-5 and Claude models below 4.5 are weak. Both releases decide the
// versions with patterns that misjudge some ids (known upstream bugs): they
// pass claude-3-5-sonnet and claude-3-7-sonnet, and flag gpt-5o, gpt-6-*
// and gpt-oss-*. clawcheck reads the version numbers instead.
func weakReasons(id string) []string {
	var out []string
	if haikuTier.MatchString(id) {
		out = append(out, "Haiku tier")
	}
	if gptWeak(id) {
		out = append(out, "older than GPT-5")
	}
	if claudeWeak(id) {
		out = append(out, "older than Claude 4.5")
	}
	return out
}

// gptWeak: gpt-<major>… with a major version below 5 (gpt-4o, gpt-4.1,
// gpt-3.5-turbo). gpt-oss-* is an open-weight family judged by size
// (models.small_params) only; other named gpt-* families without a version
// stay weak, as upstream has them.
func gptWeak(id string) bool {
	m := gptFamily.FindStringSubmatch(id)
	if m == nil {
		return false
	}
	if m[1] == "" {
		return !strings.EqualFold(m[2], "oss")
	}
	major, err := strconv.Atoi(m[1])
	return err == nil && major < 5
}

// claudeWeak: a Claude id whose version is below 4.5. The version is read
// from the numeric parts after "claude-" (claude-3-5-sonnet is 3.5,
// claude-sonnet-4-5 is 4.5, claude-opus-4-10 is 4.10); date stamps
// (six digits or more) are not versions. An id without a version is
// weak, as upstream has it.
func claudeWeak(id string) bool {
	loc := claudeModel.FindStringIndex(id)
	if loc == nil {
		return false
	}
	rest := id[loc[1]:]
	if i := strings.IndexAny(rest, "/ "); i >= 0 {
		rest = rest[:i]
	}
	var nums []int
	for _, part := range versionPart.Split(rest, -1) {
		if !digitsOnly.MatchString(part) || len(part) >= 6 {
			if len(nums) > 0 && part != "" && !digitsOnly.MatchString(part) {
				break
			}
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil {
			continue
		}
		nums = append(nums, n)
		if len(nums) == 2 {
			break
		}
	}
	if len(nums) == 0 {
		return true
	}
	major, minor := nums[0], 0
	if len(nums) > 1 {
		minor = nums[1]
	}
	return major < 4 || (major == 4 && minor < 5)
}

// paramSize414 is 2026.4.14's parameter-count token (8b, 1.5b, e4b, a3b)
// with its delimiters. The trailing delimiter is consumed, so a token right
// after another is missed (x-8b-400b reads 8).
var paramSize414 = regexp.MustCompile(`(?:^|[^a-z0-9])[a-z]?([0-9]+(?:\.[0-9]+)?)b(?:[^a-z0-9]|$)`)

// paramToken is the token itself, anchored; 2026.9.6 checks the delimiter
// after it without consuming it.
var paramToken = regexp.MustCompile(`^[a-z]?([0-9]+(?:\.[0-9]+)?)b`)

// inferParamsB returns the largest positive parameter count (in billions)
// named in a model id, lower-cased, or 0.
func inferParamsB(id string, compat96 bool) float64 {
	s := strings.ToLower(id)
	best := 0.0
	consider := func(num string) {
		if v, err := strconv.ParseFloat(num, 64); err == nil && v > best {
			best = v
		}
	}
	if !compat96 {
		for _, m := range paramSize414.FindAllStringSubmatch(s, -1) {
			consider(m[1])
		}
		return best
	}
	// Scan as a global regular expression does: try each position, and
	// after a match continue right after the token, before its delimiter.
	for i := 0; i < len(s); {
		start := -1
		switch {
		case i == 0 && !isAlnum(s[0]):
			start = 1
		case i == 0:
			start = 0
		case !isAlnum(s[i]):
			start = i + 1
		}
		if start >= 0 && start <= len(s) {
			if m := paramToken.FindStringSubmatchIndex(s[start:]); m != nil {
				if end := start + m[1]; end == len(s) || !isAlnum(s[end]) {
					consider(s[start+m[2] : start+m[3]])
					i = end
					continue
				}
			}
		}
		i++
	}
	return best
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
