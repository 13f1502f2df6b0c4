package fix

import (
	"strings"
)

// Well-known SIDs the ACL reset and its checks care about.
const (
	SIDSystem         = "S-1-5-18"
	SIDAdministrators = "S-1-5-32-544"
	SIDEveryone       = "S-1-1-0"
	SIDUsers          = "S-1-5-32-545"
	SIDAuthenticated  = "S-1-5-11"
	SIDCreatorOwner   = "S-1-3-0"
)

// SIDClass says whose a SID in a file's DACL is.
type SIDClass int

const (
	SIDOther   SIDClass = iota // another account or group: must not keep access
	SIDOwner                   // the invoking user
	SIDTrusted                 // SYSTEM, Administrators: the OS's own
	SIDBroad                   // Everyone, Users, Authenticated Users: world access
)

// ClassifySID classifies sid relative to the invoking user's SID. The
// comparison is case-insensitive, as SID strings are.
func ClassifySID(sid, user string) SIDClass {
	s := strings.ToUpper(strings.TrimSpace(sid))
	switch {
	case s == "":
		return SIDOther
	case user != "" && s == strings.ToUpper(strings.TrimSpace(user)):
		return SIDOwner
	case s == SIDSystem, s == SIDAdministrators:
		return SIDTrusted
	case s == SIDEveryone, s == SIDUsers, s == SIDAuthenticated:
		return SIDBroad
	}
	return SIDOther
}

// ResetSDDL is the security descriptor the ACL reset leaves: a protected
// DACL granting full control to the user and SYSTEM only, inherited by the
// contents of a directory.
func ResetSDDL(userSID string, dir bool) string {
	inherit := ""
	if dir {
		inherit = "OICI"
	}
	return "D:P(A;" + inherit + ";FA;;;" + userSID + ")(A;" + inherit + ";FA;;;SY)"
}

// IcaclsCommand is the display form of the reference's icacls command for
// a target, kept in the JSON action for compatibility.
func IcaclsCommand(getenv func(string) string, path, user string, dir bool) string {
	root := lookupFold(getenv, "SystemRoot")
	if root == "" {
		root = lookupFold(getenv, "WINDIR")
	}
	if root == "" {
		root = `C:\Windows`
	}
	grant := "F"
	if dir {
		grant = "(OI)(CI)F"
	}
	if user == "" {
		user = "%USERNAME%"
	}
	exe := strings.TrimRight(root, `\/`) + `\System32\icacls.exe`
	return exe + ` "` + path + `" /inheritance:r /grant:r "` + user + ":" + grant + `" /grant:r "*S-1-5-18:` + grant + `"`
}

// IcaclsUser is the account name the reference grants: USERNAME, prefixed
// with USERDOMAIN\ when that is set; fallback is the OS's name for the user.
func IcaclsUser(getenv func(string) string, fallback string) string {
	user := strings.TrimSpace(lookupFold(getenv, "USERNAME"))
	if user == "" {
		user = fallback
	}
	if user == "" {
		return ""
	}
	if d := strings.TrimSpace(lookupFold(getenv, "USERDOMAIN")); d != "" && !strings.Contains(user, `\`) {
		return d + `\` + user
	}
	return user
}

// lookupFold looks a variable up by name, ignoring case as Windows does.
func lookupFold(getenv func(string) string, name string) string {
	if getenv == nil {
		return ""
	}
	for _, n := range []string{name, strings.ToUpper(name), strings.ToLower(name)} {
		if v := getenv(n); v != "" {
			return v
		}
	}
	return ""
}
