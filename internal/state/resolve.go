package state

import (
	"errors"
	"os"
	"path/filepath"
)

// maxLinkHops matches the Linux limit, so a chain the kernel refuses to
// follow is dangling here too.
const maxLinkHops = 40

var (
	errLinkLoop = errors.New("too many levels of symbolic links")
	errNotDir   = errors.New("not a directory")
	errNoTarget = errors.New("no such file or directory")
)

// resolvePath returns the real path of an absolute path and what lstat says
// about it. It reads metadata and link text only, never opens anything.
func resolvePath(path string) (string, rawInfo, error) {
	return resolve("", path, 0)
}

// resolveLink resolves the text of a symlink that lives in dir, a real path.
// The link itself counts as the first hop.
func resolveLink(dir, text string) (string, rawInfo, error) {
	if text == "" {
		// An empty target names nothing; Linux refuses to follow one.
		return "", rawInfo{}, errNoTarget
	}
	return resolve(dir, text, 1)
}

// resolve walks rest one component at a time from cur, replacing each
// symlink met by its text, so that cur is always a path without symlinks and
// ".." means the physical parent, as the kernel has it.
func resolve(cur, rest string, hops int) (string, rawInfo, error) {
	cur, pending := splice(cur, rest, nil)
	var last rawInfo
	haveLast := false
	for len(pending) > 0 {
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
		ri, err := lstatPath(next)
		if err != nil {
			return "", rawInfo{}, err
		}
		if ri.kind == Symlink {
			hops++
			if hops > maxLinkHops {
				return "", rawInfo{}, errLinkLoop
			}
			text, err := readlinkPath(next)
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
		ri, err := lstatPath(cur)
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
