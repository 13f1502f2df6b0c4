package schema

import (
	"strings"
	"unicode/utf8"
)

// suggest returns the candidate closest to key, ignoring case, when it is
// close enough to be a plausible typo; ties go to the candidate declared
// first. The bound grows with the key's length so that short keys only get
// suggestions for a single slip.
func suggest(key string, candidates []prop) string {
	k := []rune(strings.ToLower(key))
	limit := 1
	switch n := len(k); {
	case n > 8:
		limit = 3
	case n > 4:
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, p := range candidates {
		c := p.name
		if c == key {
			continue
		}
		// Cheap length filter before the quadratic distance.
		if d := utf8.RuneCountInString(c) - len(k); d > limit || -d > limit {
			continue
		}
		d := editDistance(k, []rune(strings.ToLower(c)))
		if d < bestDist && d < len(k) {
			best, bestDist = c, d
		}
	}
	return best
}

// suggestPath returns the key to suggest for an unknown key: the closest
// sibling (suggest), else a key one level down that the unknown key names
// exactly or with one slip, written "parent.key" — the usual mistake of
// writing gateway.token for gateway.auth.token. Children are looked up in
// declaration order, so the first declared parent wins a tie.
func suggestPath(key string, candidates []prop) string {
	if s := suggest(key, candidates); s != "" {
		return s
	}
	k := []rune(strings.ToLower(key))
	if len(k) < 3 {
		return ""
	}
	for _, p := range candidates {
		if p.schema == nil {
			continue
		}
		obj := p.schema.declared()
		if obj == nil {
			continue
		}
		for _, c := range obj.props {
			if d := editDistance(k, []rune(strings.ToLower(c.name))); d == 0 || d == 1 && len(k) > 4 {
				return p.name + "." + c.name
			}
		}
	}
	return ""
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and transpositions of adjacent characters, the
// four slips that make most mistyped keys.
func editDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
