package openclaw

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// SandboxAgent is one roster entry as the sandbox rules see it: 2026.4.14's
// agents.list[i] or 2026.9.6's agents.entries.<id>.
type SandboxAgent struct {
	ID    string        // the id as written
	Label string        // the dotted config path of the entry: agents.list.<id> or agents.entries.<id>
	Path  string        // the dotted config path with the array index: agents.list.2 or agents.entries.<id>
	Value *config.Value // the entry object
}

// SandboxRoster lists the roster entries. agents.entries (the 2026.9.6
// form) wins over agents.list when both are present, as 2026.9.6 reads them;
// list elements count only when they are objects with a string id.
func SandboxRoster(root *config.Value) []SandboxAgent {
	var out []SandboxAgent
	agents := root.Get("agents")
	if entries := agents.Get("entries"); entries.Present() {
		for _, m := range entries.Pairs() {
			if m.Value.IsObject() {
				out = append(out, SandboxAgent{
					ID: m.Key, Label: "agents.entries." + m.Key, Path: "agents.entries." + m.Key, Value: m.Value,
				})
			}
		}
		return out
	}
	for i, e := range agents.Get("list").Items() {
		id, ok := e.Get("id").String()
		if !e.IsObject() || !ok {
			continue
		}
		out = append(out, SandboxAgent{
			ID: id, Label: "agents.list." + id, Path: "agents.list." + strconv.Itoa(i), Value: e,
		})
	}
	return out
}

// SandboxDefaultMode is agents.defaults.sandbox.mode, or "off".
func SandboxDefaultMode(root *config.Value) string {
	if m, ok := root.Get("agents", "defaults", "sandbox", "mode").String(); ok {
		return m
	}
	return "off"
}

// SandboxMode is the sandbox mode an agent runs with: its own sandbox.mode,
// else the default's, else "off". A nil agent is the defaults context.
func SandboxMode(root, agent *config.Value) string {
	if m, ok := agent.Get("sandbox", "mode").String(); ok {
		return m
	}
	return SandboxDefaultMode(root)
}

var agentIDInvalid = regexp.MustCompile(`[^a-z0-9_-]+`)

// NormalizeAgentID trims and lower-cases an id, replaces characters outside
// [a-z0-9_-] with "-", strips leading and trailing "-", cuts it to 64
// characters and falls back to "main".
func NormalizeAgentID(id string) string {
	s := agentIDInvalid.ReplaceAllString(strings.ToLower(strings.TrimSpace(id)), "-")
	s = strings.Trim(s, "-")
	if len(s) > 64 {
		s = s[:64]
	}
	if s == "" {
		return "main"
	}
	return s
}

// DockerConfigured reports whether a docker block sets anything: an object
// with at least one member whose value is not null. The loader has no
// undefined, so null stands for it.
func DockerConfigured(docker *config.Value) bool {
	for _, m := range docker.Pairs() {
		if m.Value.Present() {
			return true
		}
	}
	return false
}

// DangerousNetworkMode reports whether a docker network setting shares the
// host's network stack ("host") or joins another container's namespace
// ("container:<id>"), compared trimmed and lower-cased.
func DangerousNetworkMode(network string) bool {
	n := strings.ToLower(strings.TrimSpace(network))
	return n == "host" || strings.HasPrefix(n, "container:")
}

// BindVerdict says why a bind mount is dangerous.
type BindVerdict struct {
	Kind    string // "covers", "targets" or "non_absolute"; "" when the bind is fine
	Source  string // the bind's host source path as parsed (normalised when absolute)
	Blocked string // the blocked path it matches ("/" for a bind of the root)
}

// BlockedSystemPaths are the host paths no sandbox bind may reach, in the
// order both releases report them.
var BlockedSystemPaths = []string{
	"/etc", "/private/etc", "/proc", "/sys", "/dev", "/root", "/boot", "/run", "/var/run",
	"/private/var/run", "/var/run/docker.sock", "/private/var/run/docker.sock", "/run/docker.sock",
}

