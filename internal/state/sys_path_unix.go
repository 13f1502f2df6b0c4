//go:build unix && !(linux || darwin || freebsd || netbsd || openbsd)

package state

import (
	"io/fs"
	"syscall"
)

// noFollowFlags keeps the path-based opens from following a final symlink
// or blocking on a FIFO.
const noFollowFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

func addOwner(ri *rawInfo, fi fs.FileInfo) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	ri.uid = uint32(st.Uid)
	ri.gid = uint32(st.Gid)
	ri.nlink = uint64(st.Nlink)
	ri.hasOwner = true
	ri.id.dev = uint64(st.Dev)
	ri.id.ino = uint64(st.Ino)
}
