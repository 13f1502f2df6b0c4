package tools

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/json5"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// maxApprovalsBytes bounds the exec-approvals file we are willing to parse.
const maxApprovalsBytes = 4 << 20

// approvalAgent is one agents.<id> entry of the exec-approvals store.
type approvalAgent struct {
	ID              string
	AutoAllowSkills bool
	Patterns        []string
	Security        string // "" when unset
}

// approvals is the exec-approvals store as the audit reads it.
type approvals struct {
	DefaultsAutoAllowSkills bool
	DefaultsSecurity        string // "" when unset
	Agents                  []approvalAgent
}

// securityFor is the approvals store's security for an agent key: the
// agent's own, else the "*" entry's, else the defaults' ("" when none).
func (a approvals) securityFor(key string) string {
	for _, id := range []string{key, "*"} {
		for _, ag := range a.Agents {
			if ag.ID == id && ag.Security != "" {
				return ag.Security
			}
		}
	}
	return a.DefaultsSecurity
}

// approvalsPath is <home>/.openclaw/exec-approvals.json: the reference
// reads it from the home, not from the state dir.
func approvalsPath(p *check.Pass) string {
	home := p.Config.Paths.Home
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".openclaw", "exec-approvals.json")
}

// loadApprovals reads the exec-approvals store. Under the 2026.9 profile it
// is the exec_approvals_config row of the state database, as 2026.9.6 keeps
// it; without such a row (and always under 2026.4) it is the JSON file
// 2026.4.14 reads. 2026.9.6 refuses to run while only the legacy file
// exists; clawcheck audits it instead.
func loadApprovals(p *check.Pass) approvals {
	if p.State == nil {
		return approvals{}
	}
	if p.Compat.Is96() {
		if raw, err := openclaw.ReadExecApprovalsRow(p.State, p.Config.Paths.StateDir); err == nil && raw != nil {
			return parseApprovals("exec_approvals_config", raw)
		}
	}
	path := approvalsPath(p)
	if path == "" {
		return approvals{}
	}
	data, err := p.State.ReadFile(path)
	if err != nil {
		return approvals{}
	}
	return parseApprovals(path, data)
}

// parseApprovals reads one store document. A document that is oversized,
// not JSON or whose version is not 1 counts as empty, as upstream treats it.
func parseApprovals(name string, data []byte) approvals {
	var out approvals
	if len(data) > maxApprovalsBytes {
		return out
	}
	doc, err := json5.ParseLimits(name, data, json5.Limits{MaxBytes: maxApprovalsBytes, MaxDepth: 64})
	if err != nil || !doc.StrictJSON {
		return out
	}
	root := doc.Root
	if v := lookup(root, "version"); v == nil || v.Kind != json5.Number || v.Number != 1 {
		return out
	}
	if b := lookup(lookup(root, "defaults"), "autoAllowSkills"); b != nil && b.Kind == json5.Bool && b.Bool {
		out.DefaultsAutoAllowSkills = true
	}
	out.DefaultsSecurity = securityValue(lookup(lookup(root, "defaults"), "security"))
	agents := lookup(root, "agents")
	if agents == nil || agents.Kind != json5.Object {
		return out
	}
	index := map[string]int{}
	var legacy *json5.Node
	for _, m := range agents.Members {
		if m.Key == "default" {
			legacy = m.Value
			continue
		}
		if i, ok := index[m.Key]; ok {
			out.Agents[i] = readApprovalAgent(m.Key, m.Value)
			continue
		}
		index[m.Key] = len(out.Agents)
		out.Agents = append(out.Agents, readApprovalAgent(m.Key, m.Value))
	}
	// A legacy agents.default entry is folded into agents.main, its
	// allowlist entries after main's.
	if legacy != nil && legacy.Kind == json5.Object {
		l := readApprovalAgent("main", legacy)
		if i, ok := index["main"]; ok {
			out.Agents[i].AutoAllowSkills = out.Agents[i].AutoAllowSkills || l.AutoAllowSkills
			out.Agents[i].Patterns = append(out.Agents[i].Patterns, l.Patterns...)
		} else {
			out.Agents = append(out.Agents, l)
		}
	}
	return out
}

// securityValue is a valid exec security value, or "".
func securityValue(n *json5.Node) string {
	if n == nil || n.Kind != json5.String {
		return ""
	}
	switch n.Str {
	case "deny", "allowlist", "full":
		return n.Str
	}
	return ""
}

func lookup(n *json5.Node, key string) *json5.Node {
	if m := n.Lookup(key); m != nil {
		return m.Value
	}
	return nil
}

func readApprovalAgent(id string, n *json5.Node) approvalAgent {
	a := approvalAgent{ID: id}
	if n == nil || n.Kind != json5.Object {
		return a
	}
	if b := lookup(n, "autoAllowSkills"); b != nil && b.Kind == json5.Bool && b.Bool {
		a.AutoAllowSkills = true
	}
	a.Security = securityValue(lookup(n, "security"))
	if list := lookup(n, "allowlist"); list != nil && list.Kind == json5.Array {
		for _, e := range list.Elems {
			if pat := lookup(e, "pattern"); pat != nil && pat.Kind == json5.String {
				a.Patterns = append(a.Patterns, pat.Str)
			}
		}
	}
	return a
}

