package openclaw

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/state"
)

// ExtensionsDir is where plugins are installed: <stateDir>/extensions.
func ExtensionsDir(stateDir string) string { return filepath.Join(stateDir, "extensions") }

// InstalledPluginDirs lists the installed plugin directories by name, sorted
// byte-wise: the entries of <stateDir>/extensions that are directories
// themselves (a symlink to a directory is invisible, as upstream's readdir
// sees it). 2026.4.14 counts every such directory; 2026.9.6 skips
// node_modules, hidden, backup and disabled ones.
func InstalledPluginDirs(compat check.Compat, snap *state.Snapshot, stateDir string) []string {
	if snap == nil || stateDir == "" {
		return nil
	}
	var out []string
	for _, e := range snap.Children(ExtensionsDir(stateDir)) {
		if !e.IsDir() {
			continue
		}
		name := filepath.Base(e.Path)
		if compat.Is96() && excludedPluginDir(name) {
			continue
		}
		out = append(out, name)
	}
	return out
}

func excludedPluginDir(name string) bool {
	n := strings.ToLower(name)
	return n == "" || n == "node_modules" || n == ".openclaw-install-backups" || strings.HasPrefix(n, ".") ||
		strings.HasSuffix(n, ".bak") || strings.Contains(n, ".backup-") || strings.Contains(n, ".disabled")
}

// EnabledExtensionPluginIDs are the installed plugin dir names (lower-cased)
// that plugin policy lets load: not all plugins disabled, not denied, listed
// in a non-empty plugins.allow, and not disabled by their entry.
func EnabledExtensionPluginIDs(root *config.Value, dirs []string) []string {
	plugins := root.Get("plugins")
	if plugins.Get("enabled").IsFalse() {
		return nil
	}
	lowerSet := func(v *config.Value) map[string]bool {
		m := map[string]bool{}
		for _, s := range v.Strings() {
			if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
				m[s] = true
			}
		}
		return m
	}
	deny, allow := lowerSet(plugins.Get("deny")), lowerSet(plugins.Get("allow"))
	disabled := map[string]bool{}
	for _, m := range plugins.Get("entries").Pairs() {
		if id := strings.ToLower(strings.TrimSpace(m.Key)); id != "" && m.Value.Get("enabled").IsFalse() {
			disabled[id] = true
		}
	}
	var out []string
	for _, d := range dirs {
		id := strings.ToLower(strings.TrimSpace(d))
		if id == "" || deny[id] || (len(allow) > 0 && !allow[id]) || disabled[id] {
			continue
		}
		out = append(out, id)
	}
	return out
}

var pinnedVersion = regexp.MustCompile(`^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$`)

// PinnedNpmSpec reports whether an npm install spec names one exact version:
// text after the last "@" (not at the start) that is a full semver.
func PinnedNpmSpec(spec string) bool {
	s := strings.TrimSpace(spec)
	at := strings.LastIndex(s, "@")
	if at <= 0 || at >= len(s)-1 {
		return false
	}
	return pinnedVersion.MatchString(strings.TrimSpace(s[at+1:]))
}

// InstallRecord is one plugin or hook install record.
type InstallRecord struct {
	ID    string
	Value *config.Value // the record as stored
	// Path is where the record lives, for messages and locations: a dotted
	// config path ("plugins.installs.foo") or a state file name.
	Path string
}

// NPM reports whether the record came from the npm registry.
func (r InstallRecord) NPM() bool { return r.Value.Get("source").StringOr("") == "npm" }

// Spec returns the install spec when it is a string.
func (r InstallRecord) Spec() (string, bool) { return r.Value.Get("spec").String() }

// HasIntegrity: integrity is a non-blank string. Its content is not checked.
func (r InstallRecord) HasIntegrity() bool { return r.Value.Get("integrity").Trimmed() != "" }

