package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (relative path → content) under a new temp dir.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(dir, rel)
		must(t, os.MkdirAll(filepath.Dir(p), 0o700))
		must(t, os.WriteFile(p, []byte(content), 0o600))
	}
	return dir
}

func load(t *testing.T, dir string, env Env) (*Config, error) {
	t.Helper()
	if env == nil {
		env = Env{}
	}
	env["HOME"] = dir
	paths, err := Locate(env, LocateOptions{Cwd: dir})
	if err != nil {
		t.Fatal(err)
	}
	return Load(paths, LoadOptions{Env: env, Cwd: dir})
}

// plain renders a Value as compact JSON for comparisons.
func plain(v *Value) string {
	var conv func(*Value) any
	conv = func(v *Value) any {
		switch v.Kind {
		case Bool:
			return v.Bool
		case Number:
			return v.Num
		case String:
			return v.Str
		case Array:
			out := []any{}
			for _, e := range v.Elems {
				out = append(out, conv(e))
			}
			return out
		case Object:
			var b strings.Builder
			b.WriteString("{")
			for i, m := range v.Members {
				if i > 0 {
					b.WriteString(",")
				}
				k, _ := json.Marshal(m.Key)
				val, _ := json.Marshal(conv(m.Value))
				b.Write(k)
				b.WriteString(":")
				b.Write(val)
			}
			b.WriteString("}")
			return json.RawMessage(b.String())
		}
		return nil
	}
	out, _ := json.Marshal(conv(v))
	return string(out)
}

func TestLoadMissingConfig(t *testing.T) {
	cfg, err := load(t, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Exists || plain(cfg.Root) != "{}" {
		t.Errorf("exists=%v root=%s", cfg.Exists, plain(cfg.Root))
	}
}

func TestLoadIncludes(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json": `{
  $include: ["./a.json5", "./b.json5"],
  gateway: { bind: "lan", trustedProxies: ["127.0.0.1"] },
}`,
		".openclaw/a.json5":         `{ gateway: { bind: "loopback", trustedProxies: ["10.0.0.1"], port: 1 } }`,
		".openclaw/b.json5":         `{ gateway: { trustedProxies: ["10.0.0.2"] }, channels: { $include: "conf.d/tg.json5" } }`,
		".openclaw/conf.d/tg.json5": `{ telegram: { groupPolicy: "open" } }`,
	})
	cfg, err := load(t, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"gateway":{"bind":"lan","trustedProxies":["10.0.0.1","10.0.0.2","127.0.0.1"],"port":1},"channels":{"telegram":{"groupPolicy":"open"}}}`
	if got := plain(cfg.Root); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var names []string
	for _, f := range cfg.IncludeFiles {
		names = append(names, filepath.Base(f))
	}
	if strings.Join(names, ",") != "a.json5,b.json5,tg.json5" {
		t.Errorf("include files %v", names)
	}
	// Provenance: the telegram policy comes from the nested include.
	gp := cfg.Root.Get("channels", "telegram", "groupPolicy")
	if filepath.Base(gp.Origin.File) != "tg.json5" || gp.Origin.Line != 1 || gp.Origin.Col != 28 {
		t.Errorf("origin %+v", gp.Origin)
	}
}

