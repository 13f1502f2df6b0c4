package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/clawcheck/clawcheck/internal/audit"
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/checks/all"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/engine"
	"github.com/clawcheck/clawcheck/internal/report"
	"github.com/clawcheck/clawcheck/internal/state"
)

type auditOptions struct {
	out        outputOptions
	stateDir   string
	configPath string
	compat     string
	noDocker   bool
	deep       bool
	token      string
	password   string
	auth       string
	fix        bool
	dryRun     bool
	timeout    time.Duration
}

func newAuditCmd(inv *Invocation, ro *rootOptions) *cobra.Command {
	var o auditOptions
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Audit an OpenClaw installation",
		Long: "Audit the OpenClaw installation found through OPENCLAW_STATE_DIR /\n" +
			"OPENCLAW_CONFIG_PATH / HOME (or --state-dir / --config) and print the findings.\n" +
			"The audit only reads: it executes nothing from the installation and writes nothing.\n\n" +
			"Exit codes: 0 the audit completed (whatever it found, unless --fail-on), 1 it could not\n" +
			"run (or was incomplete under --fail-on), 2 usage error, 3 findings reached --fail-on.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runAudit(inv, ro, &o) },
	}
	f := cmd.Flags()
	o.out.register(f)
	f.StringVar(&o.stateDir, "state-dir", "", "audit this state dir (overrides OPENCLAW_STATE_DIR)")
	f.StringVar(&o.configPath, "config", "", "audit this config file (overrides OPENCLAW_CONFIG_PATH)")
	f.StringVar(&o.compat, "compat", "", "behave as release 2026.4 or 2026.9, or auto (default; also CLAWCHECK_COMPAT)")
	f.BoolVar(&o.noDocker, "no-docker", false, "do not run docker to inspect sandbox-browser containers")
	f.BoolVar(&o.deep, "deep", false, "also probe the configured gateway over its WebSocket (read-only) and scan plugin and skill code")
	f.StringVar(&o.token, "token", "", "gateway token for the --deep probe only (never written, never used for findings)")
	f.StringVar(&o.password, "password", "", "gateway password for the --deep probe only (never written, never used for findings)")
	f.StringVar(&o.auth, "auth", "", "audit as if the gateway ran with this auth mode: none, token (with --token), password (with --password) or trusted-proxy")
	f.BoolVar(&o.fix, "fix", false, "apply the safe fixes (group policies, log redaction, file modes), then audit again")
	f.BoolVar(&o.dryRun, "dry-run", false, "with --fix: show the config diff and the mode changes, change nothing")
	f.DurationVar(&o.timeout, "timeout", defaultAuditTimeout, "give up on whatever is unfinished after this long and say what it was (0: no limit)")
	return cmd
}

// defaultAuditTimeout bounds an audit nobody set --timeout for: far above a
// real run (seconds), far below a hang nobody notices.
const defaultAuditTimeout = 5 * time.Minute

func runAudit(inv *Invocation, ro *rootOptions, o *auditOptions) error {
	compat := o.compat
	if compat == "" {
		compat = inv.Env.Get("CLAWCHECK_COMPAT")
	}
	compat = strings.ToLower(strings.TrimSpace(compat))
	if !audit.ValidCompat(compat) {
		return usageErr(fmt.Errorf("invalid compatibility profile %q (want 2026.4, 2026.9 or auto)", compat))
	}
	format, err := o.out.resolve()
	if err != nil {
		return usageErr(err)
	}
	failOn, _ := parseFailOn(o.out.failOn)
	authMode, err := parseAuthMode(o.auth, o.token, o.password)
	if err != nil {
		return usageErr(err)
	}
	checks := inv.Checks
	if checks == nil {
		checks = all.Checks()
	}
	var fixed *fixRun
	if o.fix || o.dryRun {
		if fixed, err = runFix(inv, ro, o, compat); err != nil || fixed == nil {
			return err
		}
	}
	if o.timeout < 0 {
		return usageErr(fmt.Errorf("invalid --timeout %s (want a positive duration, or 0 for no limit)", o.timeout))
	}
	var deadline time.Time
	if o.timeout > 0 {
		// The wall clock, not inv.Now: tests pin the report's clock.
		deadline = time.Now().Add(o.timeout)
	}
	prog := newProgress(inv)
	res, err := audit.Run(audit.Request{
		Env: inv.Env, Cwd: inv.Cwd, OSHome: osHome(),
		Locate: config.LocateOptions{StateDir: o.stateDir, ConfigPath: o.configPath, Profile: ro.profile, Dev: ro.dev},
		Compat: compat, Options: check.Options{
			NoDocker: o.noDocker, Deep: o.deep,
			Token: strings.TrimSpace(o.token), Password: strings.TrimSpace(o.password), AuthMode: authMode,
		}, Checks: checks, Now: inv.Now(), Deadline: deadline, Progress: prog.callback(),
	})
	prog.clear()
	if err != nil {
		var ae *audit.Error
		if errors.As(err, &ae) && ae.Stage == audit.StageLocate && !errors.Is(err, config.ErrNoHome) {
			return usageErr(ae.Err)
		}
		return failureErr(err)
	}
	redact := engine.NewRedactor(res.Config.SecretValues)
	printWarnings(inv, res.Config.Warnings, redact)
	for _, e := range res.Errors {
		fmt.Fprintf(inv.Stderr, "clawcheck: %s\n", report.SafeText(redact.String(e.Error())))
	}
	printTruncations(inv, res.State)
	if err := o.out.filter(inv, res); err != nil {
		return err
	}
	if fixed != nil {
		err = fixed.write(inv, ro, format, res, redact, checks)
	} else {
		err = writeReport(inv, ro, format, res, redact, checks)
	}
	if err != nil {
		return failureErr(err)
	}
	return verdict(failOn, res)
}

// parseAuthMode checks --auth: trimmed and lower-cased, one of the gateway's
// auth modes; token and password modes need their credential flag.
func parseAuthMode(mode, token, password string) (string, error) {
	mode = strings.ToLower(strings.TrimSpace(mode))
	switch mode {
	case "", "none", "trusted-proxy":
	case "token":
		if strings.TrimSpace(token) == "" {
			return "", errors.New("--auth token needs --token")
		}
	case "password":
		if strings.TrimSpace(password) == "" {
			return "", errors.New("--auth password needs --password")
		}
	default:
		return "", fmt.Errorf("invalid --auth %q (want none, token, password or trusted-proxy)", mode)
	}
	return mode, nil
}

func osHome() string {
	h, _ := os.UserHomeDir()
	if h == "" {
		return ""
	}
	return filepath.Clean(h)
}

// printTruncations says where the state dir walk stopped at a limit: the
// findings cannot speak for what was never looked at.
func printTruncations(inv *Invocation, snap *state.Snapshot) {
	if snap == nil {
		return
	}
	cut := snap.Truncations()
	for i, t := range cut {
		if i == maxWarnings {
			fmt.Fprintf(inv.Stderr, "clawcheck: … and %d more places the walk stopped\n", len(cut)-maxWarnings)
			break
		}
		fmt.Fprintf(inv.Stderr, "clawcheck: the state dir was not read in full: %s stopped at the %s limit\n",
			report.SafeText(check.InlineText(t.Path)), t.Limit)
	}
}
