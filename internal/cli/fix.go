package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/audit"
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/fix"
	"github.com/clawcheck/clawcheck/internal/report"
)

// fixRun is a --fix that was applied; the audit that follows it renders
// its result with the report.
type fixRun struct {
	result *fix.Result
	home   string
}

// runFix plans the fixes from a read of the installation and applies them,
// or with --dry-run prints the plan and returns nil. The audit that runs
// afterwards sees the fixed installation (decision D6).
func runFix(inv *Invocation, ro *rootOptions, o *auditOptions, compat string) (*fixRun, error) {
	if o.dryRun && !o.fix {
		return nil, usageErr(errors.New("--dry-run only makes sense with --fix"))
	}
	pre, err := audit.Run(audit.Request{
		Env: inv.Env, Cwd: inv.Cwd, OSHome: osHome(),
		Locate: config.LocateOptions{StateDir: o.stateDir, ConfigPath: o.configPath, Profile: ro.profile, Dev: ro.dev},
		Compat: compat, Options: check.Options{NoDocker: true}, Checks: []*check.Check{}, Now: inv.Now(),
	})
	if err != nil {
		var ae *audit.Error
		if errors.As(err, &ae) && ae.Stage == audit.StageLocate && !errors.Is(err, config.ErrNoHome) {
			return nil, usageErr(ae.Err)
		}
		return nil, failureErr(err)
	}
	plan := fix.Build(pre.Compat, pre.Config, pre.State)
	home := pre.Config.Paths.Home
	if o.dryRun {
		var buf bytes.Buffer
		if err := plan.WriteDryRun(&buf, home); err != nil {
			return nil, failureErr(err)
		}
		redact := engine.NewRedactor(pre.Config.SecretValues)
		if _, err := inv.Stdout.Write([]byte(report.SafeText(redact.String(buf.String())))); err != nil {
			return nil, failureErr(err)
		}
		return nil, nil
	}
	res := fix.Apply(plan, fix.Options{Env: inv.Env.Get})
	return &fixRun{result: res, home: home}, nil
}

// write renders the post-fix audit with the fix result: the reference's
// envelope for JSON, a FIX block in the text report, and for the other
// formats the block on stderr.
func (fr *fixRun) write(inv *Invocation, ro *rootOptions, format string, res *audit.Result, redact *engine.Redactor, checks []*check.Check) error {
	r := redactResult(fr.result, redact)
	switch format {
	case "json":
		out, err := fix.Envelope(r, res.Report, res.Report.SecretDiagnostics)
		if err != nil {
			return err
		}
		_, err = inv.Stdout.Write(out)
		return err
	case "text":
		var buf bytes.Buffer
		into := *inv
		into.Stdout = &buf
		if err := writeReport(&into, ro, format, res, redact, checks); err != nil {
			return err
		}
		color, trueColor := colorFor(inv, ro)
		lines := report.FixBlockLines(r.TextLines(fr.home), report.TextOptions{Color: color, TrueColor: trueColor})
		_, err := inv.Stdout.Write([]byte(insertFixBlock(buf.String(), lines)))
		return err
	default:
		for _, l := range r.TextLines(fr.home) {
			fmt.Fprintln(inv.Stderr, report.SafeText(l))
		}
		return writeReport(inv, ro, format, res, redact, checks)
	}
}

// redactResult passes every string of the fix result through the one
// redaction point before it is rendered.
func redactResult(in *fix.Result, redact *engine.Redactor) *fix.Result {
	r := *in
	s := redact.String
	r.StateDir, r.ConfigPath = s(r.StateDir), s(r.ConfigPath)
	r.Changes = mapStrings(r.Changes, s)
	r.Errors = mapStrings(r.Errors, s)
	r.Written = mapStrings(r.Written, s)
	r.Backups = mapStrings(r.Backups, s)
	r.Actions = append([]fix.Action(nil), r.Actions...)
	for i := range r.Actions {
		a := &r.Actions[i]
		a.Path, a.Command, a.Error = s(a.Path), s(a.Command), s(a.Error)
	}
	return &r
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// insertFixBlock puts the fix lines after the text report's header lines,
// before the first severity section, where the reference prints them.
func insertFixBlock(text string, lines []string) string {
	block := strings.Join(lines, "\n") + "\n"
	if i := strings.Index(text, "\n\n"); i >= 0 {
		return text[:i+1] + block + text[i+1:]
	}
	return text + block
}
