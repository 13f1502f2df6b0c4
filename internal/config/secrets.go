package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// SecretRef is a reference to a secret held outside the config.
type SecretRef struct {
	Source   string // env, file, exec, store
	Provider string
	ID       string
}

func (r SecretRef) String() string { return r.Source + ":" + r.Provider + ":" + r.ID }

// SecretInput is a config field that takes a secret: a literal string or a
// SecretRef. Upstream treats an unresolved ref as "configured, value
// unknown", and so do the accessors here.
type SecretInput struct {
	Path     string
	Value    *Value     // as written (after ${VAR} substitution)
	Ref      *SecretRef // set when the input is a reference
	Resolved bool       // Secret holds the value
	Secret   string
	Reason   string // why a ref is unresolved
}

// Configured reports whether anything is set: a non-blank literal or any ref.
func (s *SecretInput) Configured() bool {
	if s == nil {
		return false
	}
	return s.Ref != nil || strings.TrimSpace(s.Secret) != ""
}

// Literal returns the value when the input is a plain string in the config
// (not a ref, though ${VAR} substitution may have produced it).
func (s *SecretInput) Literal() (string, bool) {
	if s == nil || s.Ref != nil {
		return "", false
	}
	return s.Secret, true
}

// Secret returns the secret input at a config path, or nil when absent.
func (c *Config) Secret(path string) *SecretInput { return c.Secrets[path] }

var (
	secretSources  = map[string]bool{"env": true, "file": true, "exec": true, "store": true}
	providerAlias  = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)
	envSecretID    = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,127}$`)
	execSecretID   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,255}$`)
	shorthandBrace = regexp.MustCompile(`^\$\{([A-Z][A-Z0-9_]{0,127})\}$`)
	shorthandBare  = regexp.MustCompile(`^\$([A-Z][A-Z0-9_]{0,127})$`)
)

// ParseSecretRef recognises a SecretRef object: exactly source, provider and
// id (or the legacy form without provider), with a known source.
func ParseSecretRef(v *Value, defaults *Value) (*SecretRef, bool) {
	if !v.IsObject() {
		return nil, false
	}
	src, ok1 := v.Get("source").String()
	id, ok2 := v.Get("id").String()
	if !ok1 || !ok2 || !secretSources[src] {
		return nil, false
	}
	provider, hasProvider := v.Get("provider").String()
	switch {
	case hasProvider && v.Len() == 3:
	case !v.Has("provider") && v.Len() == 2:
		provider = defaults.Get(src).StringOr("default")
	default:
		return nil, false
	}
	return &SecretRef{Source: src, Provider: provider, ID: id}, true
}

// channelSecretFields are the channel fields whose SecretRefs the audit
// resolves: 2026.4.14's targets (observed: every path it tried to resolve on
// a config with a ref in every SecretInput field) plus 2026.9.6's qqbot.
// The same fields are targets under channels.<id>.accounts.<acct>.
var channelSecretFields = map[string][]string{
	"bluebubbles":    {"password"},
	"discord":        {"token"},
	"feishu":         {"appSecret", "encryptKey", "verificationToken"},
	"googlechat":     {"serviceAccount"},
	"matrix":         {"accessToken", "password"},
	"mattermost":     {"botToken"},
	"msteams":        {"appPassword"},
	"nextcloud-talk": {"apiPassword", "botSecret"},
	"qqbot":          {"clientSecret"},
	"slack":          {"appToken", "botToken", "signingSecret", "userToken"},
	"telegram":       {"botToken", "webhookSecret"},
	"zalo":           {"botToken", "webhookSecret"},
}

// secretTargets lists the config paths whose SecretRefs the audit resolves,
// with their values and the object holding them, in a stable order.
func secretTargets(root *Value) []pathValue {
	var out []pathValue
	add := func(path string, owner, v *Value) {
		if v.Present() {
			out = append(out, pathValue{path, owner, v})
		}
	}
	for _, p := range [][]string{{"gateway", "auth", "token"}, {"gateway", "auth", "password"},
		{"gateway", "remote", "token"}, {"gateway", "remote", "password"}} {
		add(strings.Join(p, "."), root.Get(p[:2]...), root.Get(p...))
	}
	for _, ch := range root.Get("channels").Pairs() {
		fields := channelSecretFields[ch.Key]
		for _, k := range fields {
			add(JoinPath("channels", ch.Key, k), ch.Value, ch.Value.Get(k))
		}
		for _, acct := range ch.Value.Get("accounts").Pairs() {
			for _, k := range fields {
				add(JoinPath("channels", ch.Key, "accounts", acct.Key, k), acct.Value, acct.Value.Get(k))
			}
		}
	}
	return out
}

type pathValue struct {
	path  string
	owner *Value // the object holding the field (a channel, an account, gateway.auth…)
	v     *Value
}

