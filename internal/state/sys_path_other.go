//go:build !unix

package state

import "io/fs"

// Windows has no O_NOFOLLOW: openNoFollow's lstat refuses reparse points
// instead. There is no uid or gid either, so entries carry HasOwner false.
const noFollowFlags = 0

func addOwner(*rawInfo, fs.FileInfo) {}
