// Package audit is the read-only pipeline shared by the command line and the
// test harnesses: locate the installation, load its config, snapshot its
// state, choose the compatibility profile and run the checks.
package audit

import (
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/config/schema"
	"github.com/clawcheck/clawcheck/internal/docker"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/openclaw"
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
	snap, err := state.Take(SnapshotOptions(cfg))
	if err != nil {
		return nil, &Error{StageState, err}
	}
	opts := req.Options
	if !opts.NoDocker && opts.Docker == nil {
		// The invocation's environment, not the config's env section: the
		// installation must not choose which docker binary runs.
		opts.Docker = docker.NewProbe(&docker.Exec{Env: req.Env})
	}
	res := engine.Run(engine.Input{
		Compat: compat, Config: cfg, Schema: &issues, State: snap, Env: cfg.Env,
		Options: opts, Now: req.Now,
	}, req.Checks)
	return &Result{Result: res, Config: cfg, State: snap, Compat: compat, Schema: issues, Scrubbed: scrubbed}, nil
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
