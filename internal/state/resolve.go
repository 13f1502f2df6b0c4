package state

import (
	"errors"
	"os"
	"path/filepath"
)

// maxLinkHops matches the Linux limit, so a chain the kernel refuses to
// follow is dangling here too.
const maxLinkHops = 40

// maxSteps bounds the components one resolution may visit. Link texts are
// at most a few thousand bytes and there are at most maxLinkHops of them, so
// an honest path never comes near; a crafted one would otherwise cost
// thousands of system calls per link.
const maxSteps = 4096

var (
	errLinkLoop     = errors.New("too many levels of symbolic links")
	errNotDir       = errors.New("not a directory")
	errNoTarget     = errors.New("no such file or directory")
	errTooManySteps = errors.New("too many path components to resolve")
	errBudget       = errors.New("symlink resolution budget exhausted")
)

// resolver finds real paths by lstat and readlink alone; it never opens
// anything. It lives for one Take: it remembers what it has seen, so links
// into the same directories cost one system call per component in all, and
// it stops when its budget is spent, so that a tree of crafted links cannot
// make Take run for hours. Every component visited costs one unit and every
// system call made costs callCost more.
type resolver struct {
	lstats map[string]lstatResult
	links  map[string]linkResult
	budget int
}

type lstatResult struct {
	ri  rawInfo
	err error
}

type linkResult struct {
	text string
	err  error
}

func newResolver(budget int) *resolver {
	return &resolver{
		lstats: make(map[string]lstatResult),
		links:  make(map[string]linkResult),
		budget: budget,
	}
}

// callCost weighs a system call against a component visited from memory.
const callCost = 4

// defaultBudget leaves room for every entry of a full walk to be a link
// that costs a few uncached calls, as in a pnpm node_modules tree.
func defaultBudget(maxEntries int) int { return 10*maxEntries + 10_000 }

func (r *resolver) spend(units int) error {
	if r.budget < units {
		r.budget = 0
		return errBudget
	}
	r.budget -= units
	return nil
}

func (r *resolver) lstat(path string) (rawInfo, error) {
	if c, ok := r.lstats[path]; ok {
		return c.ri, c.err
	}
	if err := r.spend(callCost); err != nil {
		return rawInfo{}, err
	}
	ri, err := lstatPath(path)
	r.lstats[path] = lstatResult{ri, err}
	return ri, err
}

func (r *resolver) readlink(path string) (string, error) {
	if c, ok := r.links[path]; ok {
		return c.text, c.err
	}
	if err := r.spend(callCost); err != nil {
		return "", err
	}
	text, err := readlinkPath(path)
	r.links[path] = linkResult{text, err}
	return text, err
}

// resolvePath returns the real path of an absolute path and what lstat says
// about it.
func (r *resolver) resolvePath(path string) (string, rawInfo, error) {
	return r.resolve("", path, 0)
}

// resolveLink resolves the text of a symlink that lives in dir, a real path.
// The link itself counts as the first hop.
func (r *resolver) resolveLink(dir, text string) (string, rawInfo, error) {
	if text == "" {
		// An empty target names nothing; Linux refuses to follow one.
		return "", rawInfo{}, errNoTarget
	}
	return r.resolve(dir, text, 1)
}

// resolve walks rest one component at a time from cur, replacing each
// symlink met by its text, so that cur is always a path without symlinks and
// ".." means the physical parent, as the kernel has it.
func (r *resolver) resolve(cur, rest string, hops int) (string, rawInfo, error) {
	cur, pending := splice(cur, rest, nil)
	var last rawInfo
	haveLast := false
	for steps := 0; len(pending) > 0; steps++ {
		if steps >= maxSteps {
			return "", rawInfo{}, errTooManySteps
		}
		if err := r.spend(1); err != nil {
			return "", rawInfo{}, err
		}
		name := pending[0]
		pending = pending[1:]
		switch name {
		case ".":
			continue
		case "..":
			cur = filepath.Dir(cur)
			haveLast = false
			continue
		}
		next := filepath.Join(cur, name)
		ri, err := r.lstat(next)
		if err != nil {
			return "", rawInfo{}, err
		}
		if ri.kind == Symlink {
			hops++
			if hops > maxLinkHops {
				return "", rawInfo{}, errLinkLoop
			}
			text, err := r.readlink(next)
			if err != nil {
				return "", rawInfo{}, err
			}
			if text == "" {
				return "", rawInfo{}, errNoTarget
			}
			cur, pending = splice(cur, text, pending)
			haveLast = false
			continue
		}
		if ri.kind != Dir && len(pending) > 0 {
			return "", rawInfo{}, errNotDir
		}
		cur, last, haveLast = next, ri, true
	}
	if !haveLast {
		ri, err := r.lstat(cur)
		if err != nil {
			return "", rawInfo{}, err
		}
		last = ri
	}
	return cur, last, nil
}

// splice puts the components of text in front of pending and returns the
// directory they are relative to: cur, or a volume root when text is
// absolute or rooted.
func splice(cur, text string, pending []string) (string, []string) {
	sep := string(filepath.Separator)
	if vol := filepath.VolumeName(text); vol != "" {
		// Windows: an absolute or drive-relative path; both restart at the
		// volume's root, which is the conservative reading of the latter.
		cur, text = vol+sep, text[len(vol):]
	} else if len(text) > 0 && os.IsPathSeparator(text[0]) {
		cur = filepath.VolumeName(cur) + sep
	}
	parts := splitPath(text)
	if len(parts) > 0 && os.IsPathSeparator(text[len(text)-1]) {
		// "target/" demands a directory, as the kernel does.
		parts = append(parts, ".")
	}
	return cur, append(parts, pending...)
}

// splitPath splits on separators and drops empty components.
func splitPath(p string) []string {
	var parts []string
	start := 0
	for i := 0; i <= len(p); i++ {
		if i == len(p) || os.IsPathSeparator(p[i]) {
			if i > start {
				parts = append(parts, p[start:i])
			}
			start = i + 1
		}
	}
	return parts
}