// ExecAutoAllowSkills: autoAllowSkills trusts every binary a skill names.
var ExecAutoAllowSkills = &check.Check{
	ID:          "tools.exec.auto_allow_skills_enabled",
	Severity:    check.Warn,
	Title:       "Exec approvals trust skill binaries automatically",
	Remediation: "Set autoAllowSkills to false in the exec-approvals store (defaults and every agent) and allowlist the few binaries you need by hand.",
	Doc:         "With autoAllowSkills on, every executable that an installed skill declares is added to the host exec allowlist without review. Installing or editing a skill then silently widens what the agent may run on the host.",
	Needs:       check.NeedsState,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		ap := loadApprovals(p)
		var hits []string
		if ap.DefaultsAutoAllowSkills {
			hits = append(hits, "defaults.autoAllowSkills")
		}
		for _, a := range ap.Agents {
			if a.AutoAllowSkills {
				hits = append(hits, "agents."+a.ID+".autoAllowSkills")
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail: "autoAllowSkills is on in the exec-approvals store at:\n- " + strings.Join(hits, "\n- "),
		})
		return nil
	},
}

// ExecInterpreterWithoutStrictInlineEval: allowlisting an interpreter
// without strict inline-eval lets "python -c …" run arbitrary code.
var ExecInterpreterWithoutStrictInlineEval = &check.Check{
	ID:          "tools.exec.allowlist_interpreter_without_strict_inline_eval",
	Severity:    check.Warn,
	Title:       "Interpreters are allowlisted without strict inline-eval checks",
	Remediation: "Set tools.exec.strictInlineEval to true (or per agent tools.exec.strictInlineEval) so inline code such as python -c or node -e needs approval, or remove the interpreter entries from the allowlist.",
	Doc:         "An exec allowlist entry for an interpreter (python, node, ruby, perl, php, lua, osascript, find, xargs, make, sed, awk, …) approves the binary, and therefore any code passed to it inline. strictInlineEval makes inline evaluation go through approval again; without it, the allowlist entry is effectively \"run anything\".",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		global := root.Get("tools", "exec", "strictInlineEval").IsTrue()
		strict := func(id string) bool {
			if id == "*" || (p.Compat.Is414() && id == "main") {
				return global
			}
			var entry *toolpolicy.Agent
			for _, a := range toolpolicy.Roster(root) {
				if a.ID == id {
					a := a
					entry = &a
					break
				}
			}
			if entry == nil {
				return global
			}
			v := entry.Value.Get("tools", "exec", "strictInlineEval")
			if p.Compat.Is414() {
				return v.IsTrue() || global
			}
			if v.Present() {
				return v.Truthy()
			}
			return global
		}
		var hits []string
		for _, a := range loadApprovals(p).Agents {
			if strict(a.ID) {
				continue
			}
			for _, pat := range a.Patterns {
				if interpreterPattern(p.Compat, pat) {
					hits = append(hits, "agents."+a.ID+".allowlist: "+pat)
				}
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail: "Interpreter entries in the exec approvals allowlist while strictInlineEval is off:\n- " + strings.Join(hits, "\n- "),
		})
		return nil
	},
}

var interpreterNames414 = setOf("python", "python2", "python3", "pypy", "pypy3", "node", "nodejs", "bun", "deno",
	"awk", "gawk", "mawk", "nawk", "ruby", "perl", "php", "lua", "osascript", "find", "make", "gmake", "sed", "gsed", "xargs")

var interpreterNames96 = setOf("python", "python2", "python3", "pypy", "pypy3", "node", "nodejs", "bun", "deno",
	"awk", "gawk", "mawk", "nawk", "ruby", "perl", "php", "r", "rscript", "julia", "elixir", "iex", "guile", "groovy",
	"scala", "scala-cli", "clojure", "clj", "raku", "perl6", "ghc", "ghci", "erl", "werl", "gdb", "expect", "lua",
	"osascript", "find", "make", "gmake", "sed", "gsed", "xargs")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var (
	winSuffix     = regexp.MustCompile(`\.(exe|cmd|bat|com)$`)
	versionSuffix = regexp.MustCompile(`-?\d+(\.\d+)*$`)
	globChars     = regexp.MustCompile(`[*?\[\]{}()]`)
	trailingDots  = regexp.MustCompile(`[.-]+$`)
)

// executableToken is the shorter of the POSIX and the Windows basename,
// without a Windows executable suffix.
func executableToken(s string) string {
	posix := s
	if i := strings.LastIndex(posix, "/"); i >= 0 {
		posix = posix[i+1:]
	}
	win := s
	if len(win) >= 2 && win[1] == ':' {
		win = win[2:]
	}
	if i := strings.LastIndexAny(win, `/\`); i >= 0 {
		win = win[i+1:]
	}
	base := posix
	if len(win) < len(posix) {
		base = win
	}
	return winSuffix.ReplaceAllString(base, "")
}

// variants is a name plus, under 2026.9, its version-stripped form.
func variants(compat check.Compat, name string) []string {
	out := []string{name}
	if compat.Is96() {
		if v := versionSuffix.ReplaceAllString(name, ""); v != name && len(v) >= 2 {
			out = append(out, v)
		}
	}
	return out
}

// interpreterPattern reports whether an exec-approvals allowlist pattern
// names an interpreter-like executable.
func interpreterPattern(compat check.Compat, pattern string) bool {
	names := interpreterNames414
	if compat.Is96() {
		names = interpreterNames96
	}
	t := strings.ToLower(strings.TrimSpace(pattern))
	if t == "" {
		return false
	}
	for _, v := range variants(compat, executableToken(t)) {
		if names[v] {
			return true
		}
	}
	base := strings.ReplaceAll(t, `\`, "/")
	if i := strings.LastIndex(base, "/"); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, ".exe")
	base = globChars.ReplaceAllString(base, "")
	if compat.Is96() {
		base = trailingDots.ReplaceAllString(base, "")
	}
	for _, v := range variants(compat, base) {
		if names[v] {
			return true
		}
	}
	return false
}