// RecordedVersion is resolvedVersion ?? version, as text; "" when neither is
// set or the chosen one is empty.
func (r InstallRecord) RecordedVersion() string {
	v := r.Value.Get("resolvedVersion")
	if !v.Present() {
		v = r.Value.Get("version")
	}
	if s, ok := v.String(); ok {
		return s
	}
	if n, ok := v.Number(); ok && n != 0 {
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return ""
}

// InstallDir is installPath when it is a string, else <stateDir>/<kind>/<id>.
func (r InstallRecord) InstallDir(stateDir, kind string) string {
	if s, ok := r.Value.Get("installPath").String(); ok {
		return s
	}
	return filepath.Join(stateDir, kind, r.ID)
}

// MaxPackageJSON bounds the package.json read for an installed version.
const MaxPackageJSON = 1 << 20

// InstalledPackageVersion reads "version" from <dir>/package.json through the
// snapshot. It reports false when the file cannot be read, is too large, is
// not JSON or has no string version: upstream then skips the comparison.
func InstalledPackageVersion(snap *state.Snapshot, dir string) (string, bool) {
	if snap == nil || !filepath.IsAbs(dir) {
		return "", false
	}
	data, err := snap.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil || len(data) > MaxPackageJSON {
		return "", false
	}
	var pkg struct {
		Version any `json:"version"`
	}
	if json.Unmarshal(data, &pkg) != nil {
		return "", false
	}
	s, ok := pkg.Version.(string)
	return s, ok
}

// InstallSources says where a profile reads install records from.
type InstallSources struct {
	Compat   check.Compat
	Root     *config.Value
	Snap     *state.Snapshot
	StateDir string
}

// PluginInstallRecords returns the plugin install records the profile's
// audit sees. 2026.4.14 reads the config key plugins.installs. 2026.9.6 keeps
// them in its state database (row plugins.installedIndex) after importing
// the legacy plugins/installs.json and the old config key; clawcheck reads
// all three without migrating anything, later sources winning per id.
func PluginInstallRecords(src InstallSources) ([]InstallRecord, error) {
	recs := recordsFrom(src.Root.Get("plugins", "installs"), "plugins.installs")
	if !src.Compat.Is96() {
		return recs, nil
	}
	var errs []error
	legacy := filepath.Join(src.StateDir, "plugins", "installs.json")
	if v, err := readJSONState(src.Snap, legacy); err != nil {
		errs = append(errs, err)
	} else if v != nil {
		recs = mergeRecords(recs, recordsFrom(v.Get("installRecords"), "plugins/installs.json"))
	}
	if raw, err := ReadMachineState(src.Snap, src.StateDir, "plugins.installedIndex"); err != nil {
		errs = append(errs, err)
	} else if raw != nil {
		v, err := ValueFromJSON(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("state database row plugins.installedIndex: %w", err))
		} else {
			recs = mergeRecords(recs, recordsFrom(v.Get("index", "installRecords"), "state database plugins.installedIndex"))
		}
	}
	recs = mergeRecovered(recs, recoveredNpmRecords(src.Snap, src.StateDir, recs))
	return recs, errors.Join(errs...)
}

