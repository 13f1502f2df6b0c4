package nodes

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// DenyCommandsIneffective: deny entries are exact command names; a glob, a
// shell string or a misspelt name blocks nothing.
var DenyCommandsIneffective = &check.Check{
	ID:          "gateway.nodes.deny_commands_ineffective",
	Severity:    check.Warn,
	Title:       "Node command deny list has entries that match nothing",
	Remediation: "Write deny entries as exact node command names such as system.run or camera.snap (no wildcards, regular expressions or shell text), fix misspelt names, and keep risky commands out of the allow list in the first place.",
	Doc:         "The gateway compares each command a paired node (phone, desktop) is asked to run against the deny list by exact name. Entries such as \"system.*\", \"rm -rf /\" or a misspelt command name never match, so the commands the operator meant to block stay available. The list does not filter the text inside a command's payload either. Release 2026.4 reads gateway.nodes.denyCommands, 2026.9 gateway.nodes.commands.deny; clawcheck checks whichever is present.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorNodesDeny,
	Run: func(p *check.Pass) error {
		root := p.Root()
		deny := lists(root, "denyCommands", "deny")
		if len(deny) == 0 {
			return nil
		}
		known := knownCommands(p.Compat, entries(lists(root, "allowCommands", "allow")))
		knownSet := map[string]bool{}
		for _, k := range known {
			knownSet[k] = true
		}
		var patterns, unknown []string
		for _, e := range entries(deny) {
			switch {
			case patternLike(e):
				patterns = append(patterns, e)
			case !knownSet[e]:
				if s := suggest(e, known); len(s) > 0 {
					e += " (did you mean " + strings.Join(s, ", ") + "?)"
				}
				unknown = append(unknown, e)
			}
		}
		if len(patterns) == 0 && len(unknown) == 0 {
			return nil
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s is matched against exact node command names only.", paths(deny))
		if len(patterns) > 0 {
			fmt.Fprintf(&b, "\n- wildcard, pattern or shell-like entries that never match: %s", strings.Join(patterns, ", "))
		}
		if len(unknown) > 0 {
			fmt.Fprintf(&b, "\n- names that are no known node command: %s", strings.Join(unknown, ", "))
		}
		p.Report(check.Finding{Detail: b.String(), Location: check.At(deny[0].Value, deny[0].Path)})
		return nil
	},
}

var patternChars = regexp.MustCompile(`[?*\[\]{}(),|]|\s`)

// patternLike reports whether a deny entry looks like a glob, a regular
// expression or a shell string rather than a command name.
func patternLike(s string) bool {
	return patternChars.MatchString(s) || strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") ||
		strings.HasPrefix(s, "^") || strings.HasSuffix(s, "$") || strings.Contains(s, "group:")
}

// suggest offers up to three known commands for a misspelt one: those that
// share its first two dot segments, else the closest by edit distance.
func suggest(name string, known []string) []string {
	prefix := name
	if strings.Contains(name, ".") {
		parts := strings.Split(name, ".")
		prefix = strings.Join(parts[:min(2, len(parts))], ".")
	}
	var hits []string
	for _, k := range known {
		if strings.HasPrefix(k, prefix) {
			hits = append(hits, k)
			if len(hits) == 3 {
				return hits
			}
		}
	}
	if len(hits) > 0 {
		return hits
	}
	type ranked struct {
		cmd string
		d   int
	}
	rs := make([]ranked, len(known))
	for i, k := range known {
		rs[i] = ranked{k, editDistance(name, k)}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].d != rs[j].d {
			return rs[i].d < rs[j].d
		}
		return strings.ToLower(rs[i].cmd) < strings.ToLower(rs[j].cmd)
	})
	if len(rs) == 0 {
		return nil
	}
	limit := max(2, min(4, rs[0].d))
	for _, r := range rs {
		if r.d > limit || len(hits) == 3 {
			break
		}
		hits = append(hits, r.cmd)
	}
	return hits
}

// editDistance is the Levenshtein distance over bytes; entries are bounded
// by the config size, and commands are short.
func editDistance(a, b string) int {
	if len(a) > 256 || len(b) > 256 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
