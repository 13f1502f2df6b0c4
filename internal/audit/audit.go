// Package audit is the read-only pipeline shared by the command line and the
// test harnesses: locate the installation, load its config, snapshot its
// state, choose the compatibility profile and run the checks.
package audit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/config/schema"
	"github.com/clawcheck/clawcheck/internal/docker"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/probe"
	"github.com/clawcheck/clawcheck/internal/report"
	"github.com/clawcheck/clawcheck/internal/state"
)

// Request is one audit's inputs.
type Request struct {
	Env     config.Env
	Cwd     string
	OSHome  string
	Locate  config.LocateOptions // StateDir, ConfigPath, Profile, Dev
	Compat  string               // "", "auto", "2026.4" or "2026.9"
	Options check.Options
	Checks  []*check.Check
	Now     time.Time
	// Deadline, when set, bounds the --deep probe and the checks; what the
	// audit could not finish in time is reported in Result.Errors.
	Deadline time.Time
	// Progress is passed to the engine (see engine.Input.Progress).
	Progress func(done, total int, checkID string)
}

// Result is the engine's result plus what the pipeline learned on the way.
type Result struct {
	engine.Result
	Config *config.Config
	State  *state.Snapshot
	Compat check.Compat
	// Schema sorts the config's schema issues by release.
	Schema schema.Result
	// Scrubbed are the values audited as absent because no release accepts them.
	Scrubbed []schema.Classified
}

// Stage says which step failed, so callers can map it to an exit code.
type Stage string

const (
	StageLocate Stage = "locate"
	StageConfig Stage = "config"
	StageState  Stage = "state"
	// StageProbe: the --deep probe's target failed the plaintext guard.
	StageProbe Stage = "probe"
)

// Error is a pipeline failure: the audit could not run.
type Error struct {
	Stage Stage
	Err   error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.Stage, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Run performs the audit. It reads, and never writes or executes anything.
func Run(req Request) (*Result, error) {
	lo := req.Locate
	lo.Cwd, lo.OSHome = req.Cwd, req.OSHome
	paths, err := config.Locate(req.Env, lo)
	if err != nil {
		return nil, &Error{StageLocate, err}
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: req.Env, Cwd: req.Cwd})
	if err != nil {
		return nil, &Error{StageConfig, err}
	}
	compat := ChooseCompat(req.Compat, cfg.Root)
	issues := schema.Classify(cfg.Root)
	scrubbed := scrubInvalid(cfg.Root, issues)
	applyAuthOverride(cfg, req.Options)
	snapOpts := SnapshotOptions(cfg)
	if req.Options.Deep {
		// The code-safety scan reads every skill root the loader reads.
		snapOpts.Roots = append(snapOpts.Roots, openclaw.DeepSkillRoots(cfg, cfg.Env)...)
		// The gateway loads plugins through a symlinked extensions folder,
		// so the scan must see its target too; a plain folder is already
		// part of the state dir's walk.
		if ext := filepath.Join(cfg.Paths.StateDir, "extensions"); isSymlink(ext) {
			snapOpts.Roots = append(snapOpts.Roots, ext)
		}
	}
	snap, err := state.Take(snapOpts)
	if err != nil {
		return nil, &Error{StageState, err}
	}
	opts := req.Options
	if !opts.NoDocker && opts.Docker == nil {
		// The invocation's environment, not the config's env section: the
		// installation must not choose which docker binary runs.
		opts.Docker = docker.NewProbe(&docker.Exec{Env: req.Env})
	}
	if opts.Deep && opts.Gateway == nil {
		g, err := runProbe(compat, cfg, snap, opts, req.Env, req.Deadline)
		if err != nil {
			return nil, &Error{StageProbe, err}
		}
		opts.Gateway = g
	}
	res := engine.Run(engine.Input{
		Compat: compat, Config: cfg, Schema: &issues, State: snap, Env: cfg.Env,
		Options: opts, Now: req.Now, Deadline: req.Deadline, Progress: req.Progress,
	}, req.Checks)
	if opts.Deep && opts.Gateway != nil {
		res.Report.Deep = deepSection(opts.Gateway, engine.NewRedactor(append([]string{opts.Token, opts.Password}, cfg.SecretValues...)))
	}
	return &Result{Result: res, Config: cfg, State: snap, Compat: compat, Schema: issues, Scrubbed: scrubbed}, nil
}