// recoveredNpmRecords rebuilds install records the way 2026.9.6 recovers
// them from its managed npm roots (<stateDir>/npm and every
// <stateDir>/npm/projects/<name>): each dependency of the root's
// package.json whose installed package declares openclaw.extensions.
// Recovered records carry no integrity. When several roots hold the same
// plugin, the one at the persisted record's installPath wins; otherwise
// upstream takes the most recently installed, which the snapshot cannot
// tell, so the last by install path is taken. They come in id order.
func recoveredNpmRecords(snap *state.Snapshot, stateDir string, persisted []InstallRecord) []InstallRecord {
	if snap == nil || stateDir == "" {
		return nil
	}
	npmRoot := filepath.Join(stateDir, "npm")
	roots := []string{npmRoot}
	for _, e := range snap.Children(filepath.Join(npmRoot, "projects")) {
		if e.IsDir() {
			roots = append(roots, e.Path)
		}
	}
	persistedPath := map[string]string{}
	for _, r := range persisted {
		if p, ok := r.Value.Get("installPath").String(); ok {
			persistedPath[r.ID] = filepath.Clean(p)
		}
	}
	var order []string
	byID := map[string][]InstallRecord{}
	for _, root := range roots {
		for _, rec := range recoverRoot(snap, root) {
			if _, seen := byID[rec.ID]; !seen {
				order = append(order, rec.ID)
			}
			byID[rec.ID] = append(byID[rec.ID], rec)
		}
	}
	// 2026.9.6 lists recovered plugins by id (✔ oc-calendar from a project
	// root before oc-weather from the shared root).
	sort.Strings(order)
	var out []InstallRecord
	for _, id := range order {
		cands := byID[id]
		chosen := cands[0]
		for _, c := range cands[1:] {
			if c.Value.Get("installPath").StringOr("") > chosen.Value.Get("installPath").StringOr("") {
				chosen = c
			}
		}
		for _, c := range cands {
			if p, ok := persistedPath[id]; ok && c.Value.Get("installPath").StringOr("") == p {
				chosen = c
				break
			}
		}
		out = append(out, chosen)
	}
	return out
}

func recoverRoot(snap *state.Snapshot, root string) []InstallRecord {
	pkg, err := readJSONState(snap, filepath.Join(root, "package.json"))
	if err != nil || pkg == nil {
		return nil
	}
	type dep struct{ name, spec string }
	var deps []dep
	for _, m := range pkg.Get("dependencies").Pairs() {
		if spec := m.Value.Trimmed(); spec != "" && m.Key != "__proto__" && m.Key != "constructor" && m.Key != "prototype" {
			deps = append(deps, dep{m.Key, spec})
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].name < deps[j].name })
	var out []InstallRecord
	for _, d := range deps {
		dir := filepath.Join(append([]string{root, "node_modules"}, strings.Split(d.name, "/")...)...)
		if info, ok := snap.Stat(dir); !ok || !info.IsDir() {
			continue
		}
		manifest, err := readJSONState(snap, filepath.Join(dir, "package.json"))
		if err != nil || !manifest.IsObject() || !declaresExtensions(manifest) {
			continue
		}
		name := d.name
		if n := manifest.Get("name").Trimmed(); n != "" {
			name = n
		}
		id := name
		if pm, err := readJSONState(snap, filepath.Join(dir, "openclaw.plugin.json")); err == nil {
			if s := pm.Get("id").Trimmed(); s != "" {
				id = s
			}
		}
		rec := config.NewObject()
		rec.Set("source", config.NewString("npm"), config.Origin{})
		rec.Set("spec", config.NewString(d.name+"@"+d.spec), config.Origin{})
		rec.Set("installPath", config.NewString(dir), config.Origin{})
		if v := manifest.Get("version").Trimmed(); v != "" {
			rec.Set("version", config.NewString(v), config.Origin{})
			rec.Set("resolvedName", config.NewString(d.name), config.Origin{})
			rec.Set("resolvedVersion", config.NewString(v), config.Origin{})
			rec.Set("resolvedSpec", config.NewString(d.name+"@"+v), config.Origin{})
		}
		out = append(out, InstallRecord{ID: id, Value: rec, Path: "recovered from " + filepath.Join(root, "package.json")})
	}
	return out
}

func declaresExtensions(manifest *config.Value) bool {
	for _, e := range manifest.Get("openclaw", "extensions").Items() {
		if e.IsString() {
			return true
		}
	}
	return false
}