func TestLoadIncludeLoneDirective(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json": `{ tools: { deny: { $include: "deny.json" } } }`,
		".openclaw/deny.json":     `["exec", "browser"]`,
	})
	cfg, err := load(t, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := plain(cfg.Root); got != `{"tools":{"deny":["exec","browser"]}}` {
		t.Errorf("got %s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	deep := map[string]string{".openclaw/openclaw.json": `{ $include: "i1.json" }`}
	for i := 1; i <= 11; i++ {
		deep[fmt.Sprintf(".openclaw/i%d.json", i)] = fmt.Sprintf(`{ "$include": "i%d.json", "v%d": 1 }`, i+1, i)
	}
	deep[".openclaw/i12.json"] = `{}`
	tests := []struct {
		name  string
		files map[string]string
		want  string // substring of the error, after file:line:col
	}{
		{"syntax", map[string]string{".openclaw/openclaw.json": "{\n  gateway: {bind: 'lan',,}\n}"}, "openclaw.json:2:"},
		{"empty file", map[string]string{".openclaw/openclaw.json": ""}, "openclaw.json:1:1"},
		{"root array", map[string]string{".openclaw/openclaw.json": "[1]"}, "must be an object, got array"},
		{"root null", map[string]string{".openclaw/openclaw.json": "null"}, "got null"},
		{"missing include", map[string]string{".openclaw/openclaw.json": "{\n $include: './nope.json' }"}, "openclaw.json:2:12: $include \"./nope.json\": file"},
		{"bad include type", map[string]string{".openclaw/openclaw.json": `{ $include: 3 }`}, "must be a string or an array of strings"},
		{"escaping include", map[string]string{".openclaw/openclaw.json": `{ $include: "../outside.json" }`, "outside.json": "{}"}, "outside the config directory"},
		{"cycle", map[string]string{".openclaw/openclaw.json": `{ $include: "a.json" }`, ".openclaw/a.json": `{ $include: "b.json" }`, ".openclaw/b.json": `{ $include: "a.json" }`}, "$include cycle"},
		{"unparsable include", map[string]string{".openclaw/openclaw.json": `{ $include: "a.json" }`, ".openclaw/a.json": `{ x: }`}, "a.json:1:"},
		{"sibling over non-object", map[string]string{".openclaw/openclaw.json": `{ $include: "a.json", x: 1 }`, ".openclaw/a.json": `[1]`}, "must include an object"},
		{"env not expanded in include path", map[string]string{".openclaw/openclaw.json": `{ $include: "${DIR}/a.json" }`}, "does not exist"},
		{"too deep", deep, "nesting is deeper than 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tree(t, tt.files)
			_, err := load(t, dir, Env{"DIR": dir})
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a config error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
}

func TestIncludeDepthTen(t *testing.T) {
	files := map[string]string{".openclaw/openclaw.json": `{ $include: "i1.json" }`}
	for i := 1; i < 10; i++ {
		files[fmt.Sprintf(".openclaw/i%d.json", i)] = fmt.Sprintf(`{ "$include": "i%d.json" }`, i+1)
	}
	files[".openclaw/i10.json"] = `{ "deepest": true }`
	cfg, err := load(t, tree(t, files), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Root.Get("deepest").IsTrue() || len(cfg.IncludeFiles) != 10 {
		t.Errorf("root %s, %d includes", plain(cfg.Root), len(cfg.IncludeFiles))
	}
}

func TestIncludeRootsEnv(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json": "",
		"common/gw.json":          `{ gateway: { bind: "lan" } }`,
	})
	must(t, os.WriteFile(filepath.Join(dir, ".openclaw/openclaw.json"),
		[]byte(fmt.Sprintf(`{ $include: %q }`, filepath.Join(dir, "common/gw.json"))), 0o600))
	if _, err := load(t, dir, nil); err == nil {
		t.Fatal("include outside the roots was accepted")
	}
	cfg, err := load(t, dir, Env{"OPENCLAW_INCLUDE_ROOTS": "/nonexistent:" + filepath.Join(dir, "common")})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Root.Get("gateway", "bind").StringOr("") != "lan" {
		t.Errorf("root %s", plain(cfg.Root))
	}
}

func TestIncludeSymlinkEscape(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json": `{ $include: "link.json" }`,
		"secret.json":             `{ stolen: true }`,
	})
	must(t, os.Symlink(filepath.Join(dir, "secret.json"), filepath.Join(dir, ".openclaw/link.json")))
	_, err := load(t, dir, nil)
	if err == nil || !strings.Contains(err.Error(), "follows a symlink") {
		t.Fatalf("got %v", err)
	}
}

func TestIncludeHardLinkRefused(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json": `{ $include: "a.json" }`,
		".openclaw/a.json":        `{}`,
	})
	must(t, os.Link(filepath.Join(dir, ".openclaw/a.json"), filepath.Join(dir, "other.json")))
	if _, err := load(t, dir, nil); err == nil || !strings.Contains(err.Error(), "hard links; it must have one") {
		t.Fatalf("got %v", err)
	}
}

