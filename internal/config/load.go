package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/clawcheck/clawcheck/internal/json5"
)

// Limits on what the loader reads. They keep a hostile config from exhausting
// memory; upstream's include guards are the same numbers.
const (
	MaxConfigBytes  = 4 << 20 // the main config file (real ones are a few KiB)
	MaxIncludeBytes = 2 << 20 // one include file (upstream: 2 MiB)
	MaxIncludeDepth = 10      // nested include files (upstream: 10)
	MaxPathLen      = 4096    // include path and resolved path (upstream)
	// Upstream has no bound on how often files are included; a config that
	// includes the same 2 MiB file a million times would keep an auditor
	// busy for hours. These bound the work of one load.
	MaxIncludeReads = 1000     // include directives followed in one load
	MaxIncludeTotal = 64 << 20 // bytes read from include files in one load
	MaxNesting      = 256      // JSON nesting in one file
)

// File is one config file that was read: the main file or an include.
type File struct {
	Path     string // absolute lexical path
	RealPath string // symlinks resolved
	Doc      *json5.Document
	Include  bool
}

// Config is a loaded installation configuration.
type Config struct {
	Paths  Paths
	Exists bool   // the config file exists
	Root   *Value // resolved; an empty object when there is no file
	Files  []*File
	// IncludeFiles are the canonical paths of every include file, in discovery order.
	IncludeFiles []string
	// Env is the environment the config was resolved with: the process
	// environment plus dotenv files and the config's env vars, never overriding.
	Env Env
	// Secrets holds every SecretRef and secret-shaped input the loader saw,
	// by config path.
	Secrets map[string]*SecretInput
	// Diagnostics are secretDiagnostics lines; Warnings go to stderr.
	Diagnostics []string
	Warnings    []string
	// SecretValues are literal secret values found anywhere (config, env,
	// dotenv), for the single redaction point.
	SecretValues []string
}

// LoadOptions are inputs to Load.
type LoadOptions struct {
	Env Env    // the process environment
	Cwd string // for <cwd>/.env and relative paths
}

// Error is a config that cannot be read: not JSON5, or an include that fails.
// It always names the file and, when known, the position.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return e.File + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Load reads the config at paths.ConfigPath with its includes, then applies
// the environment and resolves SecretRefs read-only. A missing config file is
// not an error: the result is an empty config.
func Load(paths Paths, opt LoadOptions) (*Config, error) {
	cfg := &Config{Paths: paths, Root: NewObject(), Secrets: map[string]*SecretInput{}}
	env := make(Env, len(opt.Env))
	for k, v := range opt.Env {
		env[k] = v
	}
	cfg.Env = env

	src, err := readBounded(paths.ConfigPath, MaxConfigBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Audited on defaults, as upstream does.
	case err != nil:
		return nil, &Error{File: paths.ConfigPath, Msg: err.Error(), Err: err}
	default:
		cfg.Exists = true
		l := &loader{cfg: cfg, roots: includeRoots(paths, opt.Env)}
		root, err := l.loadFile(paths.ConfigPath, src, nil, Origin{})
		if err != nil {
			return nil, err
		}
		if root.Kind != Object {
			return nil, &Error{File: paths.ConfigPath, Line: root.Origin.Line, Col: root.Origin.Col,
				Msg: fmt.Sprintf("the config must be an object, got %s", root.Kind)}
		}
		cfg.Root = root
	}

	loadEnvFiles(cfg, opt.Cwd)
	applyConfigEnv(cfg)
	substituteEnv(cfg)
	resolveSecrets(cfg)
	collectSecretValues(cfg)
	return cfg, nil
}

// readBounded reads a regular file without blocking on FIFOs or devices and
// without reading more than limit bytes.
func readBounded(path string, limit int64) ([]byte, error) {
	return readOpened(openNoBlock, path, limit)
}

func readOpened(open func(string) (*os.File, error), path string, limit int64) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, errors.New("is a directory, not a file")
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("is a %s, not a regular file", fileType(fi.Mode()))
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", fi.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the %d-byte limit", limit)
	}
	return data, nil
}

// fileType names a non-regular file's type for error messages.
func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "FIFO"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	}
	return "special file"
}

type loader struct {
	cfg   *Config
	roots []string
	reads int   // include files read so far
	bytes int64 // bytes read from include files so far
}

// loadFile parses one file and converts it, resolving its includes. chain is
// the real paths of the files including this one, for cycle and depth errors.
func (l *loader) loadFile(path string, src []byte, chain []string, from Origin) (*Value, error) {
	doc, err := json5.ParseLimits(path, src, json5.Limits{MaxBytes: MaxConfigBytes, MaxDepth: MaxNesting})
	if err != nil {
		var se *json5.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{File: path, Line: se.Line, Col: se.Col, Msg: se.Msg, Err: err}
		}
		return nil, &Error{File: path, Msg: err.Error(), Err: err}
	}
	real, rerr := filepath.EvalSymlinks(path)
	if rerr != nil {
		real = path
	}
	l.cfg.Files = append(l.cfg.Files, &File{Path: path, RealPath: real, Doc: doc, Include: len(chain) > 0})
	for _, d := range doc.Duplicates {
		p := doc.Position(d.Second.KeyStart)
		l.cfg.Warnings = append(l.cfg.Warnings,
			fmt.Sprintf("%s:%d:%d: duplicate key %q: the last value wins", path, p.Line, p.Col, d.Key))
	}
	c := converter{l: l, doc: doc, file: path, chain: append(chain[:len(chain):len(chain)], real)}
	return c.convert(doc.Root, 0)
}

