package fix

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/json5"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/state"
)

// Mode bits the permission targets end at.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// Target is one permission change: a path and the mode it should end at.
type Target struct {
	Path string
	Mode fs.FileMode
	Dir  bool // the target must be a directory; otherwise a regular file
	// Kind is what the snapshot saw at Path when the plan was made
	// (state.None when it was absent); the applier refuses a target whose
	// type changed since.
	Kind state.Kind
}

// Change is one planned config edit.
type Change struct {
	// Text is the reference's change string, e.g.
	// "channels.telegram.groupPolicy=open -> allowlist".
	Text string
	// File is the config file (main or include) whose bytes change.
	File string
	// Edits are the byte edits to File's text.
	Edits []json5.Edit
	// At is the path inside File's document of the member that changes,
	// and Want its new decoded value; the applier checks that the re-parsed
	// file differs from the original in exactly these members.
	At   []string
	Want any
}

// FileEdit is the new text of one config file.
type FileEdit struct {
	Path    string
	Include bool
	Old     []byte // the text the plan was made from
	New     []byte
	Changes []*Change
}

// Plan is everything --fix would do.
type Plan struct {
	Compat     check.Compat
	StateDir   string
	ConfigPath string
	// Changes in the reference's order, whether or not they can be written.
	Changes []*Change
	// Files are the config files to rewrite, main config first.
	Files []*FileEdit
	// Targets are the permission targets, in the reference's order.
	Targets []Target
	// Errors are planning problems (a value from the environment, a
	// symlinked config); each makes the result not ok.
	Errors []string
}

// ChangeTexts returns the change strings in order.
func (p *Plan) ChangeTexts() []string {
	out := make([]string, 0, len(p.Changes))
	for _, c := range p.Changes {
		out = append(out, c.Text)
	}
	return out
}

// Build plans the fixes for an installation. It reads nothing beyond cfg
// and snap, which hold the file texts and the state directory as the
// audit saw them.
func Build(compat check.Compat, cfg *config.Config, snap *state.Snapshot) *Plan {
	p := &Plan{Compat: compat, StateDir: cfg.Paths.StateDir, ConfigPath: cfg.Paths.ConfigPath}
	if cfg.Exists {
		e := &editor{cfg: cfg, plan: p, snap: snap}
		e.redaction()
		e.groupPolicies()
		e.whatsappSeeds()
		e.finish()
	}
	p.Targets = targets(compat, cfg, snap)
	return p
}

// maxListed bounds how many names of one directory outside the snapshot
// are read.
const maxListed = 100000

// children lists dir's entries as readdir reports them (a symlink is a
// symlink), from the snapshot when it walked dir, else from the directory
// itself: a credentials dir set with OPENCLAW_OAUTH_DIR lies outside the
// walked state dir. The applier checks every entry again by descriptor.
func children(snap *state.Snapshot, dir string) []state.Entry {
	if snap != nil && snap.Listed(dir) {
		return snap.Children(dir)
	}
	if snap != nil {
		if e, ok := snap.Lstat(dir); ok && e.Kind != state.Dir {
			return nil
		}
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	ents, _ := f.ReadDir(maxListed)
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	out := make([]state.Entry, 0, len(ents))
	for _, de := range ents {
		kind := state.Other
		switch t := de.Type(); {
		case t.IsRegular():
			kind = state.File
		case t.IsDir():
			kind = state.Dir
		case t&fs.ModeSymlink != 0:
			kind = state.Symlink
		}
		out = append(out, state.Entry{Path: filepath.Join(dir, de.Name()), Kind: kind})
	}
	return out
}

// targets lists the permission targets in the reference's order
// (fix.md §3).
func targets(compat check.Compat, cfg *config.Config, snap *state.Snapshot) []Target {
	var out []Target
	add := func(path string, dir bool) {
		mode := FileMode
		if dir {
			mode = DirMode
		}
		kind := state.None
		if snap != nil {
			if e, ok := snap.Lstat(path); ok {
				kind = e.Kind
			}
		}
		out = append(out, Target{Path: path, Mode: mode, Dir: dir, Kind: kind})
	}
	state0 := cfg.Paths.StateDir
	add(state0, true)
	add(cfg.Paths.ConfigPath, false)
	if cfg.Exists {
		for _, inc := range cfg.IncludeFiles {
			add(inc, false)
		}
	}
	creds := cfg.Paths.CredentialsDir
	add(creds, true)
	for _, e := range children(snap, creds) {
		if e.Kind == state.File && strings.HasSuffix(filepath.Base(e.Path), ".json") {
			add(e.Path, false)
		}
	}
	for _, id := range openclaw.PermissionAgentIDs(compat, cfg.Root) {
		agentDir := filepath.Join(state0, "agents", id)
		add(agentDir, true)
		add(filepath.Join(agentDir, "agent"), true)
		if compat.Is96() {
			db := filepath.Join(agentDir, "agent", "openclaw-agent.sqlite")
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				add(db+suffix, false)
			}
		}
		add(filepath.Join(agentDir, "agent", "auth-profiles.json"), false)
		sessions := filepath.Join(agentDir, "sessions")
		add(sessions, true)
		add(filepath.Join(sessions, "sessions.json"), false)
		for _, e := range children(snap, sessions) {
			if e.Kind == state.File && strings.HasSuffix(filepath.Base(e.Path), ".jsonl") {
				add(e.Path, false)
			}
		}
	}
	return out
}
