package fix

import (
	"errors"
	"fmt"
	"runtime"
)

// Skip reasons. The first five are the reference's; the rest are ours.
const (
	SkipMissing     = "missing"
	SkipAlready     = "already"
	SkipSymlink     = "symlink"
	SkipNotFile     = "not-a-file"
	SkipNotDir      = "not-a-directory"
	SkipMissingUser = "missing-user"
	SkipNotOwned    = "not-owned"   // owned by another user
	SkipHardLinked  = "hard-linked" // a file with more than one link
	SkipTypeChanged = "changed"     // not the type the plan saw
)

// Action is one permission target's outcome, in the reference's shape.
type Action struct {
	Kind    string // "chmod" or "icacls"
	Path    string
	Mode    uint32 // chmod: the target mode
	Command string // icacls: the display form of the equivalent command
	OK      bool
	Skipped string
	Error   string
}

// Result is what --fix did.
type Result struct {
	OK            bool
	StateDir      string
	ConfigPath    string
	ConfigWritten bool
	Changes       []string
	Actions       []Action
	Errors        []string
	// Written lists the config files rewritten, main config first, and
	// Backups the backup kept of each.
	Written []string
	Backups []string
}

// Options tune Apply.
type Options struct {
	// Windows applies ACL resets instead of modes; it defaults to the
	// running platform.
	Windows *bool
	// Env is the environment, for the user name in icacls display strings.
	Env func(string) string
	// BeforeWrite, when set, runs before each config file is replaced and
	// can fail it: tests use it to simulate a read-only file system or a
	// change made between plan and apply.
	BeforeWrite func(path string) error
}

// ErrChanged means a config file was modified after the plan was made.
var ErrChanged = errors.New("the file changed since clawcheck read it; nothing was written — run --fix again")

// Apply carries out the plan: the config edits first, then every
// permission target in order. A failed write is recorded and the
// permission changes still run, as the reference does.
func Apply(p *Plan, opt Options) *Result {
	r := &Result{StateDir: p.StateDir, ConfigPath: p.ConfigPath, Changes: p.ChangeTexts()}
	r.Errors = append(r.Errors, p.Errors...)
	for _, fe := range p.Files {
		backup, err := writeConfig(fe, opt)
		if err != nil {
			r.Errors = append(r.Errors, fmt.Sprintf("write %s: %v", fe.Path, err))
			continue
		}
		r.Written = append(r.Written, fe.Path)
		r.Backups = append(r.Backups, backup)
		r.ConfigWritten = true
	}
	windows := runtime.GOOS == "windows"
	if opt.Windows != nil {
		windows = *opt.Windows
	}
	if windows {
		r.Actions = applyACLs(p, opt)
	} else {
		r.Actions = applyModes(p)
	}
	r.OK = len(r.Errors) == 0
	return r
}