// runProbe holds the --deep gateway conversation once, before the checks:
// they only read its outcome. The probe talks to the gateway the config
// names, with the config's environment, as the reference's CLI does, except
// that OPENCLAW_GATEWAY_URL counts only when the invocation sets it: an
// installation's .env file or env section must not send the probe, and the
// --token / --password given to it, to another host.
func runProbe(compat check.Compat, cfg *config.Config, snap *state.Snapshot, opts check.Options, invocation config.Env, deadline time.Time) (*probe.Result, error) {
	rel := probe.Release2026_4
	if compat.Is96() {
		rel = probe.Release2026_9
	}
	env := make(config.Env, len(cfg.Env))
	for k, v := range cfg.Env {
		env[k] = v
	}
	if v, ok := invocation.Lookup("OPENCLAW_GATEWAY_URL"); ok {
		env["OPENCLAW_GATEWAY_URL"] = v
	} else {
		delete(env, "OPENCLAW_GATEWAY_URL")
	}
	plan, err := probe.Prepare(probe.Request{
		Release: rel, Config: cfg, Env: env, Profile: cfg.Paths.Profile,
		Explicit:   probe.Explicit{Token: opts.Token, Password: opts.Password},
		ConfigPath: cfg.Paths.ConfigPath,
		Device:     storedDevice(cfg, snap),
	})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if !deadline.IsZero() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline)
		defer cancel()
	}
	r := plan.Run(ctx)
	return &r, nil
}

// storedDevice reads the installation's device identity through the state
// snapshot; an absent, unreadable or foreign identity is no identity.
func storedDevice(cfg *config.Config, snap *state.Snapshot) *probe.Device {
	read := func(name string) []byte {
		p := filepath.Join(cfg.Paths.StateDir, "identity", name)
		if e, ok := snap.Lstat(p); !ok || e.Kind != state.File || e.Size > probe.MaxIdentityBytes {
			return nil
		}
		b, err := snap.ReadFile(p)
		if err != nil {
			return nil
		}
		return b
	}
	d, err := probe.ParseDevice(read("device.json"), read("device-auth.json"))
	if err != nil {
		return nil
	}
	return d
}

// deepSection is the report's deep.gateway, redacted like every finding.
func deepSection(g *probe.Result, redact *engine.Redactor) *report.Deep {
	d := &report.Deep{Gateway: report.DeepGateway{
		Attempted: g.Attempted, URL: redact.String(g.URL), OK: g.OK, Error: redact.String(g.Error),
	}}
	if g.Close != nil {
		d.Gateway.Close = &report.DeepClose{Code: g.Close.Code, Reason: redact.String(g.Close.Reason)}
	}
	return d
}

// applyAuthOverride is --auth, 2026.9.6's runtime override of the gateway
// auth: the audit sees gateway.auth.mode as given and, when passed,
// --token / --password as the gateway's token and password. Only the
// in-memory config changes, never the file; the override has no position in
// it, so findings it causes carry no location.
func applyAuthOverride(cfg *config.Config, opts check.Options) {
	if opts.AuthMode == "" {
		return
	}
	gw := cfg.Root.Get("gateway")
	if gw == nil {
		gw = config.NewObject()
		cfg.Root.Set("gateway", gw, config.Origin{})
	}
	if !gw.IsObject() {
		return
	}
	auth := gw.Get("auth")
	if auth == nil {
		auth = config.NewObject()
		gw.Set("auth", auth, config.Origin{})
	}
	if !auth.IsObject() {
		return
	}
	auth.Set("mode", config.NewString(opts.AuthMode), config.Origin{})
	for _, c := range []struct{ path, value string }{
		{"gateway.auth.token", opts.Token}, {"gateway.auth.password", opts.Password},
	} {
		if c.value != "" {
			cfg.Secrets[c.path] = &config.SecretInput{Path: c.path, Value: config.NewString(c.value), Resolved: true, Secret: c.value}
		}
	}
}

