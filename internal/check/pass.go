package check

import (
	"fmt"
	"time"

	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/config/schema"
	"github.com/clawcheck/clawcheck/internal/docker"
	"github.com/clawcheck/clawcheck/internal/probe"
	"github.com/clawcheck/clawcheck/internal/state"
)

// Options are the audit flags that checks may depend on.
type Options struct {
	Deep     bool
	Token    string // --token, trimmed; probe auth only
	Password string // --password, trimmed; probe auth only
	// AuthMode is --auth (none, token, password or trusted-proxy): the
	// gateway auth mode the audit sees, with --token / --password as its
	// credentials. The audit applies it to the in-memory config.
	AuthMode string
	// NoDocker (--no-docker) skips the docker inspection of sandbox-browser containers.
	NoDocker bool
	// Docker runs that inspection once per audit, on first use; nil inspects nothing.
	Docker *docker.Probe
	// Gateway is the --deep live probe's outcome, run once by the audit
	// before the checks; nil without --deep.
	Gateway *probe.Result
	// Deadline, when set, is when a check doing long work (a scan) should
	// stop and report what it left out: the engine's watchdog abandons a
	// check soon after it.
	Deadline time.Time
}

// Pass is what one check sees during one audit. Everything in it is read-only.
type Pass struct {
	Compat Compat
	Config *config.Config
	// Schema is the config's schema issues by release: keys unknown to both,
	// invalid values (already removed from Config.Root), keys of one release.
	Schema  *schema.Result
	State   *state.Snapshot
	Env     config.Env
	Options Options
	// Suppressions is set for AfterSuppression checks only.
	Suppressions SuppressionStats
	// Memo is shared by every check of one audit (nil outside the engine).
	Memo *Memo

	check    *Check
	findings []Finding
}

// NewPass is used by the engine and by tests.
func NewPass(c *Check, compat Compat, cfg *config.Config, snap *state.Snapshot, env config.Env, opts Options) *Pass {
	return &Pass{Compat: compat, Config: cfg, State: snap, Env: env, Options: opts, check: c}
}

// Root is the resolved configuration (an empty object when there is none).
func (p *Pass) Root() *config.Value { return p.Config.Root }

// Report records a finding. Empty fields take the check's defaults: the ID
// (which must then not be a template), the severity, the title and the
// remediation. A finding whose ID is not an instance of the check's ID is a
// programmer error and fails the audit.
func (p *Pass) Report(f Finding) {
	if f.CheckID == "" {
		f.CheckID = p.check.ID
	}
	if f.Severity == "" {
		f.Severity = p.check.Severity
	}
	if f.Title == "" {
		f.Title = p.check.Title
	}
	if f.Remediation == "" {
		f.Remediation = p.check.Remediation
	}
	p.findings = append(p.findings, f)
}

// Findings returns what the check reported, after validating each ID.
func (p *Pass) Findings() ([]Finding, error) {
	for _, f := range p.findings {
		if !p.check.Matches(f.CheckID) || !idPattern.MatchString(f.CheckID) {
			return nil, fmt.Errorf("check %s reported foreign id %q", p.check.ID, f.CheckID)
		}
		if !f.Severity.Valid() {
			return nil, fmt.Errorf("check %s reported bad severity %q", p.check.ID, f.Severity)
		}
	}
	return p.findings, nil
}

// At builds a Location for a config value, or nil when it has no origin.
func At(v *config.Value, path string) *Location {
	if v == nil || v.Origin.IsZero() {
		return nil
	}
	return &Location{File: v.Origin.File, Line: v.Origin.Line, Col: v.Origin.Col, Path: path}
}
