package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/audit"
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/report"
)

// Version is clawcheck's version, set at build time with
// -ldflags "-X github.com/clawcheck/clawcheck/internal/cli.Version=v1.2.3".
var Version = "dev"

// DocsURI is where rules in SARIF logs link to; each check has an anchor.
const DocsURI = "https://github.com/clawcheck/clawcheck/blob/main/docs/checks.md"

// Output formats of `security audit --format`.
var formats = []string{"text", "json", "sarif", "html", "markdown"}

// excerptContext is how many config lines the HTML report shows either side
// of a finding's location.
const excerptContext = 3

// outputOptions are the audit flags that decide what is printed and how the
// process exits.
type outputOptions struct {
	format string // one of formats; "" means text unless --json
	json   bool   // --json, the reference's spelling of --format json
	failOn string // critical, warn, info or none
}

// resolve checks the flag combination and returns the format to use.
func (o *outputOptions) resolve() (string, error) {
	format := strings.ToLower(strings.TrimSpace(o.format))
	if format == "" {
		format = "text"
		if o.json {
			format = "json"
		}
	} else if o.json && format != "json" {
		return "", fmt.Errorf("--json and --format %s disagree; use one of them", format)
	}
	known := false
	for _, f := range formats {
		known = known || f == format
	}
	if !known {
		return "", fmt.Errorf("invalid --format %q (want %s)", o.format, strings.Join(formats, ", "))
	}
	if _, err := parseFailOn(o.failOn); err != nil {
		return "", err
	}
	return format, nil
}

// parseFailOn returns the lowest severity that fails the run, or "" for none.
func parseFailOn(s string) (check.Severity, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "none" {
		return "", nil
	}
	sev, err := check.ParseSeverity(s)
	if err != nil {
		return "", fmt.Errorf("invalid --fail-on %q (want critical, warn, info or none)", s)
	}
	return sev, nil
}

// writeReport renders the (already redacted) report in the chosen format.
func writeReport(inv *Invocation, ro *rootOptions, format string, res *audit.Result, redact *engine.Redactor, checks []*check.Check) error {
	r := res.Report
	switch format {
	case "json":
		return report.WriteJSON(inv.Stdout, r)
	case "sarif":
		return report.WriteSARIF(inv.Stdout, r, report.SARIFOptions{Checks: checks, Version: Version, DocsURI: DocsURI})
	case "markdown":
		return report.WriteMarkdown(inv.Stdout, r)
	case "html":
		return report.WriteHTML(inv.Stdout, r, report.HTMLOptions{Excerpt: func(loc *check.Location) *report.Excerpt {
			return res.Excerpt(loc, excerptContext, redact.String)
		}})
	default:
		color, trueColor := colorFor(inv, ro)
		return report.WriteText(inv.Stdout, r, report.TextOptions{Color: color, TrueColor: trueColor})
	}
}

// verdict maps a finished audit to its exit status under --fail-on. Without
// --fail-on every completed audit exits 0, as the reference does. With it, an
// incomplete audit (a check that could not run, a walk cut short by a limit)
// fails with ExitFailure — a gate must not pass on a partial answer — and
// findings at or above the threshold exit ExitFindings.
func verdict(failOn check.Severity, res *audit.Result) error {
	if failOn == "" {
		return nil
	}
	if len(res.Errors) > 0 || (res.State != nil && res.State.Truncated()) {
		return &exitError{code: ExitFailure, err: errors.New("the audit is incomplete (see the messages above); --fail-on cannot pass it")}
	}
	n := 0
	for _, f := range res.Report.Findings {
		if f.Severity.Rank() <= failOn.Rank() {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return &exitError{code: ExitFindings, err: fmt.Errorf("%d finding(s) at or above %s (--fail-on %s)", n, failOn, failOn)}
}
