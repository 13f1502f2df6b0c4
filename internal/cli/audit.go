package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/report"
	"github.com/clawcheck/clawcheck/internal/state"
)

type auditOptions struct {
	json       bool
	stateDir   string
	configPath string
	compat     string
}

func newAuditCmd(inv *Invocation, ro *rootOptions) *cobra.Command {
	var o auditOptions
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Audit an OpenClaw installation",
		Long: "Audit the OpenClaw installation found through OPENCLAW_STATE_DIR /\n" +
			"OPENCLAW_CONFIG_PATH / HOME (or --state-dir / --config) and print the findings.\n" +
			"The audit only reads: it executes nothing from the installation and writes nothing.\n\n" +
			"Exit codes: 0 the audit completed (whatever it found), 1 it could not run, 2 usage error.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runAudit(inv, ro, &o) },
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print the report as JSON")
	f.StringVar(&o.stateDir, "state-dir", "", "audit this state dir (overrides OPENCLAW_STATE_DIR)")
	f.StringVar(&o.configPath, "config", "", "audit this config file (overrides OPENCLAW_CONFIG_PATH)")
	f.StringVar(&o.compat, "compat", "", "behave as release 2026.4 or 2026.9, or auto (default; also CLAWCHECK_COMPAT)")
	return cmd
}

func runAudit(inv *Invocation, ro *rootOptions, o *auditOptions) error {
	compatChoice := o.compat
	if compatChoice == "" {
		compatChoice = inv.Env.Get("CLAWCHECK_COMPAT")
	}
	compatChoice = strings.ToLower(strings.TrimSpace(compatChoice))
	switch compatChoice {
	case "", "auto", string(check.Compat2026_4), string(check.Compat2026_9):
	default:
		return usageErr(fmt.Errorf("invalid compatibility profile %q (want 2026.4, 2026.9 or auto)", compatChoice))
	}

	paths, err := config.Locate(inv.Env, config.LocateOptions{
		StateDir: o.stateDir, ConfigPath: o.configPath,
		Profile: ro.profile, Dev: ro.dev, Cwd: inv.Cwd, OSHome: osHome(),
	})
	if err != nil {
		if errors.Is(err, config.ErrNoHome) {
			return failureErr(err)
		}
		return usageErr(err)
	}
	cfg, err := config.Load(paths, config.LoadOptions{Env: inv.Env, Cwd: inv.Cwd})
	if err != nil {
		return failureErr(fmt.Errorf("config: %w", err))
	}
	compat := chooseCompat(compatChoice, cfg.Root)

	snap, err := state.Take(snapshotOptions(cfg))
	if err != nil {
		return failureErr(fmt.Errorf("state: %w", err))
	}
	res := engine.Run(engine.Input{
		Compat: compat, Config: cfg, State: snap, Env: cfg.Env,
		Options: check.Options{}, Now: inv.Now(),
	}, all.Checks())
	for _, w := range cfg.Warnings {
		fmt.Fprintf(inv.Stderr, "clawcheck: warning: %s\n", engine.NewRedactor(cfg.SecretValues).String(w))
	}
	for _, e := range res.Errors {
		fmt.Fprintf(inv.Stderr, "clawcheck: %v\n", e)
	}
	if o.json {
		return report.WriteJSON(inv.Stdout, res.Report)
	}
	color, trueColor := colorFor(inv, ro)
	return report.WriteText(inv.Stdout, res.Report, report.TextOptions{Color: color, TrueColor: trueColor})
}

// snapshotOptions names what the state snapshot covers: the state dir, and
// the files the config points at outside it.
func snapshotOptions(cfg *config.Config) state.Options {
	roots := []string{cfg.Paths.StateDir}
	paths := []string{cfg.Paths.ConfigPath, cfg.Paths.CredentialsDir}
	paths = append(paths, cfg.IncludeFiles...)
	sort.Strings(paths[2:])
	return state.Options{Roots: roots, Paths: paths}
}

func osHome() string {
	h, _ := os.UserHomeDir()
	if h == "" {
		return ""
	}
	return filepath.Clean(h)
}
