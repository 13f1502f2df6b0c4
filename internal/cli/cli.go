// Package cli is clawcheck's command line: flag parsing, the subcommands and
// the mapping from outcomes to exit codes. It wires the other packages
// together and holds no audit logic of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/report"
)

// Invocation is one run of the program: its arguments and its world.
type Invocation struct {
	Args   []string
	Env    config.Env
	Cwd    string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	// Checks replaces the full registry; tests use it to run one family.
	Checks []*check.Check
}

// Main runs clawcheck with the process's environment and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cwd, _ := os.Getwd()
	return Run(ctx, Invocation{
		Args: args, Env: config.EnvFromList(os.Environ()), Cwd: cwd,
		Stdin: stdin, Stdout: stdout, Stderr: stderr, Now: time.Now,
	})
}

// rootOptions are the options accepted anywhere on the command line.
type rootOptions struct {
	profile string
	dev     bool
	noColor bool
}

// Run executes one invocation.
func Run(ctx context.Context, inv Invocation) int {
	root := newRoot(&inv)
	root.SetArgs(inv.Args)
	root.SetIn(inv.Stdin)
	root.SetOut(inv.Stdout)
	root.SetErr(inv.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		// Error text can quote the installation (paths, keys); keep it inert.
		fmt.Fprintf(inv.Stderr, "clawcheck: %s\n", report.SafeText(check.InlineText(ee.err.Error())))
		if ee.code == ExitUsage {
			fmt.Fprintln(inv.Stderr, "Run 'clawcheck --help' for usage.")
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag or command, missing value)
	// is a usage error.
	fmt.Fprintf(inv.Stderr, "clawcheck: %s\nRun 'clawcheck --help' for usage.\n", report.SafeText(check.InlineText(err.Error())))
	return ExitUsage
}

func newRoot(inv *Invocation) *cobra.Command {
	var ro rootOptions
	root := &cobra.Command{
		Use:   "clawcheck",
		Short: "Audit and harden OpenClaw installations",
		Long: "clawcheck audits an OpenClaw installation (its state dir and configuration) for\n" +
			"security problems, compatible with `openclaw security audit`.",
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErr(fmt.Errorf("unknown command %q", args[0]))
			}
			return cmd.Help()
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	pf := root.PersistentFlags()
	pf.StringVar(&ro.profile, "profile", "", "use the named profile's state dir (~/.openclaw-NAME)")
	pf.BoolVar(&ro.dev, "dev", false, "use the dev profile (~/.openclaw-dev)")
	pf.BoolVar(&ro.noColor, "no-color", false, "never colour the output")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr(err) })

	security := &cobra.Command{
		Use:   "security",
		Short: "Security tools (audit)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_ = cmd.Help()
			return usageErr(errors.New("security needs a subcommand: audit"))
		},
	}
	security.AddCommand(newAuditCmd(inv, &ro))
	root.AddCommand(security)
	alias := newAuditCmd(inv, &ro)
	alias.Short = "Same as 'security audit'"
	root.AddCommand(alias)
	root.AddCommand(newChecksCmd(inv), newExplainCmd(inv))
	return root
}

// trimmed is a small helper for flag values that upstream trims.
func trimmed(s string) string { return strings.TrimSpace(s) }
