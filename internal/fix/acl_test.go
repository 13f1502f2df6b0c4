package fix

import "testing"

func TestClassifySID(t *testing.T) {
	const user = "S-1-5-21-1004336348-1177238915-682003330-1001"
	for _, tc := range []struct {
		sid  string
		want SIDClass
	}{
		{user, SIDOwner},
		{" s-1-5-21-1004336348-1177238915-682003330-1001 ", SIDOwner},
		{"S-1-5-18", SIDTrusted},
		{"S-1-5-32-544", SIDTrusted},
		{"S-1-1-0", SIDBroad},
		{"S-1-5-32-545", SIDBroad},
		{"S-1-5-11", SIDBroad},
		{"S-1-5-21-1004336348-1177238915-682003330-1002", SIDOther},
		{"S-1-3-0", SIDOther},
		{"", SIDOther},
	} {
		if got := ClassifySID(tc.sid, user); got != tc.want {
			t.Errorf("ClassifySID(%q) = %v, want %v", tc.sid, got, tc.want)
		}
	}
	if got := ClassifySID("S-1-5-18", ""); got != SIDTrusted {
		t.Errorf("without a user SID, SYSTEM = %v", got)
	}
	if got := ClassifySID("", ""); got != SIDOther {
		t.Errorf("empty SIDs must not match each other: %v", got)
	}
}

func TestResetSDDL(t *testing.T) {
	if got, want := ResetSDDL("S-1-5-21-1", true), "D:P(A;OICI;FA;;;S-1-5-21-1)(A;OICI;FA;;;SY)"; got != want {
		t.Errorf("dir: %s, want %s", got, want)
	}
	if got, want := ResetSDDL("S-1-5-21-1", false), "D:P(A;;FA;;;S-1-5-21-1)(A;;FA;;;SY)"; got != want {
		t.Errorf("file: %s, want %s", got, want)
	}
}

func TestIcaclsCommand(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	e := env(map[string]string{"SYSTEMROOT": `D:\Win`, "USERNAME": "ana", "USERDOMAIN": "CORP"})
	user := IcaclsUser(e, "")
	if user != `CORP\ana` {
		t.Errorf("user %q", user)
	}
	if got, want := IcaclsCommand(e, `C:\Users\ana\.openclaw`, user, true),
		`D:\Win\System32\icacls.exe "C:\Users\ana\.openclaw" /inheritance:r /grant:r "CORP\ana:(OI)(CI)F" /grant:r "*S-1-5-18:(OI)(CI)F"`; got != want {
		t.Errorf("dir command:\n%s\nwant\n%s", got, want)
	}
	none := env(nil)
	if got, want := IcaclsCommand(none, `C:\x.json`, "", false),
		`C:\Windows\System32\icacls.exe "C:\x.json" /inheritance:r /grant:r "%USERNAME%:F" /grant:r "*S-1-5-18:F"`; got != want {
		t.Errorf("fallback command:\n%s\nwant\n%s", got, want)
	}
	if got := IcaclsUser(none, "bob"); got != "bob" {
		t.Errorf("fallback user %q", got)
	}
	if got := IcaclsUser(env(map[string]string{"windir": `E:\W`}), ""); got != "" {
		t.Errorf("no user: %q", got)
	}
	if got := IcaclsCommand(env(map[string]string{"windir": `E:\W`}), "p", "u", false); got[:len(`E:\W\System32`)] != `E:\W\System32` {
		t.Errorf("WINDIR fallback: %s", got)
	}
}

// TestWindowsMissingUser: with neither USERNAME nor an OS user name there
// is no account to grant, which the Windows step reports as missing-user.
func TestWindowsMissingUser(t *testing.T) {
	if got := IcaclsUser(func(string) string { return "" }, ""); got != "" {
		t.Fatalf("user %q", got)
	}
}