// resolveSecrets resolves the refs on the audit's target paths read-only:
// env refs from the environment, file refs from private files. exec and
// store refs are never run or opened; they are reported as unresolved.
func resolveSecrets(cfg *Config) {
	defaults := cfg.Root.Get("secrets", "defaults")
	providers := cfg.Root.Get("secrets", "providers")
	// Upstream lists the inactive-surface notes before the paths it failed
	// to resolve; the same order keeps the diagnostics diffable against it.
	// (Its extra "unavailable in this command path" line per path is left
	// out on purpose: docs/differences.md.)
	var inactiveNotes, failed []string
	for _, t := range secretTargets(cfg.Root) {
		in := &SecretInput{Path: t.path, Value: t.v}
		cfg.Secrets[t.path] = in
		if ref, ok := ParseSecretRef(t.v, defaults); ok {
			in.Ref = ref
		} else if s, ok := t.v.String(); ok {
			raw := s
			if t.v.Raw != "" {
				raw = t.v.Raw
			}
			if m := shorthandBrace.FindStringSubmatch(raw); m != nil {
				in.Ref = &SecretRef{Source: "env", Provider: defaults.Get("env").StringOr("default"), ID: m[1]}
			} else if m := shorthandBare.FindStringSubmatch(raw); m != nil {
				in.Ref = &SecretRef{Source: "env", Provider: defaults.Get("env").StringOr("default"), ID: m[1]}
			} else {
				in.Resolved, in.Secret = true, s
				continue
			}
		} else {
			continue // not a secret shape; schema issues report it
		}
		if inactive := inactiveReason(cfg, t); inactive != "" {
			in.Reason = inactive
			inactiveNotes = append(inactiveNotes, t.path+": "+inactive)
			continue
		}
		val, err := resolveRef(cfg, *in.Ref, providers)
		if err != nil {
			in.Reason = err.Error()
			var gw gatewayOnly
			if errors.As(err, &gw) {
				failed = append(failed, fmt.Sprintf(
					"security audit: %s is resolved by the gateway; clawcheck does not contact the gateway in a plain audit.", t.path))
			} else {
				failed = append(failed, fmt.Sprintf(
					"security audit: failed to resolve %s locally (%s).", t.path, err))
			}
			continue
		}
		in.Resolved, in.Secret = true, val
	}
	for _, group := range [][]string{inactiveNotes, failed} {
		for _, d := range group {
			cfg.Diagnostics = appendUnique(cfg.Diagnostics, d)
		}
	}
}

// inactiveReason says why a ref is not used, so it is not resolved: the
// remote credentials while local ones are configured, and channel secrets of
// a mode that is off (webhook secrets without a webhook, HTTP signing secrets
// in socket mode, a Matrix password next to an access token).
func inactiveReason(cfg *Config, t pathValue) string {
	field := t.path[strings.LastIndexByte(t.path, '.')+1:]
	switch {
	case t.path == "gateway.remote.token" || t.path == "gateway.remote.password":
		local := "gateway.auth." + field
		if cfg.Root.Get("gateway", "mode").StringOr("") != "remote" && cfg.Secrets[local].Configured() {
			return "not used while " + local + " is configured"
		}
	case !strings.HasPrefix(t.path, "channels."):
	case field == "webhookSecret":
		if t.owner.Get("webhookUrl").Trimmed() == "" {
			return "not used: webhook mode is off (no webhookUrl)"
		}
	case field == "signingSecret":
		if t.owner.Get("mode").StringOr("socket") != "http" {
			return "not used: HTTP mode is off"
		}
	case field == "encryptKey" || field == "verificationToken":
		if t.owner.Get("connectionMode").StringOr("websocket") != "webhook" {
			return "not used: webhook connection mode is off"
		}
	case field == "password" && strings.HasPrefix(t.path, "channels.matrix."):
		if t.owner.Get("accessToken").Present() {
			return "not used while an access token is configured"
		}
	}
	return ""
}

// gatewayOnly marks refs that only the gateway (or running installation
// code) could resolve.
type gatewayOnly struct{ source string }

func (g gatewayOnly) Error() string { return g.source + " secrets are not resolved by clawcheck" }

func resolveRef(cfg *Config, ref SecretRef, providers *Value) (string, error) {
	prov := providers.Get(ref.Provider)
	if prov.Present() {
		if s := prov.Get("source").StringOr(""); s != "" && s != ref.Source {
			return "", fmt.Errorf("provider %q is a %s provider, not %s", ref.Provider, s, ref.Source)
		}
	}
	switch ref.Source {
	case "env":
		if !envSecretID.MatchString(ref.ID) {
			return "", fmt.Errorf("invalid environment variable name %q", ref.ID)
		}
		if !prov.Present() && ref.Provider != "default" {
			return "", fmt.Errorf("secret provider %q is not configured", ref.Provider)
		}
		if allow := prov.Get("allowlist"); allow.IsArray() {
			ok := false
			for _, a := range allow.Strings() {
				ok = ok || a == ref.ID
			}
			if !ok {
				return "", fmt.Errorf("environment variable %q is not in provider %q's allowlist", ref.ID, ref.Provider)
			}
		}
		v := cfg.Env.Get(ref.ID)
		if v == "" {
			return "", fmt.Errorf("environment variable %q is missing or empty", ref.ID)
		}
		return v, nil
	case "file":
		if !prov.Present() {
			return "", fmt.Errorf("secret provider %q is not configured", ref.Provider)
		}
		return resolveFileRef(cfg, ref, prov)
	case "exec", "store":
		if !providerAlias.MatchString(ref.Provider) || (ref.Source == "exec" && !execSecretID.MatchString(ref.ID)) {
			return "", fmt.Errorf("malformed %s reference", ref.Source)
		}
		return "", gatewayOnly{ref.Source}
	}
	return "", fmt.Errorf("unknown secret source %q", ref.Source)
}

