package codesafety

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// Rule ids are upstream's: users match them in both tools' output.
const (
	RuleDangerousExec         = "dangerous-exec"
	RuleDynamicCode           = "dynamic-code-execution"
	RuleCryptoMining          = "crypto-mining"
	RuleSuspiciousNetwork     = "suspicious-network"
	RulePotentialExfiltration = "potential-exfiltration"
	RuleObfuscatedCode        = "obfuscated-code"
	RuleEnvHarvesting         = "env-harvesting"
	RuleLiteralSecret         = "literal-secret"
	RuleShellPipeToShell      = "shell-pipe-to-shell"
	RuleSecretExfiltration    = "secret-exfiltration"
	RuleDestructiveDelete     = "destructive-delete"
	RuleUnsafePermissions     = "unsafe-permissions"
)

// maxLineHits is how many hits one line rule may report per file under
// profile 2026.9 before the rest are folded into one "-truncated" hit.
const maxLineHits = 32

// redacted stands in for evidence that holds a literal credential.
const redacted = "[redacted credential]"

// lineRule runs on every raw line. any lists literals of which at least one
// must occur in the line (lower-cased when fold is set) before the regexp
// runs; it is a prefilter only and never changes the result.
type lineRule struct {
	id      string
	sev     check.Severity
	message string
	re      *regexp.Regexp
	any     []string
	fold    bool
}

var execMethods = `exec|execSync|spawn|spawnSync|execFile|execFileSync`

var (
	reExec414   = regexp.MustCompile(`\b(` + execMethods + `)\s*\(`)
	reExec96    = regexp.MustCompile(`\b(` + execMethods + `)\s*\(|["'](` + execMethods + `)["']\s*\]\s*\(`)
	reDynamic   = regexp.MustCompile(`\beval\s*\(|new\s+Function\s*\(`)
	reMining    = regexp.MustCompile(`(?i)stratum\+tcp|stratum\+ssl|coinhive|cryptonight|xmrig`)
	reWebSocket = regexp.MustCompile(`new\s+WebSocket\s*\(\s*["']wss?://[^"']*:(\d+)`)
)

var lineRules414 = []lineRule{
	{RuleDangerousExec, check.Critical, msgExec, reExec414, []string{"exec", "spawn"}, false},
	{RuleDynamicCode, check.Critical, msgDynamic, reDynamic, []string{"eval", "Function"}, false},
	{RuleCryptoMining, check.Critical, msgMining, reMining, miningWords, true},
	{RuleSuspiciousNetwork, check.Warn, msgNetwork, reWebSocket, []string{"WebSocket"}, false},
}

var lineRules96 = []lineRule{
	{RuleDangerousExec, check.Critical, msgExec, reExec96, []string{"exec", "spawn"}, false},
	lineRules414[1], lineRules414[2], lineRules414[3],
}

var miningWords = []string{"stratum+tcp", "stratum+ssl", "coinhive", "cryptonight", "xmrig"}

// Our wording for each rule; the ids are upstream's.
const (
	msgExec       = "runs a command through child_process"
	msgDynamic    = "evaluates code built at run time (eval / new Function)"
	msgMining     = "names a crypto-mining pool or miner"
	msgNetwork    = "opens a WebSocket to an unusual port"
	msgExfil      = "reads files and sends data over the network"
	msgHex        = "long run of \\x hex escapes (obfuscated string)"
	msgBase64     = "decodes a large inline base64 blob (obfuscated payload)"
	msgEnv        = "reads process.env next to a network send (credential harvesting)"
	msgSecret     = "contains what looks like a real credential"
	msgPipe       = "tells the reader to pipe a download into a shell"
	msgSecretExfl = "sends environment values to the network"
	msgDelete     = "suggests a recursive delete of a broad path"
	msgChmod      = "suggests world-writable permissions (chmod 777)"
)

var standardPorts = map[int]bool{80: true, 443: true, 8080: true, 8443: true, 3000: true}

// sourceRule runs on the whole file. ctx, when set, must match somewhere in
// the file (2026.4.14, and 2026.9.6 without window) or within window lines
// of the matching line (2026.9.6 env-harvesting).
type sourceRule struct {
	id      string
	sev     check.Severity
	message string
	re      *regexp.Regexp
	any     []string
	ctx     *regexp.Regexp
	window  int
}

