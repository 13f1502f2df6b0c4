package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/clawcheck/clawcheck/internal/audit"
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/report"
	"github.com/clawcheck/clawcheck/internal/suppress"
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
	format   string // one of formats; "" means text unless --json
	json     bool   // --json, the reference's spelling of --format json
	failOn   string // critical, warn, info or none
	ignore   string // --ignore FILE
	baseline string // --baseline FILE
}

func (o *outputOptions) register(f *pflag.FlagSet) {
	f.BoolVar(&o.json, "json", false, "print the report as JSON (same as --format json)")
	f.StringVar(&o.format, "format", "", "output format: text, json, sarif, html or markdown (default text)")
	f.StringVar(&o.failOn, "fail-on", "none", "exit 3 when a finding has this severity or higher: critical, warn, info or none")
	f.StringVar(&o.ignore, "ignore", "", "accept the risks listed in this YAML or JSON file (checkId, reason, optional detail and expires)")
	f.StringVar(&o.baseline, "baseline", "", "report only findings that are not in this earlier JSON report")
}

// filter applies --ignore and --baseline to the finished report. Both files
// are the user's, not the installation's; bad ones are usage errors naming
// the file and line.
func (o *outputOptions) filter(inv *Invocation, res *audit.Result) error {
	if o.ignore != "" {
		path := inv.abs(o.ignore)
		data, err := readUserFile(path, suppress.MaxIgnoreFileBytes)
		if err != nil {
			return usageErr(err)
		}
		f, err := suppress.ParseIgnoreFile(path, data)
		if err != nil {
			return usageErr(err)
		}
		for _, e := range f.Apply(res.Report, inv.Now()) {
			fmt.Fprintf(inv.Stderr, "clawcheck: warning: %s:%d: the entry for %s expired on %s and no longer applies\n",
				report.SafeText(path), e.Line, report.SafeText(e.CheckID), e.Expires.Format("2006-01-02"))
		}
	}
	if o.baseline != "" {
		path := inv.abs(o.baseline)
		data, err := readUserFile(path, suppress.MaxBaselineBytes)
		if err != nil {
			return usageErr(err)
		}
		b, err := suppress.ParseBaseline(path, data)
		if err != nil {
			return usageErr(err)
		}
		if n := b.Apply(res.Report); n > 0 {
			fmt.Fprintf(inv.Stderr, "clawcheck: %d finding(s) already in the baseline %s are not shown\n", n, report.SafeText(path))
		}
	}
	return nil
}

func (inv *Invocation) abs(path string) string {
	if filepath.IsAbs(path) || inv.Cwd == "" {
		return path
	}
	return filepath.Join(inv.Cwd, path)
}

// readUserFile reads a regular file of at most limit bytes.
func readUserFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, limit)
	}
	return data, nil
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

// maxWarnings is how many config warnings are printed one by one; a hostile
// config with 100,000 duplicate keys gets a count, not megabytes of stderr.
const maxWarnings = 50

func printWarnings(inv *Invocation, warnings []string, redact *engine.Redactor) {
	for i, w := range warnings {
		if i == maxWarnings {
			fmt.Fprintf(inv.Stderr, "clawcheck: warning: … and %d more warnings like these\n", len(warnings)-maxWarnings)
			break
		}
		fmt.Fprintf(inv.Stderr, "clawcheck: warning: %s\n", report.SafeText(check.InlineText(redact.String(w))))
	}
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
