// Package engine runs checks over one loaded installation and assembles the
// report: select, run, order, suppress, redact. It does no I/O of its own;
// the caller loads the config and the state snapshot and passes the clock.
// The only time it reads is the watchdog's: with a deadline, no check may
// keep the audit from finishing.
package engine

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/config/schema"
	"github.com/clawcheck/clawcheck/internal/report"
	"github.com/clawcheck/clawcheck/internal/state"
	"github.com/clawcheck/clawcheck/internal/suppress"
)

// Input is everything one audit looks at.
type Input struct {
	Compat  check.Compat
	Config  *config.Config
	Schema  *schema.Result
	State   *state.Snapshot
	Env     config.Env
	Options check.Options
	Now     time.Time
	// Deadline, when set, bounds the whole run: each check may use at most
	// half of the time left, so a hung check leaves the others time to run,
	// and a check that overruns is reported in Errors, not waited for.
	Deadline time.Time
	// Progress, when set, is told before each check starts: how many of
	// total have finished and which one runs now. It must be cheap.
	Progress func(done, total int, checkID string)

	memo *check.Memo // set by Run: one per audit
}

// Result is the report plus the problems that kept checks from running.
type Result struct {
	Report *report.Report
	// Errors name checks that could not be evaluated; they are not findings.
	Errors []error
}

type placed struct {
	f         check.Finding
	collector int
	group     int
	checkRank int
	seq       int
}

// Run runs every selected check and returns the ordered, redacted report.
func Run(in Input, checks []*check.Check) Result {
	in.memo = check.NewMemo()
	var res Result
	var all []placed
	seq := 0
	for i, c := range checks {
		if c.Needs&check.NeedsDeep != 0 && !in.Options.Deep || c.AfterSuppression {
			continue
		}
		if in.Progress != nil {
			in.Progress(i, len(checks), c.ID)
		}
		findings, err := runWatched(c, in, check.SuppressionStats{})
		if err != nil {
			res.Errors = append(res.Errors, err)
			continue
		}
		rank := check.IDRank(c.Collector, c.ID)
		if rank < 0 {
			rank = 1000 + i
		}
		for _, f := range findings {
			all = append(all, placed{f: f, collector: check.CollectorRank(in.Compat, c.Collector), group: f.Group, checkRank: rank, seq: seq})
			seq++
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		x, y := all[a], all[b]
		if x.collector != y.collector {
			return x.collector < y.collector
		}
		if x.group != y.group {
			return x.group < y.group
		}
		if x.checkRank != y.checkRank {
			return x.checkRank < y.checkRank
		}
		return x.seq < y.seq
	})
	ordered := make([]check.Finding, 0, len(all))
	for _, p := range all {
		ordered = append(ordered, p.f)
	}
	rules := suppress.Rules(in.Config.Root)
	kept, moved := suppress.Apply(ordered, rules)
	stats := check.SuppressionStats{Configured: len(rules), Moved: len(moved)}
	for _, c := range checks {
		if !c.AfterSuppression {
			continue
		}
		findings, err := runWatched(c, in, stats)
		if err != nil {
			res.Errors = append(res.Errors, err)
			continue
		}
		kept = append(kept, findings...)
	}
	r := &report.Report{
		TS:                in.Now.UnixMilli(),
		Compat:            in.Compat,
		StateDir:          in.Config.Paths.StateDir,
		ConfigPath:        in.Config.Paths.ConfigPath,
		Findings:          kept,
		Suppressed:        moved,
		SecretDiagnostics: append([]string{}, in.Config.Diagnostics...),
	}
	r.Count()
	NewRedactor(secretsOf(in)).Report(r)
	res.Report = r
	return res
}

// ErrDeadline is wrapped by the errors of checks the deadline cut off.
var ErrDeadline = errors.New("the audit deadline")

// runWatched runs a check under the deadline's watchdog. A check cannot be
// stopped from outside, so one that overruns its share is abandoned: its
// goroutine may finish later, but nothing reads its findings. Checks only
// read the immutable input, so an abandoned one cannot disturb the rest.
func runWatched(c *check.Check, in Input, stats check.SuppressionStats) ([]check.Finding, error) {
	if in.Deadline.IsZero() {
		return runOne(c, in, stats)
	}
	left := time.Until(in.Deadline)
	if left <= 0 {
		return nil, fmt.Errorf("check %s was not run: %w had passed", c.ID, ErrDeadline)
	}
	share := left / 2
	// The check itself is told a little less, so that a scan can stop,
	// say what it left out and return before the watchdog gives up on it.
	in.Options.Deadline = time.Now().Add(share * 9 / 10)
	type outcome struct {
		findings []check.Finding
		err      error
	}
	done := make(chan outcome, 1)
	go func() {
		f, err := runOne(c, in, stats)
		done <- outcome{f, err}
	}()
	timer := time.NewTimer(share)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.findings, o.err
	case <-timer.C:
		return nil, fmt.Errorf("check %s did not finish within %s, its share of %w; it was not evaluated",
			c.ID, share.Round(time.Millisecond), ErrDeadline)
	}
}

// runOne runs a check, turning a panic into an error: a check that trips on
// hostile input must not take the audit down.
func runOne(c *check.Check, in Input, stats check.SuppressionStats) (findings []check.Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("check %s crashed: %v\n%s", c.ID, p, debug.Stack())
		}
	}()
	pass := check.NewPass(c, in.Compat, in.Config, in.State, in.Env, in.Options)
	pass.Schema = in.Schema
	pass.Suppressions = stats
	pass.Memo = in.memo
	if err := c.Run(pass); err != nil {
		return nil, fmt.Errorf("check %s could not be evaluated: %w", c.ID, err)
	}
	return pass.Findings()
}

func secretsOf(in Input) []string {
	s := append([]string{}, in.Config.SecretValues...)
	s = append(s, in.Options.Token, in.Options.Password)
	return s
}