var (
	reFileRead     = regexp.MustCompile(`readFileSync|readFile`)
	reHexRun       = regexp.MustCompile(`(\\x[0-9a-fA-F]{2}){6,}`)
	reBase64       = regexp.MustCompile(`(?:atob|Buffer\.from)\s*\(\s*["'][A-Za-z0-9+/=]{200,}["']`)
	reProcessEnv   = regexp.MustCompile(`process\.env`)
	reSendCtx414   = regexp.MustCompile(`(?i)\bfetch\b|\bpost\b|http\.request`)
	reSendCtx96    = regexp.MustCompile(`(?i)\bfetch\s*\(|\bpost\s*\(|\.\s*post\s*\(|http\.request\s*\(`)
	sourceRules414 = []sourceRule{
		{RulePotentialExfiltration, check.Warn, msgExfil, reFileRead, []string{"readFile"}, reSendCtx414, 0},
		{RuleObfuscatedCode, check.Warn, msgHex, reHexRun, []string{`\x`}, nil, 0},
		{RuleObfuscatedCode, check.Warn, msgBase64, reBase64, []string{"atob", "Buffer.from"}, nil, 0},
		{RuleEnvHarvesting, check.Critical, msgEnv, reProcessEnv, []string{"process.env"}, reSendCtx414, 0},
	}
	sourceRules96 = []sourceRule{
		{RulePotentialExfiltration, check.Warn, msgExfil, reFileRead, []string{"readFile"}, reSendCtx96, 0},
		sourceRules414[1], sourceRules414[2],
		{RuleEnvHarvesting, check.Critical, msgEnv, reProcessEnv, []string{"process.env"}, reSendCtx96, 8},
	}
)

// The SKILL.md rules (2026.9 only). The literal-secret rule is matched by
// hand (see findSecret): its lookahead and back-reference are beyond RE2.
var (
	reSecretToken = regexp.MustCompile(`\b(?:sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{32,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[baprs]-[A-Za-z0-9-]{20,}|AIza[0-9A-Za-z_-]{35})(?:[^A-Za-z0-9_-]|$)`)
	rePEMBegin    = regexp.MustCompile(`-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----\r?\n`)
	skillRules    = []sourceRule{
		{RuleShellPipeToShell, check.Critical, msgPipe, regexp.MustCompile(`(?i)\b(curl|wget)\b[^|\n]{0,120}\|\s*(sh|bash|zsh)\b`), nil, nil, 0},
		{RuleSecretExfiltration, check.Critical, msgSecretExfl, regexp.MustCompile(`(?i)\b(process\.env|env)\b[^\n\r\x{2028}\x{2029}]{0,80}\b(fetch|curl|wget|http|https)\b`), nil, nil, 0},
		{RuleDestructiveDelete, check.Warn, msgDelete, regexp.MustCompile(`(?i)\brm\s+-rf\s+(/|\$HOME|~|\.)`), nil, nil, 0},
		{RuleUnsafePermissions, check.Warn, msgChmod, regexp.MustCompile(`(?i)\bchmod\s+(-R\s+)?777\b`), nil, nil, 0},
	}
)

