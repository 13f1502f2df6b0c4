//go:build windows

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
)

const maxBackups = 5

// writeConfig replaces fe.Path with fe.New after checking that it is a
// regular file (not a symlink or junction) holding exactly fe.Old, through
// a synced temporary file in the same directory and a 0600-style backup.
// The new file gets a protected DACL for the user and SYSTEM when the
// permission step runs.
func writeConfig(fe *FileEdit, opt Options) (string, error) {
	if err := verify(fe); err != nil {
		return "", err
	}
	if err := checkUnchangedPath(fe); err != nil {
		return "", err
	}
	if opt.BeforeWrite != nil {
		if err := opt.BeforeWrite(fe.Path); err != nil {
			return "", err
		}
	}
	dir := filepath.Dir(fe.Path)
	tmp, err := writeTempPath(dir, filepath.Base(fe.Path), fe.New)
	if err != nil {
		return "", err
	}
	committed := false
	defer func() {
		if !committed {
			os.Remove(tmp)
		}
	}()
	bak := fe.Path + ".bak"
	for i := maxBackups - 2; i >= 0; i-- {
		from := bak
		if i > 0 {
			from = fmt.Sprintf("%s.%d", bak, i)
		}
		if err := os.Rename(from, fmt.Sprintf("%s.%d", bak, i+1)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("keep a backup: %w", err)
		}
	}
	btmp, err := writeTempPath(dir, filepath.Base(bak), fe.Old)
	if err != nil {
		return "", fmt.Errorf("keep a backup: %w", err)
	}
	if err := os.Rename(btmp, bak); err != nil {
		os.Remove(btmp)
		return "", fmt.Errorf("keep a backup: %w", err)
	}
	if err := checkUnchangedPath(fe); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, fe.Path); err != nil {
		return "", fmt.Errorf("replace the file: %w", err)
	}
	committed = true
	return bak, nil
}

func checkUnchangedPath(fe *FileEdit) error {
	fi, err := os.Lstat(fe.Path)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 || fi.Mode()&os.ModeIrregular != 0 {
		target, _ := os.Readlink(fe.Path)
		return fmt.Errorf("it is a symlink to %s; clawcheck neither writes through nor replaces a symlinked config — make the change in %s yourself, or replace the link with the file and run --fix again", target, target)
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	f, err := os.Open(fe.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(len(fe.Old))+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(data, fe.Old) {
		return ErrChanged
	}
	return nil
}

func writeTempPath(dir, base string, data []byte) (string, error) {
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	name := filepath.Join(dir, "."+base+".clawcheck-"+hex.EncodeToString(rnd[:])+".tmp")
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("create a temporary file: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return "", err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(name)
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}
