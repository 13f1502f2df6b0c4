package config

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const maxDotenvBytes = 1 << 20

// blockedCwdEnv are variables a stray .env in the working directory must not
// inject: provider credentials and proxy settings. The installation's own
// dotenv files are trusted for them.
var blockedCwdEnv = regexp.MustCompile(`(?i)(^|_)(API_KEY|APIKEY|ACCESS_KEY|SECRET_KEY)$|^(HTTP|HTTPS|ALL|NO|FTP)_PROXY$`)

// loadEnvFiles fills unset variables from the dotenv files OpenClaw reads, in
// its order (the first file that sets a variable wins; the process
// environment always wins).
func loadEnvFiles(cfg *Config, cwd string) {
	type source struct {
		path    string
		blocked *regexp.Regexp
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
			if s.blocked != nil && s.blocked.MatchString(kv[0]) {
				continue
			}
			if _, set := cfg.Env[kv[0]]; !set {
				cfg.Env[kv[0]] = kv[1]
			}
		}
	}
}

var dotenvKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// ParseDotenv reads KEY=VALUE lines: optional `export `, # comments, single
// quotes taken literally, double quotes with \n \r \t \" \\ escapes, and
// unquoted values with a trailing ` #comment` removed.
func ParseDotenv(data []byte) [][2]string {
	var out [][2]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), maxDotenvBytes)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		eq := strings.IndexByte(line, '=')
		if eq <= 0 {
			continue
		}
		key := strings.TrimSpace(line[:eq])
		if !dotenvKey.MatchString(key) {
			continue
		}
		val := strings.TrimSpace(line[eq+1:])
		switch {
		case len(val) >= 2 && val[0] == '\'' && strings.IndexByte(val[1:], '\'') >= 0:
			val = val[1 : 1+strings.IndexByte(val[1:], '\'')]
		case len(val) >= 2 && val[0] == '"':
			if end := closingQuote(val); end > 0 {
				if uq, err := strconv.Unquote(val[:end+1]); err == nil {
					val = uq
				} else {
					val = val[1:end]
				}
			}
		default:
			if i := strings.Index(val, " #"); i >= 0 {
				val = strings.TrimSpace(val[:i])
			}
		}
		out = append(out, [2]string{key, val})
	}
	return out
}

func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

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

var envRefName = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)

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
	close := strings.IndexByte(s[i+2:], '}')
	if close < 0 {
		return "", 0, false
	}
	name = s[i+2 : i+2+close]
	if !envRefName.MatchString(name) {
		return "", 0, false
	}
	return name, i + 2 + close + 1, true
}
