package codesafety

import (
	"regexp"
	"sort"
	"strings"
)

// stripComments removes // and /* */ comments the way upstream's heuristic
// stripper does: strings ('…', "…", `…`) are kept with their escapes, block
// comments keep their newlines so that line numbers stay put, and regexp
// literals are not recognised (neither are they upstream).
func stripComments(src string) string {
	if !strings.Contains(src, "/") {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	var quote byte
	escaped, block := false, false
	for i := 0; i < len(src); i++ {
		ch := src[i]
		var next byte
		if i+1 < len(src) {
			next = src[i+1]
		}
		switch {
		case block:
			if ch == '*' && next == '/' {
				block = false
				i++
			} else if ch == '\n' {
				b.WriteByte('\n')
			}
		case quote != 0:
			b.WriteByte(ch)
			switch {
			case escaped:
				escaped = false
			case ch == '\\':
				escaped = true
			case ch == quote:
				quote = 0
			}
		case ch == '\'' || ch == '"' || ch == '`':
			quote = ch
			b.WriteByte(ch)
		case ch == '/' && next == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			if i < len(src) {
				b.WriteByte('\n')
			}
		case ch == '/' && next == '*':
			block = true
			i++
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// bindings are the names under which a file imports child_process: aliases
// of its exec-like methods (alias → method) and namespace names.
type bindings struct {
	methods    map[string]string
	namespaces map[string]bool
}

const cpModule = `["'](?:node:)?child_process["']`

var (
	reESMNamed     = regexp.MustCompile(`\bimport\s*\{([^}]*)\}\s*from\s*` + cpModule)
	reESMDefault   = regexp.MustCompile(`\bimport\s+(\w+)\s+from\s*` + cpModule)
	reESMNamespace = regexp.MustCompile(`\bimport\s*\*\s*as\s+(\w+)\s+from\s*` + cpModule)
	reCJSDestruct  = regexp.MustCompile(`\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*` + cpModule + `\s*\)`)
	reCJSNamespace = regexp.MustCompile(`\b(?:const|let|var)\s+(\w+)\s*=\s*require\s*\(\s*` + cpModule + `\s*\)`)
	reSpecAs       = regexp.MustCompile(`^(\w+)\s+as\s+(\w+)$`)
	reSpecColon    = regexp.MustCompile(`^(\w+)\s*:\s*(\w+)$`)
	reTrailWord    = regexp.MustCompile(`(\w+)\s*$`)
	reTrailBracket = regexp.MustCompile(`(\w+)\s*\[\s*$`)
)

var execMethodSet = map[string]bool{
	"exec": true, "execSync": true, "spawn": true, "spawnSync": true, "execFile": true, "execFileSync": true,
}

// literalNamespaces are receivers that name child_process without an import.
var literalNamespaces = map[string]bool{"cp": true, "childProcess": true, "child_process": true}

// childProcessBindings reads the imports and requires of child_process in
// comment-stripped source.
func childProcessBindings(src string) bindings {
	b := bindings{methods: map[string]string{}, namespaces: map[string]bool{}}
	specs := func(list string) {
		for _, raw := range strings.Split(list, ",") {
			spec := strings.TrimSpace(raw)
			if spec == "" {
				continue
			}
			m := reSpecAs.FindStringSubmatch(spec)
			if m == nil {
				m = reSpecColon.FindStringSubmatch(spec)
			}
			if m != nil && execMethodSet[m[1]] {
				b.methods[m[2]] = m[1]
			}
		}
	}
	for _, m := range reESMNamed.FindAllStringSubmatch(src, -1) {
		specs(m[1])
	}
	for _, m := range reCJSDestruct.FindAllStringSubmatch(src, -1) {
		specs(m[1])
	}
	for _, re := range []*regexp.Regexp{reESMDefault, reESMNamespace, reCJSNamespace} {
		for _, m := range re.FindAllStringSubmatch(src, -1) {
			b.namespaces[m[1]] = true
		}
	}
	return b
}

// benignExec reports whether a dangerous-exec match (submatch indexes m of
// reExec96 in line) is a call that is not child_process: x["exec"]( on a
// receiver that is not a child_process namespace, or .exec( on one (such
// as re.exec(). Other member calls (foo.spawn() still count.
func benignExec(line string, m []int, namespaces map[string]bool) bool {
	at := m[0]
	if line[at] == '"' || line[at] == '\'' {
		r := reTrailBracket.FindStringSubmatch(line[:at])
		return r == nil || !(namespaces[r[1]] || literalNamespaces[r[1]])
	}
	if m[2] >= 0 && line[m[2]:m[3]] == "exec" && at > 0 && line[at-1] == '.' {
		r := reTrailWord.FindStringSubmatch(line[:at-1])
		return r == nil || !(namespaces[r[1]] || literalNamespaces[r[1]])
	}
	return false
}

// aliasCalls returns the offsets of stand-alone calls alias( in line for
// every child_process method alias, in position order. The call must not be
// preceded by a word character or a dot (a member call on something else).
func aliasCalls(line string, methods map[string]string) []int {
	var out []int
	for alias := range methods {
		from := 0
		for {
			i := strings.Index(line[from:], alias)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(alias)
			if at > 0 && (isWord(line[at-1]) || line[at-1] == '.') {
				continue
			}
			j := from
			for j < len(line) && isJSSpace(line[j]) {
				j++
			}
			if j < len(line) && line[j] == '(' {
				out = append(out, at)
			}
		}
	}
	sort.Ints(out)
	return out
}

func isWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isJSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
