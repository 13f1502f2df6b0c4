package config

import (
	"reflect"
	"testing"
)

func TestExpandEnv(t *testing.T) {
	env := Env{"FROM_DOTENV": "dotenv-value", "FROM_CFGENV": "cfgenv-value", "LOGROOT": "/R", "EMPTY": ""}
	tests := []struct {
		in, out string
		missing []string
	}{
		{"$${ESCAPED}", "${ESCAPED}", nil},
		{"${lower}", "${lower}", nil},
		{"x-${MISSING_VAR}-y", "x-${MISSING_VAR}-y", []string{"MISSING_VAR"}},
		{"${FROM_DOTENV}", "dotenv-value", nil},
		{"${FROM_CFGENV}", "cfgenv-value", nil},
		{"a${LOGROOT}b", "a/Rb", nil},
		{"$$$${LOGROOT}", "$$${LOGROOT}", nil},
		{"${EMPTY}", "${EMPTY}", []string{"EMPTY"}},
		{"${UNTERMINATED", "${UNTERMINATED", nil},
		{"${1BAD}", "${1BAD}", nil},
		{"$PLAIN", "$PLAIN", nil},
		{"${LOGROOT}${LOGROOT}", "/R/R", nil},
		{"no refs", "no refs", nil},
	}
	for _, tt := range tests {
		out, missing := ExpandEnv(tt.in, env)
		if out != tt.out || !reflect.DeepEqual(missing, tt.missing) {
			t.Errorf("ExpandEnv(%q) = %q, %v; want %q, %v", tt.in, out, missing, tt.out, tt.missing)
		}
	}
}

func TestParseDotenv(t *testing.T) {
	in := "# comment\nexport A=1\nB = two words # trailing\nC='single # kept'\nD=\"line\\nbreak\"\n=bad\nE\n  F=x=y\n"
	want := [][2]string{{"A", "1"}, {"B", "two words"}, {"C", "single # kept"}, {"D", "line\nbreak"}, {"F", "x=y"}}
	if got := ParseDotenv([]byte(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Regressions found by the loader differential test: the dotenv package
// ends a bare value at any '#', strips backticks, keeps other escapes in
// double quotes, lets a repeated key's last value win and reads quoted
// values across lines.
func TestParseDotenvUpstreamGrammar(t *testing.T) {
	in := "H=abc#not-kept\nBT=`tick`\nDQ=\"a\\tb\\nc\"\nDUP=1\nX.Y=dropped\nDUP=2\nML=\"one\ntwo\"\nCOLON: value\n"
	want := [][2]string{{"H", "abc"}, {"BT", "tick"}, {"DQ", "a\\tb\nc"}, {"DUP", "2"}, {"ML", "one\ntwo"}, {"COLON", "value"}}
	if got := ParseDotenv([]byte(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestBlockedCwdEnv(t *testing.T) {
	for key, want := range map[string]bool{
		"OPENCLAW_GATEWAY_TOKEN": true, "openai_api_key": true, "LD_PRELOAD": true, "MY_BASE_URL": true,
		"GITHUB_TOKEN": true, "OPENCLAW_SKIP_X": true, "FOO_API_KEY": false, "P_CWD": false, "LOGROOT": false,
	} {
		if got := blockedCwdEnv(key); got != want {
			t.Errorf("blockedCwdEnv(%q) = %v, want %v", key, got, want)
		}
	}
}
