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