// mergeRecovered adds recovered records for ids without a persisted one. A
// persisted npm record that shares its install path with a recovered copy of
// another version is refreshed from that copy and loses its integrity.
func mergeRecovered(persisted, recovered []InstallRecord) []InstallRecord {
	idx := map[string]int{}
	for i, r := range persisted {
		idx[r.ID] = i
	}
	for _, rec := range recovered {
		i, ok := idx[rec.ID]
		if !ok {
			idx[rec.ID] = len(persisted)
			persisted = append(persisted, rec)
			continue
		}
		old := persisted[i]
		oldPath, _ := old.Value.Get("installPath").String()
		newPath, _ := rec.Value.Get("installPath").String()
		newVersion := rec.RecordedVersion()
		if !old.NPM() || oldPath == "" || filepath.Clean(oldPath) != filepath.Clean(newPath) || newVersion == "" || old.RecordedVersion() == newVersion {
			continue
		}
		merged := old.Value.Clone()
		for _, m := range rec.Value.Pairs() {
			merged.Set(m.Key, m.Value, config.Origin{})
		}
		for _, k := range []string{"integrity", "shasum", "resolvedAt", "installedAt"} {
			merged.Delete(k)
		}
		persisted[i] = InstallRecord{ID: rec.ID, Value: merged, Path: old.Path}
	}
	return persisted
}

// HookInstallRecords is PluginInstallRecords for hook packs: the config key
// hooks.internal.installs, and under 2026.9.6 the state database row of the
// same name.
func HookInstallRecords(src InstallSources) ([]InstallRecord, error) {
	recs := recordsFrom(src.Root.Get("hooks", "internal", "installs"), "hooks.internal.installs")
	if !src.Compat.Is96() {
		return recs, nil
	}
	raw, err := ReadMachineState(src.Snap, src.StateDir, "hooks.internal.installs")
	if err != nil || raw == nil {
		return recs, err
	}
	v, err := ValueFromJSON(raw)
	if err != nil {
		return recs, fmt.Errorf("state database row hooks.internal.installs: %w", err)
	}
	return mergeRecords(recs, recordsFrom(v, "state database hooks.internal.installs")), nil
}

func recordsFrom(v *config.Value, path string) []InstallRecord {
	var out []InstallRecord
	for _, m := range v.Pairs() {
		if !m.Value.IsObject() {
			continue
		}
		out = append(out, InstallRecord{ID: m.Key, Value: m.Value, Path: path + "." + m.Key})
	}
	return out
}

// mergeRecords replaces records of base by id with those of over, keeping
// base's order and appending new ids.
func mergeRecords(base, over []InstallRecord) []InstallRecord {
	idx := map[string]int{}
	for i, r := range base {
		idx[r.ID] = i
	}
	for _, r := range over {
		if i, ok := idx[r.ID]; ok {
			base[i] = r
			continue
		}
		idx[r.ID] = len(base)
		base = append(base, r)
	}
	return base
}

