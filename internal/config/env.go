package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const maxDotenvBytes = 1 << 20

// loadEnvFiles fills unset variables from the dotenv files OpenClaw reads, in
// its order (the first file that sets a variable wins; the process
// environment always wins).
func loadEnvFiles(cfg *Config, cwd string) {
	type source struct {
		path    string
		blocked func(string) bool
	}
	var sources []source
	if cwd != "" {
		sources = append(sources, source{filepath.Join(cwd, ".env"), blockedCwdEnv})
	}
	sources = append(sources, source{filepath.Join(cfg.Paths.StateDir, ".env"), nil})
	if d := filepath.Dir(cfg.Paths.ConfigPath); d != cfg.Paths.StateDir {
		sources = append(sources, source{filepath.Join(d, ".env"), nil})
	}
	if cfg.Paths.DefaultStateDir {
		if home := firstNonEmpty(cfg.Env.Get("HOME"), cfg.Paths.Home); home != "" {
			sources = append(sources, source{filepath.Join(home, ".config", "openclaw", "gateway.env"), nil})
		}
	}
	seen := map[string]bool{}
	for _, s := range sources {
		if seen[s.path] {
			continue
		}
		seen[s.path] = true
		data, err := readBounded(s.path, maxDotenvBytes)
		if err != nil {
			continue // absent or unreadable dotenv files are ignored, as upstream does
		}
		for _, kv := range ParseDotenv(data) {
			if s.blocked != nil && s.blocked(kv[0]) {
				continue
			}
			if _, set := cfg.Env[kv[0]]; !set {
				cfg.Env[kv[0]] = kv[1]
			}
		}
	}
}

var dotenvKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// portableEnvKey is the form of variable name upstream keeps from a dotenv
// file; other names the dotenv grammar allows (with '.' or '-') are dropped.
var portableEnvKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// jsSpace is what JavaScript's \s and trim() treat as white space.
const jsSpace = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

// dotenvLine is the grammar of the dotenv package (17.x) that upstream
// parses .env files with: KEY=VALUE or KEY: VALUE, an optional export, a
// value quoted with ', " or ` (which may span lines) or bare up to a '#'.
var dotenvLine = regexp.MustCompile(`(?m)^[` + jsSpace + `]*(?:export[` + jsSpace + `]+)?([\w.-]+)(?:[` + jsSpace + `]*=[` + jsSpace + `]*?|:[` + jsSpace + `]+?)` +
	`([` + jsSpace + `]*'(?:\\'|[^'])*'|[` + jsSpace + `]*"(?:\\"|[^"])*"|[` + jsSpace + `]*` + "`" + `(?:\\` + "`" + `|[^` + "`" + `])*` + "`" + `|[^#\r\n]+)?` +
	`[` + jsSpace + `]*(?:#.*)?$`)

// ParseDotenv reads a .env file as upstream does: the dotenv package's
// grammar, surrounding quotes removed, \n and \r expanded only inside double
// quotes, and nothing else unescaped. A key given twice keeps its first
// place and its last value; keys that are not portable names are dropped.
func ParseDotenv(data []byte) [][2]string {
	if len(data) > maxDotenvBytes {
		data = data[:maxDotenvBytes]
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
	var out [][2]string
	index := map[string]int{}
	for _, m := range dotenvLine.FindAllStringSubmatch(text, -1) {
		key := strings.TrimSpace(m[1])
		if !portableEnvKey.MatchString(key) {
			continue
		}
		val := strings.Trim(m[2], jsTrimSet)
		quote := byte(0)
		if val != "" {
			quote = val[0]
		}
		if len(val) >= 2 && strings.IndexByte("'\"`", quote) >= 0 && val[len(val)-1] == quote {
			val = val[1 : len(val)-1]
		}
		if quote == '"' {
			val = strings.ReplaceAll(strings.ReplaceAll(val, `\n`, "\n"), `\r`, "\r")
		}
		if i, ok := index[key]; ok {
			out[i][1] = val
			continue
		}
		index[key] = len(out)
		out = append(out, [2]string{key, val})
	}
	return out
}

// jsTrimSet is the white space String.prototype.trim removes.
const jsTrimSet = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

// applyConfigEnv applies the config's env.vars map and string-valued env.*
// keys to the environment, never overriding a variable that is already set.
func applyConfigEnv(cfg *Config) {
	envObj := cfg.Root.Get("env")
	if !envObj.IsObject() {
		return
	}
	set := func(k string, v *Value) {
		s, ok := v.String()
		if !ok || !dotenvKey.MatchString(k) {
			return
		}
		if _, exists := cfg.Env[k]; !exists {
			cfg.Env[k] = s
		}
	}
	for _, m := range envObj.Get("vars").Pairs() {
		set(m.Key, m.Value)
	}
	for _, m := range envObj.Pairs() {
		if m.Key != "vars" && m.Key != "shellEnv" {
			set(m.Key, m.Value)
		}
	}
}

// substituteEnv expands ${NAME} in every string value (never in keys). A
// missing or empty variable keeps the reference literally and warns.
func substituteEnv(cfg *Config) {
	var walk func(v *Value, path string)
	walk = func(v *Value, path string) {
		switch v.Kind {
		case String:
			out, missing := ExpandEnv(v.Str, cfg.Env)
			if out != v.Str {
				v.Raw, v.Str = v.Str, out
			}
			for _, name := range missing {
				cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: environment variable %s is missing or empty; %s keeps the literal ${%s}",
					v.Origin.String(), name, path, name))
			}
		case Array:
			for i, e := range v.Elems {
				walk(e, path+"["+strconv.Itoa(i)+"]")
			}
		case Object:
			for _, m := range v.Members {
				walk(m.Value, JoinPath(path, m.Key))
			}
		}
	}
	walk(cfg.Root, "")
}

// ExpandEnv performs OpenClaw's ${NAME} substitution on s and returns the
// names that were missing or empty. $${NAME} is an escape for a literal
// ${NAME}; an unterminated ${ or an invalid name is copied as it is.
func ExpandEnv(s string, env Env) (string, []string) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	var missing []string
	for i := 0; i < len(s); {
		if s[i] != '$' {
			b.WriteByte(s[i])
			i++
			continue
		}
		// $${NAME}: the escape.
		if i+1 < len(s) && s[i+1] == '$' {
			if name, end, ok := refAt(s, i+1); ok {
				b.WriteString("${" + name + "}")
				i = end
				continue
			}
			b.WriteByte('$')
			i++
			continue
		}
		if name, end, ok := refAt(s, i); ok {
			if val := env.Get(name); val != "" {
				b.WriteString(val)
			} else {
				b.WriteString(s[i:end])
				missing = append(missing, name)
			}
			i = end
			continue
		}
		b.WriteByte('$')
		i++
	}
	return b.String(), missing
}

// refAt matches ${NAME} at s[i]; end is the index after the closing brace.
func refAt(s string, i int) (name string, end int, ok bool) {
	if i+1 >= len(s) || s[i] != '$' || s[i+1] != '{' {
		return "", 0, false
	}
	// Scan only the name's own characters: searching for the closing brace
	// first would make a value of a million "${" quadratic. The name is
	// everything up to the first '}', so any other character before it
	// means no reference. A name is [A-Z_][A-Z0-9_]*.
	j := i + 2
	for j < len(s) && isRefNameByte(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '}' || j == i+2 || (s[i+2] >= '0' && s[i+2] <= '9') {
		return "", 0, false
	}
	return s[i+2 : j], j + 1, true
}

// isRefNameByte reports whether c may appear in a reference's name.
func isRefNameByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