func TestDuplicateKeysWarn(t *testing.T) {
	cfg, err := load(t, tree(t, map[string]string{".openclaw/openclaw.json": `{"gateway":{"bind":"lan","bind":"loopback"}}`}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Root.Get("gateway", "bind").StringOr("") != "loopback" {
		t.Error("last duplicate should win")
	}
	if len(cfg.Warnings) != 1 || !strings.Contains(cfg.Warnings[0], `duplicate key "bind"`) {
		t.Errorf("warnings %q", cfg.Warnings)
	}
}

func TestEnvSources(t *testing.T) {
	dir := tree(t, map[string]string{
		".openclaw/openclaw.json":      `{ env: { vars: { FROM_CFGENV: "cfgenv-value" } }, x: ["${FROM_DOTENV}", "${FROM_CFGENV}", "${FROM_GATEWAY_ENV}", "${SET}", "${MISSING_VAR}"] }`,
		".openclaw/.env":               "FROM_DOTENV=dotenv-value\nSET=from-file\n",
		".config/openclaw/gateway.env": "FROM_GATEWAY_ENV=gw\n",
		".env":                         "OPENAI_API_KEY=blocked\n",
	})
	cfg, err := load(t, dir, Env{"SET": "from-process"})
	if err != nil {
		t.Fatal(err)
	}
	if got := plain(cfg.Root.Get("x")); got != `["dotenv-value","cfgenv-value","gw","from-process","${MISSING_VAR}"]` {
		t.Errorf("got %s", got)
	}
	if _, ok := cfg.Env["OPENAI_API_KEY"]; ok {
		t.Error("a provider key from the working directory's .env was applied")
	}
	if len(cfg.Warnings) != 1 || !strings.Contains(cfg.Warnings[0], "MISSING_VAR") || !strings.Contains(cfg.Warnings[0], "x[4]") {
		t.Errorf("warnings %q", cfg.Warnings)
	}
}

func TestRemoveByOrigin(t *testing.T) {
	cfg, err := load(t, tree(t, map[string]string{".openclaw/openclaw.json": `{ a: { b: 1, c: [2, 3] }, d: 4 }`}), nil)
	if err != nil {
		t.Fatal(err)
	}
	root := cfg.Root
	for _, v := range []*Value{root.Get("a", "c").Index(0), root.Get("a", "b"), root.Get("d")} {
		if !root.RemoveByOrigin(v.Origin) {
			t.Fatalf("value at %s not removed", v.Origin)
		}
	}
	if got := plain(root); got != `{"a":{"c":[3]}}` {
		t.Errorf("got %s", got)
	}
	if root.RemoveByOrigin(Origin{File: "x", Start: 1}) {
		t.Error("removed a value that does not exist")
	}
}

// Including the same file over and over is bounded, so a hostile config
// cannot keep the auditor busy.
func TestIncludeWorkIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{ $include: [`)
	for i := 0; i <= MaxIncludeReads; i++ {
		b.WriteString(`"a.json",`)
	}
	b.WriteString(`] }`)
	dir := tree(t, map[string]string{".openclaw/openclaw.json": b.String(), ".openclaw/a.json": `{ x: [1] }`})
	if _, err := load(t, dir, nil); err == nil || !strings.Contains(err.Error(), "more than 1000 $include files") {
		t.Fatalf("got %v", err)
	}
	big := `{ pad: "` + strings.Repeat("x", MaxIncludeBytes-20) + `" }`
	var c strings.Builder
	c.WriteString(`{ $include: [`)
	for i := 0; i < 40; i++ {
		c.WriteString(`"big.json",`)
	}
	c.WriteString(`] }`)
	dir = tree(t, map[string]string{".openclaw/openclaw.json": c.String(), ".openclaw/big.json": big})
	if _, err := load(t, dir, nil); err == nil || !strings.Contains(err.Error(), "add up to more than") {
		t.Fatalf("got %v", err)
	}
}
