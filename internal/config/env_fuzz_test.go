package config

import (
	"regexp"
	"strings"
	"testing"
)

// oracleRefName is the reference name rule as a regular expression.
var oracleRefName = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)

// oracleExpand is ${NAME} substitution written the obvious (quadratic) way:
// the name runs to the first '}' and must match oracleRefName.
func oracleExpand(s string, env Env) (string, []string) {
	ref := func(i int) (string, int, bool) {
		if i+1 >= len(s) || s[i] != '$' || s[i+1] != '{' {
			return "", 0, false
		}
		c := strings.IndexByte(s[i+2:], '}')
		if c < 0 || !oracleRefName.MatchString(s[i+2:i+2+c]) {
			return "", 0, false
		}
		return s[i+2 : i+2+c], i + 3 + c, true
	}
	var b strings.Builder
	var missing []string
	for i := 0; i < len(s); {
		switch name, end, ok := ref(i); {
		case s[i] != '$':
			b.WriteByte(s[i])
			i++
		case i+1 < len(s) && s[i+1] == '$':
			if n, e, ok := ref(i + 1); ok {
				b.WriteString("${" + n + "}")
				i = e
			} else {
				b.WriteByte('$')
				i++
			}
		case ok:
			if v := env.Get(name); v != "" {
				b.WriteString(v)
			} else {
				b.WriteString(s[i:end])
				missing = append(missing, name)
			}
			i = end
		default:
			b.WriteByte('$')
			i++
		}
	}
	return b.String(), missing
}

// FuzzExpandEnv compares the substitution with the oracle and checks that
// it is never recursive: a value holding ${B} is copied, not expanded.
func FuzzExpandEnv(f *testing.F) {
	for _, s := range []string{
		"", "${A}", "$${A}", "$$${A}", "${A", "${A}${B}", "x${lower}y", "${1A}", "${}", "${A-B}",
		"${${A}}", "$${", "${A}}", "{${B}}", "${_}", "${A_1}", "$", "$$", "${\u00e9}", "${A\x00}",
	} {
		f.Add(s, "${B}", "b")
	}
	f.Fuzz(func(t *testing.T, s, a, bv string) {
		env := Env{"A": a, "B": bv, "_": "u", "A_1": "${A}"}
		got, gotMissing := ExpandEnv(s, env)
		want, wantMissing := oracleExpand(s, env)
		if got != want || strings.Join(gotMissing, ",") != strings.Join(wantMissing, ",") {
			t.Fatalf("ExpandEnv(%q) = %q %q, want %q %q", s, got, gotMissing, want, wantMissing)
		}
		// One pass: no reference in the result came from a value, so
		// substituting with values free of "$" leaves nothing to expand
		// that was not already escaped or invalid in s.
		if !strings.Contains(a+bv, "$") {
			if again, _ := ExpandEnv(got, Env{}); again != got && !strings.Contains(s, "$$") {
				t.Fatalf("ExpandEnv(%q) = %q still holds a live reference", s, got)
			}
		}
	})
}

// A value that holds a reference is not expanded again.
func TestExpandEnvNotRecursive(t *testing.T) {
	env := Env{"A": "${B}", "B": "secret", "C": "$${B}"}
	for in, want := range map[string]string{"${A}": "${B}", "x${A}${A}y": "x${B}${B}y", "${C}": "$${B}"} {
		if got, _ := ExpandEnv(in, env); got != want {
			t.Errorf("ExpandEnv(%q) = %q, want %q", in, got, want)
		}
	}
}