// readJSONState reads a JSON state file through the snapshot; a missing file
// is (nil, nil), an unreadable or invalid one an error.
func readJSONState(snap *state.Snapshot, path string) (*config.Value, error) {
	if snap == nil {
		return nil, nil
	}
	if _, ok := snap.Lstat(path); !ok {
		return nil, nil
	}
	data, err := snap.ReadFile(path)
	if err != nil {
		return nil, err
	}
	v, err := ValueFromJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// maxJSONDepth bounds nesting when converting state JSON.
const maxJSONDepth = 128

// ValueFromJSON converts strict JSON into a config value, keeping object key
// order (the first occurrence's position, the last occurrence's value).
func ValueFromJSON(data []byte) (*config.Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data after JSON value")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, depth int) (*config.Value, error) {
	if depth > maxJSONDepth {
		return nil, errors.New("JSON nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			obj := config.NewObject()
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, errors.New("object key is not a string")
				}
				val, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				obj.Set(key, val, config.Origin{})
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return obj, nil
		case '[':
			arr := &config.Value{Kind: config.Array}
			for dec.More() {
				val, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr.Elems = append(arr.Elems, val)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return arr, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		return config.NewString(t), nil
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil {
			return nil, err
		}
		return &config.Value{Kind: config.Number, Num: f}, nil
	case bool:
		return &config.Value{Kind: config.Bool, Bool: t}, nil
	case nil:
		return &config.Value{Kind: config.Null}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// InstallProblem is one npm install record that fails a supply-chain rule.
type InstallProblem struct {
	Record InstallRecord
	Text   string // "<id> (<spec>)", "<id>", or "<id> (recorded X, installed Y)"
}

// InstallAnalysis sorts npm install records into the three findings upstream
// derives from them, each in record order.
type InstallAnalysis struct {
	Unpinned, MissingIntegrity, VersionDrift []InstallProblem
}

// AnalyzeNpmInstalls checks the records whose source is npm. kind is the
// directory under the state dir that holds the default install path
// ("extensions" or "hooks").
func AnalyzeNpmInstalls(recs []InstallRecord, snap *state.Snapshot, stateDir, kind string) InstallAnalysis {
	var a InstallAnalysis
	for _, r := range recs {
		if !r.NPM() {
			continue
		}
		if spec, ok := r.Spec(); ok && !PinnedNpmSpec(spec) {
			a.Unpinned = append(a.Unpinned, InstallProblem{r, fmt.Sprintf("%s (%s)", r.ID, spec)})
		}
		if !r.HasIntegrity() {
			a.MissingIntegrity = append(a.MissingIntegrity, InstallProblem{r, r.ID})
		}
		recorded := r.RecordedVersion()
		if recorded == "" {
			continue
		}
		installed, ok := InstalledPackageVersion(snap, r.InstallDir(stateDir, kind))
		if !ok || installed == "" || installed == recorded {
			continue
		}
		a.VersionDrift = append(a.VersionDrift, InstallProblem{r, fmt.Sprintf("%s (recorded %s, installed %s)", r.ID, recorded, installed)})
	}
	return a
}

// bundledPluginIDs96 are the plugins 2026.9.6 ships, each followed by the
// aliases its registry maps back to it (provider, channel, CLI backend,
// catalog and legacy ids). An allow entry matching any of them is not a
// phantom.
var bundledPluginIDs96 = strings.Fields(`
a2a
active-memory
admin-http-rpc
alibaba
anthropic claude-cli
apple-fm
azure azure-speech
beam
bonjour
browser
canvas
clawrouter
code-mode-quickjs
copilot-proxy
crabbox
cua-computer
deepgram
device-pair
document-extract
elevenlabs
fal
file-transfer
geolocation
github
github-copilot
google google-gemini-cli google-vertex
huggingface
imap
linux-node
litellm
llm-task
lmstudio
logbook
memory-core
memory-wiki
microsoft
microsoft-foundry
migrate-claude
migrate-hermes
minimax minimax-cn minimax-portal minimax-portal-auth minimax-portal-cn
nvidia
oc-path
ollama ollama-cloud
onepassword
azure-openai-responses openai
opencode-go
openrouter
policy
reef
runway
senseaudio
session-share
sglang
talk-voice
telegram
together
tts-local-cli
vault
vllm
web-readability
webhooks
workboard
x-ai xai
`)

// PluginIDSet is a set of lower-cased plugin ids and aliases.
type PluginIDSet map[string]bool

// Add puts an id (trimmed, lower-cased) into the set.
func (s PluginIDSet) Add(id string) {
	if id = strings.ToLower(strings.TrimSpace(id)); id != "" {
		s[id] = true
	}
}

// Has reports whether the trimmed, lower-cased id is in the set.
func (s PluginIDSet) Has(id string) bool { return s[strings.ToLower(strings.TrimSpace(id))] }

// KnownPluginIDs is every id a plugins.allow entry may name without being a
// phantom: bundled plugins and their aliases, installed plugin dir names, and
// the ids their openclaw.plugin.json manifests declare.
func KnownPluginIDs(snap *state.Snapshot, stateDir string, dirs []string) PluginIDSet {
	s := PluginIDSet{}
	for _, id := range bundledPluginIDs96 {
		s[id] = true
	}
	for _, d := range dirs {
		s[strings.ToLower(d)] = true
		if snap == nil {
			continue
		}
		data, err := snap.ReadFile(filepath.Join(ExtensionsDir(stateDir), d, "openclaw.plugin.json"))
		if err != nil || len(data) > MaxPackageJSON {
			continue
		}
		var m struct {
			ID any `json:"id"`
		}
		if json.Unmarshal(data, &m) == nil {
			if id, ok := m.ID.(string); ok && strings.TrimSpace(id) != "" {
				s[strings.ToLower(strings.TrimSpace(id))] = true
			}
		}
	}
	return s
}

// nativeCommandChannel describes a bundled channel plugin that registers
// native chat commands, and whether its skill commands default to on.
type nativeCommandChannel struct {
	id          string
	skillsAuto  bool
	credentials [][]string // alternative sets of fields that make an account configured
	envCreds    []string   // environment variables that configure the default account
}

// nativeCommandChannels are the bundled channels with native commands.
// 2026.9.6's CLI only loads telegram among them (the others are external
// packages there).
var nativeCommandChannels = []nativeCommandChannel{
	{id: "discord", skillsAuto: true, credentials: [][]string{{"token"}}, envCreds: []string{"DISCORD_BOT_TOKEN"}},
	{id: "mattermost", credentials: [][]string{{"botToken", "baseUrl"}}, envCreds: []string{"MATTERMOST_BOT_TOKEN", "MATTERMOST_URL"}},
	{id: "slack", credentials: [][]string{{"botToken", "appToken"}, {"botToken", "signingSecret"}}, envCreds: []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"}},
	{id: "telegram", skillsAuto: true, credentials: [][]string{{"botToken"}, {"tokenFile"}}, envCreds: []string{"TELEGRAM_BOT_TOKEN"}},
}

// NativeSkillChannels lists the configured, enabled channels whose native
// skill commands resolve to on (channels.<id>.commands.nativeSkills, else
// commands.nativeSkills, else the channel's default). Plugin skills are
// then chat commands, which makes an unpinned plugin set more dangerous.
//
// 2026.4.14's audit asks a channel registry that is still empty when the
// CLI runs it, so it never escalates (a configured Telegram bot gives warn);
// the 2026.4 profile reproduces that.
func NativeSkillChannels(compat check.Compat, root *config.Value, env config.Env) []string {
	if compat.Is414() {
		return nil
	}
	var out []string
	for _, ch := range nativeCommandChannels {
		if compat.Is96() && ch.id != "telegram" {
			continue
		}
		c := root.Get("channels", ch.id)
		if !c.IsObject() || c.Get("enabled").IsFalse() || !channelConfigured(c, ch, env) {
			continue
		}
		setting := c.Get("commands", "nativeSkills")
		if !setting.Present() {
			setting = root.Get("commands", "nativeSkills")
		}
		on := ch.skillsAuto
		if setting.IsTrue() {
			on = true
		} else if setting.IsFalse() {
			on = false
		}
		if on {
			out = append(out, ch.id)
		}
	}
	return out
}

func channelConfigured(c *config.Value, ch nativeCommandChannel, env config.Env) bool {
	has := func(obj *config.Value) bool {
		for _, set := range ch.credentials {
			all := true
			for _, f := range set {
				v := obj.Get(f)
				all = all && (v.Trimmed() != "" || v.IsObject())
			}
			if all {
				return true
			}
		}
		return false
	}
	if has(c) {
		return true
	}
	for _, a := range c.Get("accounts").Pairs() {
		if a.Value.IsObject() && !a.Value.Get("enabled").IsFalse() && has(a.Value) {
			return true
		}
	}
	for _, k := range ch.envCreds {
		if strings.TrimSpace(env.Get(k)) == "" {
			return false
		}
	}
	return len(ch.envCreds) > 0
}
