package schema

import (
	"sort"
	"strconv"

	"github.com/clawcheck/clawcheck/internal/config"
)

// Class sorts an issue by how the two releases see the offending key or value.
type Class uint8

const (
	// ClassUnknown: a key neither release accepts where it is written (or
	// that one release rejects while the other does not even accept its
	// parent).
	ClassUnknown Class = iota + 1
	// ClassInvalid: a value every release that knows the key rejects.
	ClassInvalid
	// ClassOnly414: something 2026.9.6 rejects and 2026.4.14 accepts: a
	// retired key, or a value only the old release takes.
	ClassOnly414
	// ClassOnly96: something 2026.4.14 rejects and 2026.9.6 accepts: a new
	// key, or a value only the new release takes.
	ClassOnly96
)

func (c Class) String() string {
	switch c {
	case ClassUnknown:
		return "unknown"
	case ClassInvalid:
		return "invalid"
	case ClassOnly414:
		return "only-" + string(R2026_4)
	case ClassOnly96:
		return "only-" + string(R2026_9)
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// Classified is one offending key or value with each release's issue about
// it; an Issue field is nil when that release has nothing to say.
type Classified struct {
	Class    Class
	Issue414 *Issue
	Issue96  *Issue
}

// Issue is the issue to report: the more specific of the two when the
// releases disagree on where the problem is, otherwise the newer release's.
func (c *Classified) Issue() *Issue {
	switch {
	case c.Issue96 == nil:
		return c.Issue414
	case c.Issue414 == nil:
		return c.Issue96
	case len(c.Issue414.pos) > len(c.Issue96.pos):
		return c.Issue414
	}
	return c.Issue96
}

// Kind, Path, Key and Origin describe the reported issue.
func (c *Classified) Kind() IssueKind       { return c.Issue().Kind }
func (c *Classified) Path() string          { return c.Issue().Path }
func (c *Classified) Key() string           { return c.Issue().Key }
func (c *Classified) Origin() config.Origin { return c.Issue().Origin }

// Result is a configuration's issues under both releases, each list in
// document order. In OnlyIn414 and OnlyIn96, an entry of Kind Unknown is a
// key one release does not know; an entry of Kind Invalid is a value whose
// form only one release accepts (a port above 65535, a "store" SecretRef).
type Result struct {
	UnknownToBoth []Classified
	Invalid       []Classified
	OnlyIn414     []Classified // accepted by 2026.4.14 only: retired in 2026.9.6
	OnlyIn96      []Classified // accepted by 2026.9.6 only: new in 2026.9.6
}

// Clean reports whether both releases accept the configuration.
func (r *Result) Clean() bool {
	return len(r.UnknownToBoth)+len(r.Invalid)+len(r.OnlyIn414)+len(r.OnlyIn96) == 0
}

// Uses96OnlyKeys reports whether the configuration uses a key that only
// 2026.9.6 accepts.
func (r *Result) Uses96OnlyKeys() bool { return hasUnknown(r.OnlyIn96) }

// Uses414OnlyKeys reports whether the configuration uses a key that only
// 2026.4.14 accepts.
func (r *Result) Uses414OnlyKeys() bool { return hasUnknown(r.OnlyIn414) }

func hasUnknown(list []Classified) bool {
	for i := range list {
		if list[i].Kind() == Unknown {
			return true
		}
	}
	return false
}

// UsesOnly96Keys reports whether the configuration uses at least one key that
// 2026.9.6 accepts and 2026.4.14 rejects; it is how a config without
// meta.lastTouchedVersion reveals that it was written for the newer release.
func UsesOnly96Keys(root *config.Value) bool {
	r := Classify(root)
	return r.Uses96OnlyKeys()
}

// Classify validates the configuration against both releases and sorts every
// issue by how the releases see it. Issues about the same offending value are
// reported once, with both releases' issues attached.
func Classify(root *config.Value) Result {
	sides := [2][]Issue{Validate(R2026_4, root), Validate(R2026_9, root)}
	type ref struct{ side, i int }
	order := make([]ref, 0, len(sides[0])+len(sides[1]))
	for s := range sides {
		for i := range sides[s] {
			order = append(order, ref{s, i})
		}
	}
	// Document order, so that a value is seen before anything inside it;
	// on a tie the older release goes first.
	sort.SliceStable(order, func(x, y int) bool {
		return comparePos(sides[order[x].side][order[x].i].pos, sides[order[y].side][order[y].i].pos) < 0
	})
	used := [2][]bool{make([]bool, len(sides[0])), make([]bool, len(sides[1]))}

	var res Result
	add := func(class Class, side int, is *Issue, other *Issue) {
		c := Classified{Class: class}
		if side == 0 {
			c.Issue414, c.Issue96 = is, other
		} else {
			c.Issue96, c.Issue414 = is, other
		}
		switch class {
		case ClassUnknown:
			res.UnknownToBoth = append(res.UnknownToBoth, c)
		case ClassInvalid:
			res.Invalid = append(res.Invalid, c)
		case ClassOnly414:
			res.OnlyIn414 = append(res.OnlyIn414, c)
		case ClassOnly96:
			res.OnlyIn96 = append(res.OnlyIn96, c)
		}
	}
	// acceptedBy is the class of an issue the other side does not share.
	acceptedBy := func(otherSide int) Class {
		if otherSide == 0 {
			return ClassOnly414
		}
		return ClassOnly96
	}

	for _, r := range order {
		if used[r.side][r.i] {
			continue
		}
		used[r.side][r.i] = true
		is := &sides[r.side][r.i]
		o := 1 - r.side
		others := sides[o]

		if is.Kind == Unknown {
			if j := findSame(others, used[o], is, Unknown); j >= 0 {
				used[o][j] = true
				add(ClassUnknown, r.side, is, &others[j])
			} else if coveredAbove(others, is.pos) >= 0 {
				add(ClassUnknown, r.side, is, nil)
			} else {
				add(acceptedBy(o), r.side, is, nil)
			}
			continue
		}

		if j := findSame(others, used[o], is, Invalid); j >= 0 {
			used[o][j] = true
			add(ClassInvalid, r.side, is, &others[j])
			continue
		}
		if findSame(others, nil, is, Unknown) >= 0 {
			// The other release does not know the key at all, so every
			// release that knows it rejects this value.
			add(ClassInvalid, r.side, is, nil)
			continue
		}
		if j := coveredAbove(others, is.pos); j >= 0 {
			var pair *Issue
			if others[j].Kind == Invalid && !used[o][j] {
				used[o][j] = true
				pair = &others[j]
			}
			add(ClassInvalid, r.side, is, pair)
			continue
		}
		if is.opaque {
			if j := firstInvalidBelow(others, used[o], is.pos); j >= 0 {
				used[o][j] = true
				add(ClassInvalid, r.side, is, &others[j])
				continue
			}
		}
		add(acceptedBy(o), r.side, is, nil)
	}
	return res
}

// findSame finds an issue of the given kind at the same position as is,
// preferring one with the same message; used (when not nil) excludes issues
// already paired.
func findSame(list []Issue, used []bool, is *Issue, kind IssueKind) int {
	best := -1
	for j := range list {
		o := &list[j]
		if o.Kind != kind || (used != nil && used[j]) || comparePos(o.pos, is.pos) != 0 {
			continue
		}
		if o.Key == is.Key && o.Message == is.Message {
			return j
		}
		if best < 0 {
			best = j
		}
	}
	return best
}

// coveredAbove finds an issue about a value that contains pos (strictly) and
// whose contents the validator did not look into, such as a type mismatch or
// an unknown key: anything below it is unknown territory for that release.
func coveredAbove(list []Issue, pos []int) int {
	for j := range list {
		o := &list[j]
		if o.opaque && len(o.pos) < len(pos) && isPrefix(o.pos, pos) {
			return j
		}
	}
	return -1
}

// firstInvalidBelow finds the first unpaired Invalid issue strictly inside pos.
func firstInvalidBelow(list []Issue, used []bool, pos []int) int {
	for j := range list {
		o := &list[j]
		if o.Kind == Invalid && !used[j] && len(o.pos) > len(pos) && isPrefix(pos, o.pos) {
			return j
		}
	}
	return -1
}