// resolveFileRef reads a file provider's secret with upstream's guards: a
// private regular file, not a symlink, one link, within the size cap.
func resolveFileRef(cfg *Config, ref SecretRef, prov *Value) (string, error) {
	path := expandTilde(prov.Get("path").Trimmed(), firstNonEmpty(cfg.Env.Get("HOME"), cfg.Paths.Home))
	if path == "" {
		return "", fmt.Errorf("file provider %q has no path", ref.Provider)
	}
	limit := int64(1 << 20)
	if n, ok := prov.Get("maxBytes").Number(); ok && n > 0 && n < float64(16<<20) {
		limit = int64(n)
	}
	fi, err := os.Lstat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("secret file %s does not exist", path)
		}
		return "", err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return "", fmt.Errorf("secret file %s is a symlink", path)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("secret file %s is readable or writable by others (mode %03o)", path, fi.Mode().Perm())
	}
	if err := checkSingleLinkFile(path, limit); err != nil {
		return "", fmt.Errorf("secret file %s: %v", path, err)
	}
	data, err := readOpened(openNoFollow, path, limit)
	if err != nil {
		return "", fmt.Errorf("secret file %s: %v", path, err)
	}
	data = []byte(strings.TrimPrefix(string(data), "\ufeff"))
	if prov.Get("mode").StringOr("json") == "singleValue" {
		s := strings.TrimSuffix(string(data), "\n")
		return strings.TrimSuffix(s, "\r"), nil
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return "", fmt.Errorf("secret file %s is not JSON: %v", path, err)
	}
	if ref.ID == "value" {
		if s, ok := doc.(string); ok {
			return s, nil
		}
	}
	got, err := jsonPointer(doc, ref.ID)
	if err != nil {
		return "", fmt.Errorf("secret file %s: %v", path, err)
	}
	return got, nil
}

// jsonPointer looks up an RFC 6901 pointer and requires a string value.
func jsonPointer(doc any, ptr string) (string, error) {
	if !strings.HasPrefix(ptr, "/") {
		return "", fmt.Errorf("id %q is not an absolute JSON pointer", ptr)
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			next, ok := c[tok]
			if !ok {
				return "", fmt.Errorf("no value at %s", ptr)
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return "", fmt.Errorf("no value at %s", ptr)
			}
			cur = c[i]
		default:
			return "", fmt.Errorf("no value at %s", ptr)
		}
	}
	s, ok := cur.(string)
	if !ok {
		return "", fmt.Errorf("value at %s is not a string", ptr)
	}
	return s, nil
}

func appendUnique(list []string, s string) []string {
	s = strings.TrimSpace(s)
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// secretKey matches key names that hold credentials.
var secretKey = regexp.MustCompile(`(?i)(token|secret|password|passwd|pass|pw|apikey|api_key|privatekey|private_key|passphrase|cookie|signingkey)$`)

// MinRedactLen is the shortest value the redactor replaces: shorter strings
// ("on", "null", a port) would mangle ordinary text and are not credentials
// worth the name.
const MinRedactLen = 6

// collectSecretValues gathers every secret-looking literal for redaction:
// values under credential-named keys anywhere in the config, resolved refs,
// and credential-named environment variables.
func collectSecretValues(cfg *Config) {
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) >= MinRedactLen && !seen[s] {
			seen[s] = true
			cfg.SecretValues = append(cfg.SecretValues, s)
		}
	}
	var walk func(v *Value, secret bool)
	walk = func(v *Value, secret bool) {
		switch v.Kind {
		case String:
			// An unresolved ${NAME} names a secret; it is not one.
			if secret && !shorthandBrace.MatchString(v.Str) && !shorthandBare.MatchString(v.Str) {
				add(v.Str)
			}
		case Array:
			for _, e := range v.Elems {
				walk(e, secret)
			}
		case Object:
			if _, isRef := ParseSecretRef(v, nil); isRef {
				return // a reference names a secret; it is not one
			}
			for _, m := range v.Members {
				walk(m.Value, secret || secretKey.MatchString(m.Key))
			}
		}
	}
	walk(cfg.Root, false)
	for _, in := range cfg.Secrets {
		if in.Resolved {
			add(in.Secret)
		}
	}
	for k, v := range cfg.Env {
		if secretKey.MatchString(k) {
			add(v)
		}
	}
	sort.Strings(cfg.SecretValues)
}
