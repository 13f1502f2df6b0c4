package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/clawcheck/clawcheck/internal/check"
)

// SARIFOptions say what the SARIF log needs beyond the report itself.
type SARIFOptions struct {
	// Checks is the catalogue: every check becomes a rule, whether it fired
	// or not, so code-scanning tools can close alerts that went away.
	Checks []*check.Check
	// Version is clawcheck's version, written as the driver's version.
	Version string
	// DocsURI is the page rules link to; each rule's helpUri is DocsURI plus
	// the check's anchor.
	DocsURI string
}

// stateDirBase is the uriBaseId of locations inside the state dir. Keeping
// them relative makes fingerprints and paths stable across machines.
const stateDirBase = "OPENCLAW_STATE_DIR"

// fingerprintKey names clawcheck's partial fingerprint; the suffix changes
// if the recipe below ever does.
const fingerprintKey = "clawcheckFinding/v1"

// WriteSARIF writes the report as a SARIF 2.1.0 log with one run.
func WriteSARIF(w io.Writer, r *Report, opt SARIFOptions) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("clawcheck", "https://github.com/clawcheck/clawcheck")
	if opt.Version != "" {
		run.Tool.Driver.WithVersion(opt.Version)
	}
	if r.StateDir != "" {
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			stateDirBase: sarif.NewSimpleArtifactLocation(dirURI(r.StateDir)),
		})
	}

	rules := newRuleSet(run, opt)
	for _, f := range r.Findings {
		ruleID := rules.ruleFor(f)
		res := run.CreateResultForRule(ruleID).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(resultMessage(f)))
		if ruleID != f.CheckID {
			pb := sarif.NewPropertyBag()
			pb.AddString("checkId", f.CheckID)
			res.AttachPropertyBag(pb)
		}
		if loc := sarifLocation(r, f); loc != nil {
			res.AddLocation(loc)
		}
		res.WithPartialFingerPrints(map[string]interface{}{fingerprintKey: fingerprint(r, f)})
	}
	run.AddInvocation(true)
	log.AddRun(run)
	return log.PrettyWrite(w)
}

// ruleSet adds one rule per catalogue check, plus one per concrete id of a
// template check (channels.<ch>.dm.open → channels.telegram.dm.open), so a
// result's ruleId is always the checkId users search for.
type ruleSet struct {
	run    *sarif.Run
	opt    SARIFOptions
	checks []*check.Check
	added  map[string]bool
}

func newRuleSet(run *sarif.Run, opt SARIFOptions) *ruleSet {
	rs := &ruleSet{run: run, opt: opt, added: map[string]bool{}}
	rs.checks = append(rs.checks, opt.Checks...)
	sort.SliceStable(rs.checks, func(i, j int) bool { return rs.checks[i].ID < rs.checks[j].ID })
	for _, c := range rs.checks {
		rs.add(c.ID, c)
	}
	return rs
}

func (rs *ruleSet) ruleFor(f check.Finding) string {
	id := f.CheckID
	if rs.added[id] {
		return id
	}
	for _, c := range rs.checks {
		if c.Matches(id) {
			rs.add(id, c)
			return id
		}
	}
	// A finding from outside the catalogue (a test registry, say) still
	// gets a rule, described by the finding itself.
	rs.add(id, &check.Check{ID: id, Severity: f.Severity, Title: f.Title})
	return id
}

func (rs *ruleSet) add(id string, c *check.Check) {
	rs.added[id] = true
	rule := rs.run.AddRule(id)
	rule.WithName(ruleName(c.ID)).
		WithShortDescription(sarif.NewMultiformatMessageString(c.Title)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(c.Severity)))
	if c.Doc != "" {
		rule.WithFullDescription(sarif.NewMultiformatMessageString(c.Doc))
	}
	help := c.Doc
	if c.Remediation != "" {
		help = strings.TrimSpace(help + "\n\nFix: " + c.Remediation)
	}
	if help != "" {
		rule.WithHelp(sarif.NewMultiformatMessageString(help))
	}
	if rs.opt.DocsURI != "" {
		rule.WithHelpURI(rs.opt.DocsURI + "#" + Anchor(c.ID))
	}
	pb := sarif.NewPropertyBag()
	tags := []string{"security"}
	if f := family(c.ID); f != "security" {
		tags = append(tags, f) // SARIF tags must be unique
	}
	pb.Add("tags", tags)
	pb.AddString("security-severity", securitySeverity(c.Severity))
	rule.AttachPropertyBag(pb)
}