// scrubInvalid removes values that every release which knows their key
// rejects (wrong type, bad enum, out of bounds): decision D5 audits them as
// absent rather than refusing the config.
func scrubInvalid(root *config.Value, issues schema.Result) []schema.Classified {
	var out []schema.Classified
	for _, c := range issues.Invalid {
		if c.Issue().BadValue() && root.RemoveByOrigin(c.Origin()) {
			out = append(out, c)
		}
	}
	return out
}

// SnapshotOptions names what the state snapshot covers: the state dir, and
// the files the config points at outside it.
func SnapshotOptions(cfg *config.Config) state.Options {
	extra := append([]string{}, cfg.IncludeFiles...)
	sort.Strings(extra)
	paths := append([]string{cfg.Paths.ConfigPath, cfg.Paths.CredentialsDir}, extra...)
	roots := []string{cfg.Paths.StateDir}
	// The log file and the agents' workspaces may live outside the state dir.
	// The profile is not chosen yet, so both releases' workspaces are taken;
	// only each workspace's skills/ folder is walked.
	if p, ok := openclaw.LogFilePath(cfg.Root, cfg.Env); ok {
		paths = append(paths, p)
	}
	seen := map[string]bool{}
	for _, compat := range []check.Compat{check.Compat2026_4, check.Compat2026_9} {
		for _, ws := range openclaw.SkillWorkspaceDirs(compat, cfg, cfg.Env) {
			if !seen[ws] {
				seen[ws] = true
				paths = append(paths, ws)
				roots = append(roots, filepath.Join(ws, "skills"))
			}
		}
	}
	// Install records may point at packages installed elsewhere; their
	// package.json tells the installed version.
	for _, installs := range []*config.Value{cfg.Root.Get("plugins", "installs"), cfg.Root.Get("hooks", "internal", "installs")} {
		for _, m := range installs.Pairs() {
			if dir, ok := m.Value.Get("installPath").String(); ok && filepath.IsAbs(dir) {
				paths = append(paths, filepath.Join(filepath.Clean(dir), "package.json"))
			}
		}
	}
	// OpenClaw reads exec approvals from ~/.openclaw whatever the state dir.
	if cfg.Paths.Home != "" {
		paths = append(paths, filepath.Join(cfg.Paths.Home, ".openclaw", "exec-approvals.json"))
	}
	return state.Options{Roots: roots, Paths: paths}
}

// ValidCompat reports whether s names a profile choice.
func ValidCompat(s string) bool {
	switch s {
	case "", "auto", string(check.Compat2026_4), string(check.Compat2026_9):
		return true
	}
	return false
}

// ChooseCompat applies the profile choice: an explicit 2026.4/2026.9, else
// the release that last wrote the config (meta.lastTouchedVersion), else the
// keys: any key only 2026.9.6 accepts means 2026.9.
func ChooseCompat(choice string, root *config.Value) check.Compat {
	switch choice {
	case string(check.Compat2026_4):
		return check.Compat2026_4
	case string(check.Compat2026_9):
		return check.Compat2026_9
	}
	if v, ok := root.Get("meta", "lastTouchedVersion").String(); ok {
		if c, ok := CompatForVersion(v); ok {
			return c
		}
	}
	if schema.UsesOnly96Keys(root) {
		return check.Compat2026_9
	}
	return check.Compat2026_4
}

// isSymlink reports whether path itself is a symlink.
func isSymlink(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}
