// Package check is the framework every audit check is written against: the
// Check value, the Finding it reports, severities, the compatibility profile
// and the Pass that hands a check everything it may look at.
//
// A check never opens a file, dials a socket or reads the clock: the engine
// gives it the loaded configuration, the state snapshot and the environment.
package check

import (
	"fmt"
	"regexp"
	"strings"
)

// Severity is one of critical, warn or info, spelled as upstream spells them.
type Severity string

const (
	Critical Severity = "critical"
	Warn     Severity = "warn"
	Info     Severity = "info"
)

// Rank orders severities: critical 0, warn 1, info 2.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 0
	case Warn:
		return 1
	}
	return 2
}

// Valid reports whether s is one of the three severities.
func (s Severity) Valid() bool { return s == Critical || s == Warn || s == Info }

// ParseSeverity accepts critical, warn or info (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	switch v := Severity(strings.ToLower(strings.TrimSpace(s))); v {
	case Critical, Warn, Info:
		return v, nil
	}
	return "", fmt.Errorf("unknown severity %q (want critical, warn or info)", s)
}

// Compat is the compatibility profile: which reference release clawcheck behaves as.
type Compat string

const (
	Compat2026_4 Compat = "2026.4"
	Compat2026_9 Compat = "2026.9"
)

// Is414 and Is96 read better at call sites than comparisons.
func (c Compat) Is414() bool { return c == Compat2026_4 }
func (c Compat) Is96() bool  { return c == Compat2026_9 }

// Location points a finding at the config text that causes it.
type Location struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Path string `json:"path,omitempty"` // dotted config path, e.g. gateway.bind
}

// Finding is one reported problem. The JSON form (checkId, severity, title,
// detail, remediation) is the reference's; Location is ours and is used by
// formats that point at lines.
type Finding struct {
	CheckID     string
	Severity    Severity
	Title       string
	Detail      string
	Remediation string
	Location    *Location

	// Group orders findings inside one collector when a collector interleaves
	// several checks (for example per agent). Zero for most checks.
	Group int
}

// Needs says what a check reads, so the engine can tell which checks a plain
// audit can run and which need --deep.
type Needs uint8

const (
	NeedsConfig Needs = 1 << iota
	NeedsState
	NeedsDeep
)

// Check is one audit rule, written as a struct literal.
type Check struct {
	ID          string   // the upstream checkId, or a template such as channels.<ch>.dm.open
	Severity    Severity // default severity
	Title       string   // static, ours
	Remediation string   // ours; empty when the check has none
	Doc         string   // why it matters, for explain and SARIF
	Needs       Needs
	// Collector names the upstream collector the check belongs to; the engine
	// orders findings by collector, then by Group, then by the check's place in
	// the registry, then by report order.
	Collector string
	// Always marks a check that reports on every audit (the attack-surface
	// summary), so no fixture can show it silent.
	Always bool
	// AfterSuppression runs the check once the configured suppressions have
	// filtered the other findings; it sees Pass.Suppressions and its own
	// findings cannot be suppressed (the suppressions marker).
	AfterSuppression bool
	Run              func(*Pass) error
}

// SuppressionStats tell an AfterSuppression check what the filter did.
type SuppressionStats struct {
	Configured int // suppression entries in the config
	Moved      int // findings moved to suppressedFindings
}

// IsTemplate reports whether the ID contains <placeholders>.
func (c *Check) IsTemplate() bool { return strings.Contains(c.ID, "<") }

var (
	idPart      = `[a-z0-9][A-Za-z0-9_-]*`
	idPattern   = regexp.MustCompile(`^` + idPart + `(\.(` + idPart + `|<[a-z]+>))*$`)
	placeholder = regexp.MustCompile(`<[a-z]+>`)
)

// Matches reports whether a concrete checkId is an instance of the check's ID
// (equal, or matching the template with each placeholder standing for one or
// more characters without a dot, or any characters for a trailing placeholder).
func (c *Check) Matches(id string) bool { return MatchID(c.ID, id) }

// MatchID reports whether id is tmpl itself or an instance of the template.
func MatchID(tmpl, id string) bool {
	if !strings.Contains(tmpl, "<") {
		return id == tmpl
	}
	return templateRegexp(tmpl).MatchString(id)
}

func templateRegexp(tmpl string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	rest := tmpl
	for {
		loc := placeholder.FindStringIndex(rest)
		if loc == nil {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:loc[0]]))
		if loc[1] == len(rest) {
			b.WriteString(`.+`)
		} else {
			b.WriteString(`[^.]+`)
		}
		rest = rest[loc[1]:]
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// Validate reports what is wrong with a check's definition.
func (c *Check) Validate() error {
	switch {
	case !idPattern.MatchString(c.ID):
		return fmt.Errorf("check %q: malformed id", c.ID)
	case !c.Severity.Valid():
		return fmt.Errorf("check %s: bad severity %q", c.ID, c.Severity)
	case strings.TrimSpace(c.Title) == "":
		return fmt.Errorf("check %s: no title", c.ID)
	case strings.TrimSpace(c.Doc) == "":
		return fmt.Errorf("check %s: no doc", c.ID)
	case !KnownCollector(c.Collector):
		return fmt.Errorf("check %s: unknown collector %q", c.ID, c.Collector)
	case c.Run == nil:
		return fmt.Errorf("check %s: no Run", c.ID)
	}
	return nil
}

// ValidateAll checks every definition and that no two checks share an ID.
// Duplicate IDs are a programmer error; callers panic at start-up.
func ValidateAll(checks []*Check) error {
	seen := map[string]bool{}
	for _, c := range checks {
		if err := c.Validate(); err != nil {
			return err
		}
		if seen[c.ID] {
			return fmt.Errorf("duplicate check id %s", c.ID)
		}
		seen[c.ID] = true
	}
	return nil
}
