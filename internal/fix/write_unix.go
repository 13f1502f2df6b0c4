//go:build unix

package fix

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// maxBackups is how many backups are kept: .bak, then .bak.1 … .bak.4.
const maxBackups = 5

// writeConfig replaces fe.Path with fe.New: the file is opened without
// following a symlink, checked to hold exactly fe.Old, the new text is
// verified, written to a temporary file in the same directory and synced,
// the old text is kept as a 0600 backup, and the temporary file is renamed
// over the original before the directory is synced. It returns the backup's
// path.
func writeConfig(fe *FileEdit, opt Options) (string, error) {
	if err := verify(fe); err != nil {
		return "", err
	}
	dir, base := filepath.Split(fe.Path)
	dfd, err := unix.Open(filepath.Clean(dir), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return "", fmt.Errorf("open its directory: %w", err)
	}
	defer unix.Close(dfd)
	st, err := checkUnchanged(dfd, base, fe)
	if err != nil {
		return "", err
	}
	if opt.BeforeWrite != nil {
		if err := opt.BeforeWrite(fe.Path); err != nil {
			return "", err
		}
	}
	tmp, err := writeTemp(dfd, base, fe.New, st)
	if err != nil {
		return "", err
	}
	committed := false
	defer func() {
		if !committed {
			_ = unix.Unlinkat(dfd, tmp, 0)
		}
	}()
	// The file must still be the one read, before the backup rotation
	// touches anything.
	if st1, err := checkUnchanged(dfd, base, fe); err != nil {
		return "", err
	} else if st1.Dev != st.Dev || st1.Ino != st.Ino {
		return "", ErrChanged
	}
	backup, err := keepBackup(dfd, base, fe.Old)
	if err != nil {
		return "", fmt.Errorf("keep a backup: %w", err)
	}
	// Last look before the rename: the same file, still holding the text
	// the plan was made from.
	st2, err := checkUnchanged(dfd, base, fe)
	if err != nil {
		return "", err
	}
	if st2.Dev != st.Dev || st2.Ino != st.Ino {
		return "", ErrChanged
	}
	if err := unix.Renameat(dfd, tmp, dfd, base); err != nil {
		return "", fmt.Errorf("replace the file: %w", err)
	}
	committed = true
	if err := unix.Fsync(dfd); err != nil {
		return "", fmt.Errorf("sync the directory: %w", err)
	}
	return filepath.Join(dir, backup), nil
}

// checkUnchanged opens name in dfd without following a symlink and checks
// that it is a regular file of the invoking user with one link, holding
// exactly fe.Old.
func checkUnchanged(dfd int, name string, fe *FileEdit) (*unix.Stat_t, error) {
	fd, err := unix.Openat(dfd, name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if errors.Is(err, unix.ELOOP) {
		return nil, symlinkRefusal(fe.Path)
	}
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), fe.Path)
	defer f.Close()
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, err
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, errors.New("not a regular file")
	}
	if int(st.Uid) != os.Geteuid() {
		return nil, fmt.Errorf("owned by uid %d, not by the user running clawcheck (uid %d); run --fix as the owner", st.Uid, os.Geteuid())
	}
	if st.Nlink > 1 {
		return nil, fmt.Errorf("the file has %d hard links; replacing it would split them — fix it by hand", st.Nlink)
	}
	limit := int64(len(fe.Old)) + 1
	data, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(data, fe.Old) {
		return nil, ErrChanged
	}
	return &st, nil
}

func symlinkRefusal(path string) error {
	target, _ := os.Readlink(path)
	return fmt.Errorf("it is a symlink to %s; clawcheck neither writes through nor replaces a symlinked config — make the change in %s yourself, or replace the link with the file and run --fix again", target, target)
}

// writeTemp writes data to a new file in dfd with the original's mode and
// owner, synced, and returns its name.
func writeTemp(dfd int, base string, data []byte, st *unix.Stat_t) (string, error) {
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	name := "." + base + ".clawcheck-" + hex.EncodeToString(rnd[:]) + ".tmp"
	mode := uint32(st.Mode & 0o777)
	fd, err := unix.Openat(dfd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return "", fmt.Errorf("create a temporary file: %w", err)
	}
	f := os.NewFile(uintptr(fd), name)
	fail := func(err error) (string, error) {
		f.Close()
		_ = unix.Unlinkat(dfd, name, 0)
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		return fail(fmt.Errorf("write a temporary file: %w", err))
	}
	if os.Geteuid() == 0 {
		if err := unix.Fchown(fd, int(st.Uid), int(st.Gid)); err != nil {
			return fail(err)
		}
	}
	if err := unix.Fchmod(fd, mode); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("sync a temporary file: %w", err))
	}
	if err := f.Close(); err != nil {
		_ = unix.Unlinkat(dfd, name, 0)
		return "", err
	}
	return name, nil
}

// keepBackup rotates base.bak → base.bak.1 → … → base.bak.4 (the oldest is
// replaced) and writes old as a new 0600 base.bak. It returns the backup's
// name.
func keepBackup(dfd int, base string, old []byte) (string, error) {
	bak := base + ".bak"
	for i := maxBackups - 2; i >= 0; i-- {
		from := bak
		if i > 0 {
			from = fmt.Sprintf("%s.%d", bak, i)
		}
		to := fmt.Sprintf("%s.%d", bak, i+1)
		if err := unix.Renameat(dfd, from, dfd, to); err != nil && !errors.Is(err, unix.ENOENT) {
			return "", fmt.Errorf("rotate %s: %w", from, err)
		}
	}
	st := &unix.Stat_t{Mode: 0o600, Uid: uint32(os.Geteuid()), Gid: uint32(os.Getegid())}
	tmp, err := writeTemp(dfd, bak, old, st)
	if err != nil {
		return "", err
	}
	if err := unix.Renameat(dfd, tmp, dfd, bak); err != nil {
		_ = unix.Unlinkat(dfd, tmp, 0)
		return "", err
	}
	return bak, nil
}
