// Package config finds an OpenClaw installation and reads its configuration
// the way OpenClaw does: the state dir and config path from the environment,
// JSON5 text, $include directives, ${VAR} substitution and SecretRefs. Every
// resolved value remembers the file and span it came from.
//
// The package only reads. It never executes anything from the installation
// (exec SecretRef providers, shell env, password managers), never contacts a
// gateway and never creates, moves or migrates files.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Env is an environment: variable name to value. Lookups are exact (POSIX).
type Env map[string]string

// Get returns the variable's value, or "" when unset.
func (e Env) Get(name string) string { return e[name] }

// Lookup returns the variable's value and whether it is set.
func (e Env) Lookup(name string) (string, bool) {
	v, ok := e[name]
	return v, ok
}

// EnvFromList turns KEY=VALUE strings (os.Environ) into an Env; later entries win.
func EnvFromList(list []string) Env {
	env := make(Env, len(list))
	for _, kv := range list {
		if i := strings.IndexByte(kv, '='); i > 0 {
			env[kv[:i]] = kv[i+1:]
		}
	}
	return env
}

// Paths are the locations of one installation.
type Paths struct {
	Home               string // the home the defaults hang off
	StateDir           string // absolute
	ConfigPath         string // absolute
	CredentialsDir     string // absolute
	StateDirExplicit   bool   // OPENCLAW_STATE_DIR, --state-dir or a profile chose it
	ConfigPathExplicit bool   // OPENCLAW_CONFIG_PATH or --config chose it
	Profile            string // --profile / --dev name, "" for none
	DefaultStateDir    bool   // the state dir is <home>/.openclaw (gateway.env is read only then)
}

// LocateOptions are the command-line inputs that change the location.
type LocateOptions struct {
	StateDir   string // --state-dir (overrides OPENCLAW_STATE_DIR)
	ConfigPath string // --config (overrides OPENCLAW_CONFIG_PATH)
	Profile    string // --profile NAME
	Dev        bool   // --dev
	Cwd        string // current directory (for relative paths); os.Getwd when empty
	OSHome     string // the account's home from the OS, for the last-resort fallback
}

var profileName = regexp.MustCompile(`(?i)^[a-z0-9][a-z0-9_-]{0,63}$`)

// ErrNoHome means no home directory could be determined.
var ErrNoHome = errors.New("cannot determine a home directory (set HOME or OPENCLAW_HOME)")

// Locate resolves the home, state dir, config path and credentials dir from
// the environment and options, as OpenClaw does. It only stats paths.
func Locate(env Env, opt LocateOptions) (Paths, error) {
	cwd := opt.Cwd
	if cwd == "" {
		var err error
		if cwd, err = os.Getwd(); err != nil {
			cwd = ""
		}
	}
	osHome := opt.OSHome
	home := resolveHome(env, osHome, cwd)
	if home == "" {
		return Paths{}, ErrNoHome
	}
	// expand resolves ~ against the OS-level home, as OpenClaw's own helper does.
	userHome := firstNonEmpty(env.Get("HOME"), env.Get("USERPROFILE"), osHome, home)
	expand := func(p string) string { return absFrom(cwd, expandTilde(strings.TrimSpace(p), userHome)) }

	var p Paths
	p.Home = home

	if opt.Dev && opt.Profile != "" {
		return Paths{}, errors.New("--dev and --profile cannot be used together")
	}
	profile := opt.Profile
	if opt.Dev {
		profile = "dev"
	}
	if profile != "" && !profileName.MatchString(profile) {
		return Paths{}, fmt.Errorf("invalid profile name %q (letters, digits, _ and -, at most 64, starting with a letter or digit)", profile)
	}
	if strings.EqualFold(profile, "default") {
		profile = ""
	}
	p.Profile = profile

	stateEnv := strings.TrimSpace(env.Get("OPENCLAW_STATE_DIR"))
	configEnv := strings.TrimSpace(env.Get("OPENCLAW_CONFIG_PATH"))
	if profile != "" {
		// A profile fills in the variables only when the user has not set them.
		dir := filepath.Join(home, ".openclaw-"+profile)
		if stateEnv == "" {
			stateEnv = dir
		}
		if configEnv == "" {
			configEnv = filepath.Join(stateEnv, "openclaw.json")
		}
	}
	if opt.StateDir != "" {
		stateEnv = opt.StateDir
	}
	if opt.ConfigPath != "" {
		configEnv = opt.ConfigPath
	}

	switch {
	case stateEnv != "":
		p.StateDir = expand(stateEnv)
		p.StateDirExplicit = true
	default:
		p.StateDir = filepath.Join(home, ".openclaw")
		if !exists(p.StateDir) {
			if legacy := filepath.Join(home, ".clawdbot"); exists(legacy) {
				p.StateDir = legacy
			}
		}
		p.DefaultStateDir = p.StateDir == filepath.Join(home, ".openclaw")
	}

	switch {
	case configEnv != "":
		p.ConfigPath = expand(configEnv)
		p.ConfigPathExplicit = true
	default:
		p.ConfigPath = firstExisting(
			filepath.Join(p.StateDir, "openclaw.json"),
			filepath.Join(p.StateDir, "clawdbot.json"))
		if p.ConfigPath == "" && p.StateDirExplicit {
			p.ConfigPath = filepath.Join(p.StateDir, "openclaw.json")
		}
		if p.ConfigPath == "" {
			p.ConfigPath = firstExisting(
				filepath.Join(home, ".openclaw", "openclaw.json"),
				filepath.Join(home, ".openclaw", "clawdbot.json"),
				filepath.Join(home, ".clawdbot", "openclaw.json"),
				filepath.Join(home, ".clawdbot", "clawdbot.json"))
		}
		if p.ConfigPath == "" {
			p.ConfigPath = filepath.Join(p.StateDir, "openclaw.json")
		}
	}

	if oauth := strings.TrimSpace(env.Get("OPENCLAW_OAUTH_DIR")); oauth != "" {
		p.CredentialsDir = expand(oauth)
	} else {
		p.CredentialsDir = filepath.Join(p.StateDir, "credentials")
	}
	return p, nil
}

// resolveHome follows OpenClaw's order: OPENCLAW_HOME (not the literal
// strings "undefined"/"null"), HOME, USERPROFILE, the Termux home, the OS
// account's home, then the current directory.
func resolveHome(env Env, osHome, cwd string) string {
	fallback := firstNonEmpty(env.Get("HOME"), env.Get("USERPROFILE"), termuxHome(env), osHome)
	if oc := strings.TrimSpace(env.Get("OPENCLAW_HOME")); oc != "" && oc != "undefined" && oc != "null" {
		return absFrom(cwd, expandTilde(oc, firstNonEmpty(fallback, cwd)))
	}
	if fallback != "" {
		return absFrom(cwd, fallback)
	}
	return cwd
}

func termuxHome(env Env) string {
	if strings.Contains(env.Get("PREFIX"), "com.termux") {
		return "/data/data/com.termux/files/home"
	}
	return ""
}

// ExpandTilde replaces a leading ~ or ~/ with home; ~user forms stay as they are.
func ExpandTilde(p, home string) string { return expandTilde(p, home) }

func expandTilde(p, home string) string {
	if p == "~" {
		return home
	}
	if strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		return filepath.Join(home, p[2:])
	}
	return p
}

func absFrom(cwd, p string) string {
	if p == "" {
		return ""
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(cwd, p)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func firstExisting(paths ...string) string {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	return ""
}