// BlockedHomeSubpaths are the credential folders under a home root.
var BlockedHomeSubpaths = []string{".aws", ".cargo", ".config", ".docker", ".gnupg", ".netrc", ".npm", ".ssh"}

var drivePrefix = regexp.MustCompile(`^[A-Za-z]:[\\/]`)

// BindSource returns the host side of a docker bind spec
// ("source:target[:mode]"): the text before the first ":", skipping a
// Windows drive prefix; the whole string when there is no ":". The spec is
// trimmed first.
func BindSource(bind string) string {
	spec := strings.TrimSpace(bind)
	start := 0
	if drivePrefix.MatchString(spec) {
		start = 2
	}
	if i := strings.IndexByte(spec[start:], ':'); i >= 0 {
		return strings.TrimSpace(spec[:start+i])
	}
	return spec
}

// NormalizeHostPath normalises an absolute host path the way the product
// compares bind sources: a leading \\?\ or //?/ is dropped, "\" becomes
// "/", "." and ".." are resolved, repeated and trailing "/" removed.
func NormalizeHostPath(raw string) string {
	s := strings.TrimSpace(raw)
	switch {
	case strings.HasPrefix(s, `\\?\`):
		s = s[4:]
	case strings.HasPrefix(s, "//?/"):
		s = s[4:]
	}
	if s == "" {
		return "/"
	}
	s = path.Clean(strings.ReplaceAll(s, `\`, "/"))
	if drivePrefix.MatchString(s) || (len(s) == 2 && s[1] == ':') {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	if s == "." {
		return "/"
	}
	return s
}

// BlockedBindPaths lists the blocked host paths for the given home roots:
// the system paths, then each root's credential folders. Roots equal to "/"
// or blank are ignored; duplicates are dropped.
func BlockedBindPaths(homes []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range BlockedSystemPaths {
		add(p)
	}
	for _, h := range homes {
		if strings.TrimSpace(h) == "" {
			continue
		}
		root := NormalizeHostPath(h)
		if root == "/" {
			continue
		}
		for _, sub := range BlockedHomeSubpaths {
			add(NormalizeHostPath(path.Join(root, sub)))
		}
	}
	return out
}

// BindHomeRoots are the home directories whose credential folders a bind
// must not reach. 2026.4.14 uses the resolved home and the account's home
// (which Node takes from HOME); 2026.9.6 adds OPENCLAW_HOME and USERPROFILE.
func BindHomeRoots(compat check.Compat, resolvedHome string, env config.Env) []string {
	roots := []string{resolvedHome, env.Get("HOME")}
	if compat.Is96() {
		roots = append(roots, env.Get("OPENCLAW_HOME"), env.Get("USERPROFILE"))
	}
	return roots
}

// ClassifyBind judges one bind spec against the blocked paths.
//
// Both releases report a source equal to "/" (covers /) and a source equal
// to or under a blocked path (targets). 2026.9.6 also reports a source that
// contains a blocked path (covers), such as the home directory or /var, and
// treats a drive path as absolute; 2026.4.14 does neither.
func ClassifyBind(compat check.Compat, bind string, blocked []string) BindVerdict {
	src := BindSource(bind)
	absolute := strings.HasPrefix(src, "/") || (compat.Is96() && drivePrefix.MatchString(src))
	if !absolute {
		return BindVerdict{Kind: "non_absolute", Source: src}
	}
	norm := NormalizeHostPath(src)
	if norm == "/" {
		return BindVerdict{Kind: "covers", Source: norm, Blocked: "/"}
	}
	for _, b := range blocked {
		if norm == b || strings.HasPrefix(norm, b+"/") {
			return BindVerdict{Kind: "targets", Source: norm, Blocked: b}
		}
	}
	if compat.Is96() {
		for _, b := range blocked {
			if strings.HasPrefix(b, norm+"/") {
				return BindVerdict{Kind: "covers", Source: norm, Blocked: b}
			}
		}
	}
	return BindVerdict{Source: norm}
}
