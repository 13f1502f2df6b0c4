package cli

// Exit codes, in one place. A completed audit exits 0 whatever it found, as
// the reference does, unless --fail-on asks for a verdict.
const (
	ExitOK       = 0 // the command completed (and no finding reached --fail-on)
	ExitFailure  = 1 // the audit could not run, or was incomplete under --fail-on
	ExitUsage    = 2 // unknown flag, bad flag value, bad arguments
	ExitFindings = 3 // findings at or above the --fail-on severity
)

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(err error) error   { return &exitError{code: ExitUsage, err: err} }
func failureErr(err error) error { return &exitError{code: ExitFailure, err: err} }
