package fscheck

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/state"
)

// perms is the POSIX classification upstream applies to a path: the
// permission bits after following a symlink, split into the four flags the
// checks branch on. setuid, setgid, sticky and execute bits and the owner
// play no part.
type perms struct {
	path string
	info state.Info
	bits fs.FileMode
	link bool // the path itself is a symlink
	worldWritable, groupWritable,
	worldReadable, groupReadable bool
}

// inspect looks a path up in the snapshot. ok is false when there is nothing
// to judge: the path is missing; it is a dangling symlink, which upstream
// judges by the link's own 0777 mode (a known upstream bug we do not
// reproduce); or the platform has no POSIX modes.
func inspect(snap *state.Snapshot, path string) (perms, bool) {
	if snap == nil || path == "" {
		return perms{}, false
	}
	info, ok := snap.Stat(path)
	if !ok || info.Dangling || !info.HasOwner {
		return perms{}, false
	}
	bits := info.Mode.Perm()
	return perms{
		path:          path,
		info:          info,
		bits:          bits,
		link:          info.IsSymlink,
		worldWritable: bits&0o002 != 0,
		groupWritable: bits&0o020 != 0,
		worldReadable: bits&0o004 != 0,
		groupReadable: bits&0o040 != 0,
	}, true
}

func (p perms) writable() bool { return p.worldWritable || p.groupWritable }
func (p perms) readable() bool { return p.worldReadable || p.groupReadable }

// isSymlink reports whether the path itself is a recorded symlink, and
// returns the link's text.
func isSymlink(snap *state.Snapshot, path string) (string, bool) {
	if snap == nil || path == "" {
		return "", false
	}
	e, ok := snap.Lstat(path)
	if !ok || e.Kind != state.Symlink {
		return "", false
	}
	return e.Link.Text, true
}

// detail starts with "<path> mode=<octal>", the shape users grep for, then
// says what is wrong in our words.
func (p perms) detail(format string, args ...any) string {
	return fmt.Sprintf("%s mode=%03o: ", p.path, uint32(p.bits)) + fmt.Sprintf(format, args...)
}

// chmod is the remediation command: 700 for directories, 600 for files.
func (p perms) chmod(dir bool) string {
	mode := "600"
	if dir {
		mode = "700"
	}
	return "chmod " + mode + " " + shellPath(p.path)
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_@%+=:,./-]+$`)

// shellPath quotes a path for a POSIX shell when it needs quoting, and keeps
// a leading "-" from being read as an option.
func shellPath(p string) string {
	prefix := ""
	if strings.HasPrefix(p, "-") {
		prefix = "-- "
	}
	if shellSafe.MatchString(p) {
		return prefix + p
	}
	return prefix + "'" + strings.ReplaceAll(p, "'", `'"'"'`) + "'"
}

// reportPerms reports one permission finding with the per-path remediation.
func reportPerms(pass *check.Pass, p perms, dir bool, group int, detail string) {
	pass.Report(check.Finding{
		Detail:      detail,
		Remediation: p.chmod(dir),
		Group:       group,
	})
}