type converter struct {
	l     *loader
	doc   *json5.Document
	file  string
	chain []string
}

func (c *converter) origin(start, end int) Origin {
	p := c.doc.Position(start)
	return Origin{File: c.file, Start: start, End: end, Line: p.Line, Col: p.Col}
}

func (c *converter) errorAt(off int, format string, args ...any) error {
	p := c.doc.Position(off)
	return &Error{File: c.file, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)}
}

func (c *converter) convert(n *json5.Node, depth int) (*Value, error) {
	v := &Value{Origin: c.origin(n.Start, n.End)}
	switch n.Kind {
	case json5.Null:
		v.Kind = Null
	case json5.Bool:
		v.Kind, v.Bool = Bool, n.Bool
	case json5.Number:
		v.Kind, v.Num = Number, n.Number
	case json5.String:
		v.Kind, v.Str = String, n.Str
	case json5.Array:
		v.Kind = Array
		v.Elems = make([]*Value, 0, len(n.Elems))
		for _, e := range n.Elems {
			ev, err := c.convert(e, depth+1)
			if err != nil {
				return nil, err
			}
			v.Elems = append(v.Elems, ev)
		}
	case json5.Object:
		v.Kind = Object
		v.Members = []Member{}
		var include *json5.Member
		siblings := false
		at := make(map[string]int, len(n.Members)) // key → index in v.Members: linear, not quadratic, in the member count
		for _, m := range n.Members {
			if m.Key == "$include" {
				include = m // duplicates: the last one wins, like any key
				continue
			}
			siblings = true
			mv, err := c.convert(m.Value, depth+1)
			if err != nil {
				return nil, err
			}
			// Upstream rebuilds every object by assignment, and assigning
			// to __proto__ never creates a key: the member vanishes (its
			// value is still resolved, so its includes can still fail).
			if m.Key == "__proto__" {
				continue
			}
			v.setAt(at, m.Key, mv, c.origin(m.KeyStart, m.KeyEnd))
		}
		if include != nil {
			return c.applyInclude(v, include, siblings)
		}
	}
	return v, nil
}

// applyInclude resolves one $include directive found in obj (whose other keys
// are already converted) and merges as upstream does: a lone directive
// becomes the included value; sibling keys (siblings reports whether the
// source had any, a dropped __proto__ included) merge over the included
// object. The files of an array are merged in order into {}, so arrays
// concatenate and a file holding a non-object replaces what came before.
func (c *converter) applyInclude(obj *Value, m *json5.Member, siblings bool) (*Value, error) {
	var targets []*json5.Node
	switch m.Value.Kind {
	case json5.String:
		targets = []*json5.Node{m.Value}
	case json5.Array:
		for _, e := range m.Value.Elems {
			if e.Kind != json5.String {
				return nil, c.errorAt(e.Start, "$include entries must be strings, got %s", e.Kind)
			}
		}
		targets = m.Value.Elems
	default:
		return nil, c.errorAt(m.Value.Start, "$include must be a string or an array of strings, got %s", m.Value.Kind)
	}

	var included *Value
	if m.Value.Kind == json5.Array {
		included = NewObject()
		included.Origin = c.origin(m.Value.Start, m.Value.End)
	}
	for _, t := range targets {
		val, err := c.includeFile(t)
		if err != nil {
			return nil, err
		}
		if m.Value.Kind == json5.String {
			included = val
			break
		}
		included = deepMerge(included, val)
	}
	if !siblings {
		return included, nil
	}
	if included.Kind != Object {
		return nil, c.errorAt(m.Value.Start, "$include next to other keys must include an object, got %s", included.Kind)
	}
	merged := deepMerge(included, obj)
	merged.Origin = obj.Origin
	return merged, nil
}