// containsAny is the literal prefilter.
func containsAny(s string, lits []string) bool {
	if len(lits) == 0 {
		return true
	}
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// ScanSource runs the line and source rules of the profile over one file's
// text and returns its hits in upstream's order: line rules in rule order,
// then source rules. file is recorded in each hit as given.
func ScanSource(src []byte, file string, compat check.Compat) []Hit {
	text := string(src)
	if compat.Is414() {
		return scanSource414(text, file)
	}
	return scanSource96(text, file)
}

func scanSource414(text, file string) []Hit {
	var hits []Hit
	lines := strings.Split(text, "\n")
	lower := ""
	for _, r := range lineRules414 {
		hay := text
		if r.fold {
			if lower == "" {
				lower = strings.ToLower(text)
			}
			hay = lower
		}
		if !containsAny(hay, r.any) {
			continue
		}
		if r.id == RuleDangerousExec && !strings.Contains(text, "child_process") {
			continue
		}
		for i, line := range lines {
			m := r.re.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			if r.id == RuleSuspiciousNetwork && standardPort(m[1]) {
				continue
			}
			hits = append(hits, newHit(r.id, r.sev, r.message, file, i+1, line, false))
			break
		}
	}
	for _, r := range sourceRules414 {
		if !containsAny(text, r.any) || !r.re.MatchString(text) {
			continue
		}
		if r.ctx != nil && !r.ctx.MatchString(text) {
			continue
		}
		n, ev := 1, firstUnits(text, 120)
		for i, line := range lines {
			if r.re.MatchString(line) {
				n, ev = i+1, line
				break
			}
		}
		// Upstream keeps one hit per rule and message; every 4.14 source
		// rule has its own message, so each fires at most once.
		hits = append(hits, newHit(r.id, r.sev, r.message, file, n, ev, false))
	}
	return hits
}

func standardPort(s string) bool {
	n, err := strconv.Atoi(s)
	if err != nil {
		// Digits too many for an int: not a standard port.
		return false
	}
	return standardPorts[n]
}

func scanSource96(text, file string) []Hit {
	var hits []Hit
	lines := strings.Split(text, "\n")
	stripped := stripComments(text)
	strippedLines := strings.Split(stripped, "\n")
	var bind bindings
	bindingsDone := false
	lower := ""
	for _, r := range lineRules96 {
		hay := text
		if r.fold {
			if lower == "" {
				lower = strings.ToLower(text)
			}
			hay = lower
		}
		isExec := r.id == RuleDangerousExec
		if isExec {
			if !strings.Contains(text, "child_process") {
				continue
			}
			if !bindingsDone {
				bind, bindingsDone = childProcessBindings(stripped), true
			}
		} else if !containsAny(hay, r.any) {
			continue
		}
		accepted, omitted, lastOmitted := 0, 0, 0
		add := func(i int, line string) {
			if accepted >= maxLineHits {
				omitted++
				lastOmitted = i + 1
				return
			}
			hits = append(hits, newHit(r.id, r.sev, r.message, file, i+1, line, true))
			accepted++
		}
		for i, line := range lines {
			var literal map[int]bool
			// The per-line prefilter only for case-sensitive literals; a
			// folded rule already passed the file-level filter.
			if r.fold || containsAny(line, r.any) {
				for _, m := range r.re.FindAllStringSubmatchIndex(line, -1) {
					if isExec && benignExec(line, m, bind.namespaces) {
						continue
					}
					if r.id == RuleSuspiciousNetwork && standardPort(line[m[2]:m[3]]) {
						continue
					}
					add(i, line)
					if isExec {
						if literal == nil {
							literal = map[int]bool{}
						}
						literal[m[0]] = true
					}
				}
			}
			if isExec && len(bind.methods) > 0 {
				for _, at := range aliasCalls(line, bind.methods) {
					if !literal[at] {
						add(i, line)
					}
				}
			}
		}
		if lastOmitted > 0 {
			msg := strconv.Itoa(omitted) + " more " + r.id + " hits in this file not listed"
			hits = append(hits, Hit{RuleID: r.id + "-truncated", Severity: r.sev, File: file, Line: lastOmitted,
				Message: msg, Evidence: "[" + strconv.Itoa(omitted) + " more]"})
		}
	}
	for _, r := range sourceRules96 {
		if !containsAny(stripped, r.any) {
			continue
		}
		n, ok := findSourceMatch(r, stripped, strippedLines)
		if !ok {
			continue
		}
		ev := ""
		if n-1 < len(lines) {
			ev = lines[n-1]
		}
		hits = append(hits, newHit(r.id, r.sev, r.message, file, n, ev, true))
	}
	return hits
}

// findSourceMatch returns the 1-based line a source rule reports: the first
// line that matches (with its context window, if any), else the line of the
// first match in the whole text, unless the rule has a window.
func findSourceMatch(r sourceRule, text string, lines []string) (int, bool) {
	loc := r.re.FindStringIndex(text)
	if loc == nil {
		return 0, false
	}
	if r.ctx != nil && !r.ctx.MatchString(text) {
		return 0, false
	}
	for i, line := range lines {
		if !r.re.MatchString(line) {
			continue
		}
		if r.ctx != nil && r.window > 0 {
			lo, hi := max(0, i-r.window), min(len(lines), i+r.window+1)
			if !r.ctx.MatchString(strings.Join(lines[lo:hi], "\n")) {
				continue
			}
		}
		return i + 1, true
	}
	if r.window > 0 {
		return 0, false
	}
	return 1 + strings.Count(text[:loc[0]], "\n"), true
}

// ScanSkillText runs the SKILL.md rules (profile 2026.9) over a skill's
// SKILL.md: one hit per rule.
func ScanSkillText(src []byte, file string) []Hit {
	text := string(src)
	lines := strings.Split(text, "\n")
	var hits []Hit
	if n, ok := findSecret(text, lines); ok {
		hits = append(hits, Hit{RuleID: RuleLiteralSecret, Severity: check.Critical, File: file, Line: n,
			Message: msgSecret, Evidence: redacted})
	}
	for _, r := range skillRules {
		n, ok := findSourceMatch(r, text, lines)
		if !ok {
			continue
		}
		ev := ""
		if n-1 < len(lines) {
			ev = lines[n-1]
		}
		hits = append(hits, newHit(r.id, r.sev, r.message, file, n, ev, true))
	}
	return hits
}

// findSecret finds the first literal credential: a token on one line, else
// a PEM private-key block (which spans lines, so its line is where it starts).
func findSecret(text string, lines []string) (int, bool) {
	tok := reSecretToken.FindStringIndex(text)
	pem := pemIndex(text)
	if tok == nil && pem < 0 {
		return 0, false
	}
	for i, line := range lines {
		if reSecretToken.MatchString(line) {
			return i + 1, true
		}
	}
	at := pem
	if tok != nil && (pem < 0 || tok[0] < pem) {
		at = tok[0]
	}
	return 1 + strings.Count(text[:at], "\n"), true
}

// pemIndex returns the offset of the first BEGIN line of a private-key PEM
// block with a matching END line and at least 48 base64 characters, or -1.
func pemIndex(text string) int {
	off := 0
	for {
		m := rePEMBegin.FindStringSubmatchIndex(text[off:])
		if m == nil {
			return -1
		}
		start := off + m[0]
		label := text[off+m[2] : off+m[3]]
		if pemBodyOK(text[off+m[1]:], label) {
			return start
		}
		off = start + 1
	}
}

// pemBodyOK checks what follows a BEGIN line: one or more lines of base64
// characters (each ending in \n or \r\n), at least 48 characters in all,
// then "-----END <label>-----".
func pemBodyOK(rest, label string) bool {
	end := "-----END " + label + "-----"
	chars, lines := 0, 0
	for {
		if strings.HasPrefix(rest, end) {
			return lines > 0 && chars >= 48
		}
		n := 0
		for n < len(rest) && isB64(rest[n]) {
			n++
		}
		if n == 0 {
			return false
		}
		chars += n
		rest = rest[n:]
		switch {
		case strings.HasPrefix(rest, "\r\n"):
			rest = rest[2:]
		case strings.HasPrefix(rest, "\n"):
			rest = rest[1:]
		default:
			return false
		}
		lines++
	}
}

func isB64(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
}

// newHit builds a hit with its evidence: the trimmed line cut at 120
// characters, with control characters replaced so that a report cannot be
// garbled by the scanned file; under 2026.9 a line that holds a literal
// credential is replaced by a marker.
func newHit(id string, sev check.Severity, msg, file string, line int, text string, redact bool) Hit {
	return Hit{RuleID: id, Severity: sev, File: file, Line: line, Message: msg, Evidence: evidence(text, redact)}
}

func evidence(line string, redact bool) string {
	t := strings.TrimSpace(line)
	if redact && (reSecretToken.MatchString(t) || pemIndex(t) >= 0) {
		return redacted
	}
	t = firstUnits(t, 120)
	if len(t) < len(strings.TrimSpace(line)) {
		t += "…"
	}
	return safeText(t)
}

// firstUnits cuts s to at most n characters.
func firstUnits(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// safeText replaces control characters and invalid UTF-8.
func safeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 {
			return '\uFFFD'
		}
		return r
	}, s)
}
