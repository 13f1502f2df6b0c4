//go:build windows

package fix

import (
	"errors"
	"os"
	"os/user"

	"golang.org/x/sys/windows"
)

// applyModes is the POSIX step; on Windows the ACL reset is used instead.
func applyModes(p *Plan) []Action { return applyACLs(p, Options{}) }

// applyACLs gives every target a protected DACL granting full control to
// the invoking user and SYSTEM only, the end state of the reference's
// icacls reset. Each target is opened as a handle that does not follow
// reparse points (symlinks, junctions), checked, and changed through that
// handle.
func applyACLs(p *Plan, opt Options) []Action {
	getenv := opt.Env
	if getenv == nil {
		getenv = os.Getenv
	}
	fallback := ""
	if u, err := user.Current(); err == nil {
		fallback = u.Username
	}
	name := IcaclsUser(getenv, fallback)
	var userSID *windows.SID
	if tu, err := windows.GetCurrentProcessToken().GetTokenUser(); err == nil {
		userSID = tu.User.Sid
	}
	out := make([]Action, 0, len(p.Targets))
	for _, t := range p.Targets {
		a := Action{Kind: "icacls", Path: t.Path, Command: IcaclsCommand(getenv, t.Path, name, t.Dir)}
		if name == "" || userSID == nil {
			a.Skipped = SkipMissingUser
		} else {
			resetACL(t, userSID, &a)
		}
		out = append(out, a)
	}
	return out
}

func resetACL(t Target, userSID *windows.SID, a *Action) {
	p, err := windows.UTF16PtrFromString(t.Path)
	if err != nil {
		a.Error = "Error: " + err.Error()
		return
	}
	h, err := windows.CreateFile(p, windows.READ_CONTROL|windows.WRITE_DAC,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		if errors.Is(err, windows.ERROR_FILE_NOT_FOUND) || errors.Is(err, windows.ERROR_PATH_NOT_FOUND) {
			a.Skipped = SkipMissing
			return
		}
		a.Error = "Error: " + err.Error()
		return
	}
	defer windows.CloseHandle(h)
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		a.Error = "Error: " + err.Error()
		return
	}
	isDir := info.FileAttributes&windows.FILE_ATTRIBUTE_DIRECTORY != 0
	switch {
	case info.FileAttributes&windows.FILE_ATTRIBUTE_REPARSE_POINT != 0:
		a.Skipped = SkipSymlink
		return
	case t.Dir && !isDir:
		a.Skipped = SkipNotDir
		return
	case !t.Dir && isDir:
		a.Skipped = SkipNotFile
		return
	case !t.Dir && info.NumberOfLinks > 1:
		a.Skipped = SkipHardLinked
		return
	}
	sd, err := windows.GetSecurityInfo(h, windows.SE_FILE_OBJECT, windows.OWNER_SECURITY_INFORMATION)
	if err == nil {
		if owner, _, err := sd.Owner(); err == nil && owner != nil {
			if c := ClassifySID(owner.String(), userSID.String()); c != SIDOwner && c != SIDTrusted {
				a.Skipped = SkipNotOwned
				return
			}
		}
	}
	want, err := windows.SecurityDescriptorFromString(ResetSDDL(userSID.String(), t.Dir))
	if err != nil {
		a.Error = "Error: " + err.Error()
		return
	}
	dacl, _, err := want.DACL()
	if err != nil {
		a.Error = "Error: " + err.Error()
		return
	}
	if err := windows.SetSecurityInfo(h, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil); err != nil {
		a.Error = "Error: " + err.Error()
		return
	}
	a.OK = true
}