func (c *converter) includeFile(t *json5.Node) (*Value, error) {
	ref := t.Str
	if strings.ContainsRune(ref, 0) {
		return nil, c.errorAt(t.Start, "$include path contains a NUL byte")
	}
	if len(ref) >= MaxPathLen {
		return nil, c.errorAt(t.Start, "$include path is %d characters long (limit %d)", len(ref), MaxPathLen)
	}
	if strings.TrimSpace(ref) == "" {
		return nil, c.errorAt(t.Start, "$include path is empty")
	}
	path := ref
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(c.file), path)
	}
	path = filepath.Clean(path)
	if !within(path, c.l.roots) {
		return nil, c.errorAt(t.Start, "$include %q resolves to %s, outside the config directory and OPENCLAW_INCLUDE_ROOTS", ref, path)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, c.errorAt(t.Start, "$include %q: file %s does not exist", ref, path)
		}
		return nil, c.errorAt(t.Start, "$include %q: %v", ref, err)
	}
	if len(real) >= MaxPathLen {
		return nil, c.errorAt(t.Start, "$include %q resolves to a path longer than %d characters", ref, MaxPathLen)
	}
	if !within(real, c.l.realRoots()) && !within(real, c.l.roots) {
		return nil, c.errorAt(t.Start, "$include %q follows a symlink to %s, outside the config directory and OPENCLAW_INCLUDE_ROOTS", ref, real)
	}
	for i, seen := range c.chain {
		if seen == real {
			cycle := append(append([]string{}, c.chain[i:]...), real)
			return nil, c.errorAt(t.Start, "$include cycle: %s", strings.Join(cycle, " -> "))
		}
	}
	if len(c.chain) > MaxIncludeDepth {
		return nil, c.errorAt(t.Start, "$include nesting is deeper than %d files", MaxIncludeDepth)
	}
	if err := checkSingleLinkFile(real, MaxIncludeBytes); err != nil {
		return nil, c.errorAt(t.Start, "$include %q: %s: %v", ref, real, err)
	}
	if c.l.reads++; c.l.reads > MaxIncludeReads {
		return nil, c.errorAt(t.Start, "more than %d $include files in one config", MaxIncludeReads)
	}
	src, err := readBounded(real, MaxIncludeBytes)
	if err != nil {
		return nil, c.errorAt(t.Start, "$include %q: %s: %v", ref, real, err)
	}
	if c.l.bytes += int64(len(src)); c.l.bytes > MaxIncludeTotal {
		return nil, c.errorAt(t.Start, "$include files add up to more than %d bytes", MaxIncludeTotal)
	}
	c.l.recordInclude(real)
	return c.l.loadFile(path, src, c.chain, c.origin(t.Start, t.End))
}

// checkSingleLinkFile applies upstream's guards to an include target or a
// secret file: a regular file within the size limit with a single link, so a
// hard link cannot smuggle in a file from somewhere else.
func checkSingleLinkFile(real string, limit int64) error {
	fi, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if fi.Size() > limit {
		return fmt.Errorf("file is %d bytes, over the %d-byte limit", fi.Size(), limit)
	}
	if n, ok := linkCount(fi); ok && n > 1 {
		return fmt.Errorf("file has %d hard links; it must have one", n)
	}
	return nil
}

func (l *loader) recordInclude(real string) {
	for _, p := range l.cfg.IncludeFiles {
		if p == real {
			return
		}
	}
	l.cfg.IncludeFiles = append(l.cfg.IncludeFiles, real)
}

func (l *loader) realRoots() []string {
	out := make([]string, 0, len(l.roots))
	for _, r := range l.roots {
		if real, err := filepath.EvalSymlinks(r); err == nil {
			out = append(out, real)
		}
	}
	return out
}

// includeRoots are the main config's directory and every absolute entry of
// OPENCLAW_INCLUDE_ROOTS.
func includeRoots(paths Paths, env Env) []string {
	roots := []string{filepath.Dir(paths.ConfigPath)}
	home := firstNonEmpty(env.Get("HOME"), env.Get("USERPROFILE"), paths.Home)
	for _, r := range filepath.SplitList(env.Get("OPENCLAW_INCLUDE_ROOTS")) {
		r = expandTilde(strings.TrimSpace(r), home)
		if filepath.IsAbs(r) {
			roots = append(roots, filepath.Clean(r))
		}
	}
	return roots
}

// within reports whether path equals or lies below one of roots (lexically).
func within(path string, roots []string) bool {
	for _, r := range roots {
		rel, err := filepath.Rel(r, path)
		if err != nil {
			continue
		}
		if rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
			return true
		}
	}
	return false
}

// blockedMergeKeys are skipped when an object is merged over another:
// upstream drops them there to avoid prototype pollution.
var blockedMergeKeys = map[string]bool{"__proto__": true, "constructor": true, "prototype": true}

// deepMerge merges over onto base: objects recursively, arrays concatenated,
// anything else replaced by the later value. Neither input is modified.
func deepMerge(base, over *Value) *Value {
	if base == nil || base.Kind != Object || over.Kind != Object {
		if base != nil && base.Kind == Array && over.Kind == Array {
			out := &Value{Kind: Array, Origin: over.Origin}
			out.Elems = append(append([]*Value{}, base.Elems...), over.Elems...)
			return out
		}
		return over
	}
	out := &Value{Kind: Object, Origin: base.Origin, Members: make([]Member, 0, len(base.Members)+len(over.Members))}
	// Upstream copies every key of the base and skips only the blocked
	// keys of the object merged over it.
	out.Members = append(out.Members, base.Members...)
	for _, m := range over.Members {
		if blockedMergeKeys[m.Key] {
			continue
		}
		if prev := out.Get(m.Key); prev != nil {
			out.Set(m.Key, deepMerge(prev, m.Value), m.KeyOrigin)
		} else {
			out.Set(m.Key, m.Value, m.KeyOrigin)
		}
	}
	return out
}