// Anchor is the Markdown heading anchor of a check in docs/checks.md: the id
// lower-cased with everything but letters, digits, '-' and '_' dropped, the
// way GitHub derives anchors from "## `id`" headings.
func Anchor(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ruleName turns a checkId into the PascalCase name SARIF viewers show.
func ruleName(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		switch {
		case r == '.' || r == '_' || r == '-' || r == '<' || r == '>':
			upper = true
		case upper && r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
			upper = false
		default:
			b.WriteRune(r)
			upper = false
		}
	}
	return b.String()
}

func family(id string) string {
	if i := strings.IndexByte(id, '.'); i > 0 {
		return id[:i]
	}
	return id
}

func sarifLevel(s check.Severity) string {
	switch s {
	case check.Critical:
		return "error"
	case check.Warn:
		return "warning"
	default:
		return "note"
	}
}

// securitySeverity is the CVSS-like score code-scanning services sort by.
func securitySeverity(s check.Severity) string {
	switch s {
	case check.Critical:
		return "9.0"
	case check.Warn:
		return "5.5"
	default:
		return "2.0"
	}
}

func resultMessage(f check.Finding) string {
	msg := f.Title
	if f.Detail != "" {
		msg += "\n" + f.Detail
	}
	if f.Remediation != "" {
		msg += "\nFix: " + f.Remediation
	}
	return msg
}

// sarifLocation points at the key that causes the finding, or at the config
// file as a whole when the finding has no better place but the config
// exists. Findings about the state dir itself have no location.
func sarifLocation(r *Report, f check.Finding) *sarif.Location {
	file, line, col := "", 0, 0
	if f.Location != nil && f.Location.File != "" {
		file, line, col = f.Location.File, f.Location.Line, f.Location.Col
	}
	if file == "" {
		return nil
	}
	art := artifactLocation(r, file)
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if line > 0 {
		region := sarif.NewRegion().WithStartLine(line)
		if col > 0 {
			region.WithStartColumn(col)
		}
		phys.WithRegion(region)
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if f.Location.Path != "" {
		loc.WithMessage(sarif.NewTextMessage(f.Location.Path))
	}
	return loc
}

func artifactLocation(r *Report, file string) *sarif.ArtifactLocation {
	if rel, ok := inside(r.StateDir, file); ok {
		return sarif.NewSimpleArtifactLocation(pathURI(rel)).WithUriBaseId(stateDirBase)
	}
	return sarif.NewSimpleArtifactLocation(fileURI(file))
}

// inside reports file's slash-separated path relative to dir when file lies
// under dir.
func inside(dir, file string) (string, bool) {
	if dir == "" || !filepath.IsAbs(file) {
		return "", false
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// pathURI escapes a relative slash path for use as a URI reference.
func pathURI(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// fingerprint identifies a finding across runs and machines: the checkId, the
// config path and file it points at (relative to the state dir), and the
// detail when there is no location to tell two findings of one id apart.
func fingerprint(r *Report, f check.Finding) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", f.CheckID)
	if f.Location != nil && f.Location.Path != "" {
		file := f.Location.File
		if rel, ok := inside(r.StateDir, file); ok {
			file = rel
		}
		fmt.Fprintf(h, "%s\x00%s", file, f.Location.Path)
	} else {
		detail := f.Detail
		if r.StateDir != "" {
			detail = strings.ReplaceAll(detail, r.StateDir, "$OPENCLAW_STATE_DIR")
		}
		fmt.Fprintf(h, "%s", detail)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
