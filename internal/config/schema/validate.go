package schema

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/clawcheck/clawcheck/internal/config"
)

// Release names a reference release whose schema is embedded.
type Release string

const (
	R2026_4 Release = "2026.4.14"
	R2026_9 Release = "2026.9.6"
)

// Releases returns the embedded releases, oldest first.
func Releases() []Release { return []Release{R2026_4, R2026_9} }

// IssueKind separates keys a schema does not know from values it rejects.
type IssueKind uint8

const (
	// Unknown: an object member whose key the schema does not allow.
	Unknown IssueKind = iota + 1
	// Invalid: a value of the wrong type, outside its enum or bounds, not
	// matching its pattern, missing required keys, and the like.
	Invalid
)

func (k IssueKind) String() string {
	switch k {
	case Unknown:
		return "unknown"
	case Invalid:
		return "invalid"
	}
	return "IssueKind(" + strconv.Itoa(int(k)) + ")"
}

// Issue is one schema violation.
type Issue struct {
	Kind IssueKind
	// Path is the dotted path of the offending value, with [i] for array
	// elements and "<root>" for the document itself. For Unknown (and for an
	// invalid key name) it is the path of the object holding the key, as the
	// reference reports it; KeyPath gives the full path.
	Path string
	// Key is the offending key, for Unknown and for a key rejected by
	// propertyNames.
	Key string
	// Message is short, lowercase and ours, e.g. `expected string, got number`.
	Message string
	// Allowed lists the accepted values when the issue is an enum or const
	// mismatch; strings appear unquoted, other values as JSON.
	Allowed []string
	// Origin is where the offending value is written; for a key issue, where
	// the key is written.
	Origin config.Origin
	// Suggest is, for Unknown, the closest key the schema allows at the same
	// place, else a key one level down written "parent.key" (gateway.token
	// suggests auth.token), or "" when none is close.
	Suggest string

	pos     []int     // member and element indices from the root
	code    issueCode // what failed
	opaque  bool      // the validator did not look inside the value
	expect  typeSet   // codeType: the types that would have been accepted
	choices []*jval   // codeConst, codeEnum: the accepted values
}

type issueCode uint8

const (
	codeType issueCode = iota + 1
	codeConst
	codeEnum
	codeUnknown
	codeKeyName
	codeRequired
	codeString
	codeNumber
	codeArray
	codeObject
	codeNot
	codeNever
)

// BadValue reports whether the issue makes the value itself unusable: the
// wrong type, a value outside its enum or const, or a string or number out of
// bounds. Such values are audited as absent (decision D5); a missing required
// key or an unknown key leaves the rest of the object usable.
func (i *Issue) BadValue() bool {
	switch i.code {
	case codeType, codeConst, codeEnum, codeString, codeNumber:
		return true
	}
	return false
}

// KeyPath is the path of the offending member itself: Path plus Key for key
// issues, Path otherwise.
func (i *Issue) KeyPath() string {
	if i.Key == "" || (i.Kind != Unknown && i.code != codeKeyName) {
		return i.Path
	}
	if i.Path == rootPath {
		return i.Key
	}
	return i.Path + "." + i.Key
}

// String renders the issue as "path: message".
func (i *Issue) String() string {
	s := i.Path + ": " + i.Message
	if i.Suggest != "" {
		s += fmt.Sprintf(" (did you mean %q?)", i.Suggest)
	}
	return s
}

const rootPath = "<root>"

// The compiled schemas are built on first use and never change afterwards.
// A failure here means the embedded data is corrupt, a build defect that the
// package tests catch, hence the panic.
var (
	schema414 = sync.OnceValue(func() *compiled { return mustCompile(R2026_4) })
	schema96  = sync.OnceValue(func() *compiled { return mustCompile(R2026_9) })
)

func mustCompile(rel Release) *compiled {
	c, err := buildSchema(rel)
	if err != nil {
		panic("schema: embedded " + string(rel) + " schema: " + err.Error())
	}
	return c
}

func buildSchema(rel Release) (*compiled, error) {
	text, err := schemaText(rel)
	if err != nil {
		return nil, err
	}
	return compileSchema(text)
}

func load(rel Release) *compiled {
	switch rel {
	case R2026_4:
		return schema414()
	case R2026_9:
		return schema96()
	}
	panic("schema: unknown release " + strconv.Quote(string(rel)))
}

// UnsupportedPatterns lists the schema patterns of a release that cannot be
// evaluated and are therefore not checked.
func UnsupportedPatterns(rel Release) []string {
	return append([]string(nil), load(rel).unsupported...)
}

// Validate checks a resolved configuration against one release's schema and
// returns its issues in document order. A nil root (no config file) has no
// issues. It panics for a release other than R2026_4 and R2026_9.
func Validate(rel Release, root *config.Value) []Issue {
	c := load(rel)
	if root == nil {
		return nil
	}
	w := &walker{}
	out := w.check(c.root, root, nil)
	sort.SliceStable(out, func(i, j int) bool { return comparePos(out[i].pos, out[j].pos) < 0 })
	return out
}

// comparePos orders positions in document order: a value before its members,
// members in order.
func comparePos(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// isPrefix reports whether position a is b or contains it.
func isPrefix(a, b []int) bool {
	if len(a) > len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// walker tracks where in the document validation is.
type walker struct {
	segs []pathSeg
	pos  []int
}

type pathSeg struct {
	key   string
	index int // -1 for an object key
}

func (w *walker) push(key string, index, pos int) {
	w.segs = append(w.segs, pathSeg{key: key, index: index})
	w.pos = append(w.pos, pos)
}

func (w *walker) pop() {
	w.segs = w.segs[:len(w.segs)-1]
	w.pos = w.pos[:len(w.pos)-1]
}

func (w *walker) path() string {
	if len(w.segs) == 0 {
		return rootPath
	}
	var b strings.Builder
	for _, s := range w.segs {
		if s.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// issue builds an issue about the current value.
func (w *walker) issue(code issueCode, v *config.Value, msg string) Issue {
	return Issue{
		Kind:    Invalid,
		Path:    w.path(),
		Message: msg,
		Origin:  v.Origin,
		pos:     append([]int(nil), w.pos...),
		code:    code,
	}
}

// check validates v against n, appending issues to out.
func (w *walker) check(n *node, v *config.Value, out []Issue) []Issue {
	for n.ref != nil {
		n = n.ref
	}
	if v == nil {
		v = &config.Value{Kind: config.Null}
	}
	start := len(out)
	out = w.checkNode(n, v, out)
	// One issue per offending value: a scalar has nowhere else to put a
	// second complaint, and the first is the most basic.
	if v.Kind != config.Object && v.Kind != config.Array && len(out)-start > 1 {
		out = out[:start+1]
	}
	return out
}

func (w *walker) checkNode(n *node, v *config.Value, out []Issue) []Issue {
	if n.never {
		is := w.issue(codeNever, v, "is not allowed here")
		is.opaque = true
		return append(out, is)
	}
	if n.types != 0 && !accepts(n.types, v) {
		return append(out, w.typeIssue(n.types, v))
	}
	if n.constVal != nil && !equalValue(v, n.constVal) {
		return append(out, w.choiceIssue(codeConst, v, []*jval{n.constVal}))
	}
	if n.enum != nil && !inEnum(v, n.enum) {
		return append(out, w.choiceIssue(codeEnum, v, n.enum))
	}
	switch v.Kind {
	case config.String:
		if n.str != nil {
			if msg := n.str.problem(v.Str); msg != "" {
				return append(out, w.issue(codeString, v, msg))
			}
		}
	case config.Number:
		if n.num != nil {
			if msg := n.num.problem(v.Num); msg != "" {
				return append(out, w.issue(codeNumber, v, msg))
			}
		}
	case config.Array:
		if n.arr != nil {
			out = w.array(n.arr, v, out)
		}
	case config.Object:
		if n.obj != nil {
			out = w.object(n.obj, v, out)
		}
	}
	if n.logic != nil {
		out = w.logic(n.logic, v, out)
	}
	return out
}

func (w *walker) logic(l *logicRules, v *config.Value, out []Issue) []Issue {
	if len(l.allOf) > 0 {
		start := len(out)
		for _, m := range l.allOf {
			out = w.check(m, v, out)
		}
		out = dedupe(out, start)
	}
	if len(l.anyOf) > 0 {
		out = w.union(l.anyOf, v, out)
	}
	if l.not != nil && len(w.check(l.not, v, nil)) == 0 {
		out = append(out, w.issue(codeNot, v, notMessage(l.not)))
	}
	if l.ifN != nil {
		if len(w.check(l.ifN, v, nil)) == 0 {
			if l.thenN != nil {
				out = w.check(l.thenN, v, out)
			}
		} else if l.elseN != nil {
			out = w.check(l.elseN, v, out)
		}
	}
	return out
}

func notMessage(not *node) string {
	if not.str != nil && len(not.str.patterns) == 1 && not.types == 0 && not.obj == nil && not.logic == nil {
		return "must not match " + patternText(not.str.patterns[0].source)
	}
	return "this combination of values is not allowed"
}

// dedupe drops repeated issues appended since start; allOf members that share
// keys can each notice the same unknown key.
func dedupe(out []Issue, start int) []Issue {
	kept := out[:start]
	for i := start; i < len(out); i++ {
		dup := false
		for j := start; j < len(kept); j++ {
			if kept[j].code == out[i].code && kept[j].Key == out[i].Key &&
				kept[j].Message == out[i].Message && comparePos(kept[j].pos, out[i].pos) == 0 {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, out[i])
		}
	}
	return kept
}

func accepts(t typeSet, v *config.Value) bool {
	switch v.Kind {
	case config.Null:
		return t&tNull != 0
	case config.Bool:
		return t&tBoolean != 0
	case config.String:
		return t&tString != 0
	case config.Array:
		return t&tArray != 0
	case config.Object:
		return t&tObject != 0
	case config.Number:
		// The reference rejects NaN and ±Infinity (which JSON5 can spell)
		// wherever it expects a number.
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			return false
		}
		return t&tNumber != 0 || (t&tInteger != 0 && v.Num == math.Trunc(v.Num))
	}
	return false
}

func (w *walker) typeIssue(t typeSet, v *config.Value) Issue {
	got := v.Kind.String()
	if v.Kind == config.Number && t&(tNumber|tInteger) != 0 {
		got = strconv.FormatFloat(v.Num, 'g', -1, 64)
	}
	is := w.issue(codeType, v, "expected "+t.String()+", got "+got)
	is.opaque = true
	is.expect = t
	return is
}

func (w *walker) choiceIssue(code issueCode, v *config.Value, choices []*jval) Issue {
	is := w.issue(code, v, choiceMessage(0, choices))
	is.opaque = true
	is.choices = choices
	is.Allowed = make([]string, len(choices))
	for i, c := range choices {
		is.Allowed[i] = c.text()
	}
	return is
}

// choiceMessage phrases "must be …" for accepted values, optionally after
// other accepted types.
func choiceMessage(other typeSet, choices []*jval) string {
	const shown = 8
	var b strings.Builder
	b.WriteString("must be ")
	if other != 0 {
		b.WriteString(other.String())
		b.WriteString(" or ")
	}
	if len(choices) == 1 {
		b.WriteString(choices[0].quoted())
		return b.String()
	}
	b.WriteString("one of ")
	for i, c := range choices {
		if i == shown {
			b.WriteString(", …")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.quoted())
	}
	return b.String()
}

func inEnum(v *config.Value, enum []*jval) bool {
	for _, e := range enum {
		if equalValue(v, e) {
			return true
		}
	}
	return false
}

// equalValue is JSON equality between a config value and a schema constant.
func equalValue(v *config.Value, j *jval) bool {
	if v == nil {
		v = &config.Value{Kind: config.Null}
	}
	switch v.Kind {
	case config.Null:
		return j.kind == jNull
	case config.Bool:
		return j.kind == jBool && j.b == v.Bool
	case config.Number:
		return j.kind == jNum && j.n == v.Num
	case config.String:
		return j.kind == jStr && j.s == v.Str
	case config.Array:
		if j.kind != jArr || len(j.arr) != len(v.Elems) {
			return false
		}
		for i := range j.arr {
			if !equalValue(v.Elems[i], j.arr[i]) {
				return false
			}
		}
		return true
	case config.Object:
		if j.kind != jObj || len(j.obj) != len(v.Members) {
			return false
		}
		for _, m := range j.obj {
			mv := v.Get(m.key)
			if mv == nil || !equalValue(mv, m.val) {
				return false
			}
		}
		return true
	}
	return false
}

// sameValue is JSON equality between two config values, for uniqueItems.
func sameValue(a, b *config.Value) bool {
	if a == nil || b == nil || a.Kind == config.Null || b.Kind == config.Null {
		// A missing element reads as null.
		return !a.Present() && !b.Present()
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case config.Bool:
		return a.Bool == b.Bool
	case config.Number:
		return a.Num == b.Num
	case config.String:
		return a.Str == b.Str
	case config.Array:
		if len(a.Elems) != len(b.Elems) {
			return false
		}
		for i := range a.Elems {
			if !sameValue(a.Elems[i], b.Elems[i]) {
				return false
			}
		}
		return true
	case config.Object:
		if len(a.Members) != len(b.Members) {
			return false
		}
		for _, m := range a.Members {
			if !b.Has(m.Key) || !sameValue(m.Value, b.Get(m.Key)) {
				return false
			}
		}
		return true
	}
	return false
}

// utf16Len measures a string the way the reference does (JavaScript's
// String length), so that length bounds agree for characters outside the
// Basic Multilingual Plane.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xffff && r <= utf8.MaxRune {
			n++
		}
	}
	return n
}

func (n *stringRules) problem(s string) string {
	if n.minLen > 0 || n.maxLen >= 0 {
		l := utf16Len(s)
		if l < n.minLen {
			if n.minLen == 1 {
				return "must not be empty"
			}
			return "must be at least " + plural(n.minLen, "character") + " long"
		}
		if n.maxLen >= 0 && l > n.maxLen {
			return "must be at most " + plural(n.maxLen, "character") + " long"
		}
	}
	for _, p := range n.patterns {
		if !p.match(s) {
			return "must match " + patternText(p.source)
		}
	}
	return ""
}

// patternText shows short patterns as they are; long ones (dates, e-mail
// addresses) would drown the message.
func patternText(src string) string {
	if len(src) <= 48 {
		return "/" + src + "/"
	}
	return "the expected format"
}

func (n *numberRules) problem(f float64) string {
	switch {
	case f < n.minimum:
		return "must be >= " + formatNum(n.minimum)
	case f <= n.exclMinimum:
		return "must be > " + formatNum(n.exclMinimum)
	case f > n.maximum:
		return "must be <= " + formatNum(n.maximum)
	case f >= n.exclMaximum:
		return "must be < " + formatNum(n.exclMaximum)
	}
	return ""
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func (w *walker) array(n *arrayRules, v *config.Value, out []Issue) []Issue {
	count := len(v.Elems)
	switch {
	case count < n.minItems:
		out = append(out, w.issue(codeArray, v, "must have at least "+plural(n.minItems, "item")))
	case n.maxItems >= 0 && count > n.maxItems:
		out = append(out, w.issue(codeArray, v, "must have at most "+plural(n.maxItems, "item")))
	case n.tuple != nil && n.closedTuple && count > len(n.tuple):
		out = append(out, w.issue(codeArray, v, "must have at most "+plural(len(n.tuple), "item")))
	}
	if n.unique {
		if i, j, dup := firstDuplicate(v.Elems); dup {
			out = append(out, w.issue(codeArray, v, fmt.Sprintf("items must be unique ([%d] repeats [%d])", j, i)))
		}
	}
	for i, e := range v.Elems {
		s := n.items
		if n.tuple != nil {
			s = n.additionalItem
			if i < len(n.tuple) {
				s = n.tuple[i]
			}
		}
		if s == nil {
			continue
		}
		w.push("", i, i)
		out = w.check(s, e, out)
		w.pop()
	}
	return out
}

func firstDuplicate(elems []*config.Value) (int, int, bool) {
	for j := 1; j < len(elems); j++ {
		for i := 0; i < j; i++ {
			if sameValue(elems[i], elems[j]) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func (w *walker) object(n *objectRules, v *config.Value, out []Issue) []Issue {
	var missing []string
	for _, k := range n.required {
		if !v.Has(k) {
			missing = append(missing, strconv.Quote(k))
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		out = append(out, w.issue(codeRequired, v, "missing required key "+missing[0]))
	default:
		out = append(out, w.issue(codeRequired, v, "missing required keys "+strings.Join(missing, ", ")))
	}
	switch count := len(v.Members); {
	case count < n.minProps:
		out = append(out, w.issue(codeObject, v, "must have at least "+plural(n.minProps, "key")))
	case n.maxProps >= 0 && count > n.maxProps:
		out = append(out, w.issue(codeObject, v, "must have at most "+plural(n.maxProps, "key")))
	}
	if len(v.Members) == 0 {
		return out
	}
	parent := ""
	parentPath := func() string {
		if parent == "" {
			parent = w.path()
		}
		return parent
	}
	for i, m := range v.Members {
		if n.propNames != nil {
			key := config.Value{Kind: config.String, Str: m.Key, Origin: m.KeyOrigin}
			if bad := w.check(n.propNames, &key, nil); len(bad) > 0 {
				out = append(out, Issue{
					Kind:    Invalid,
					Path:    parentPath(),
					Key:     m.Key,
					Message: fmt.Sprintf("invalid key %q: %s", m.Key, bad[0].Message),
					Origin:  m.KeyOrigin,
					pos:     appendPos(w.pos, i),
					code:    codeKeyName,
					opaque:  true,
				})
				continue
			}
		}
		if s := n.lookup(m.Key); s != nil {
			w.push(m.Key, -1, i)
			out = w.check(s, m.Value, out)
			w.pop()
			continue
		}
		if n.isSibling(m.Key) {
			continue
		}
		if n.closed {
			out = append(out, Issue{
				Kind:    Unknown,
				Path:    parentPath(),
				Key:     m.Key,
				Message: fmt.Sprintf("unknown key %q", m.Key),
				Origin:  m.KeyOrigin,
				Suggest: suggestPath(m.Key, n.props),
				pos:     appendPos(w.pos, i),
				code:    codeUnknown,
				opaque:  true,
			})
			continue
		}
		if n.additional != nil {
			w.push(m.Key, -1, i)
			out = w.check(n.additional, m.Value, out)
			w.pop()
		}
	}
	return out
}

func appendPos(pos []int, i int) []int {
	out := make([]int, len(pos)+1)
	copy(out, pos)
	out[len(pos)] = i
	return out
}

// union checks anyOf (and oneOf) branches. When none accepts the value it
// reports what the closest branch objects to, not a bare "no branch
// matched": see pickBranch.
func (w *walker) union(branches []*node, v *config.Value, out []Issue) []Issue {
	cands := make([]candidate, 0, len(branches))
	depth := len(w.pos)
	for _, b := range branches {
		issues := w.check(b, v, nil)
		if len(issues) == 0 {
			return out
		}
		c := candidate{issues: issues}
		c.typeOK = !(len(issues) == 1 && issues[0].code == codeType && len(issues[0].pos) == depth)
		for _, is := range issues {
			switch {
			case len(is.pos) == depth:
				c.shallow++
			case len(is.pos) == depth+1 && is.code == codeConst:
				c.discMiss++
			}
		}
		c.discHit = discriminatorHits(b, v)
		cands = append(cands, c)
	}
	return append(out, w.pickBranch(cands, v)...)
}

type candidate struct {
	issues   []Issue
	typeOK   bool // the branch accepts the value's type
	discMiss int  // direct members that fail a const (a discriminator)
	discHit  int  // direct members that match a const
	shallow  int  // issues about the value itself rather than its members
}

// better ranks union branches: one that accepts the value's type, then one
// whose discriminator fields agree with the value, then one whose complaints
// are about members rather than the value as a whole, then the one with the
// fewest complaints; ties go to the branch declared first.
func (a *candidate) better(b *candidate) bool {
	if a.typeOK != b.typeOK {
		return a.typeOK
	}
	if a.discMiss != b.discMiss {
		return a.discMiss < b.discMiss
	}
	if a.discHit != b.discHit {
		return a.discHit > b.discHit
	}
	if a.shallow != b.shallow {
		return a.shallow < b.shallow
	}
	return len(a.issues) < len(b.issues)
}

func (w *walker) pickBranch(cands []candidate, v *config.Value) []Issue {
	var typeOK []*candidate
	var otherTypes typeSet
	for i := range cands {
		if cands[i].typeOK {
			typeOK = append(typeOK, &cands[i])
		} else {
			otherTypes |= cands[i].issues[0].expect
		}
	}
	// No branch takes this type: one type complaint naming all of them.
	if len(typeOK) == 0 {
		return []Issue{w.typeIssue(otherTypes, v)}
	}
	// Every branch that takes the type wants a specific value (a union of
	// literals, as gateway.bind is): one "must be one of" with all of them.
	if merged, ok := w.mergeChoices(typeOK, len(w.pos), otherTypes, v); ok {
		return []Issue{merged}
	}
	// A discriminated union whose discriminator matches no branch: complain
	// about the discriminator, listing every value it may take.
	if is, ok := mergeDiscriminators(typeOK, len(w.pos)); ok {
		return []Issue{is}
	}
	// Alternative constraints on one value ("theme" or a colour code): say
	// what each branch would take.
	if is, ok := w.mergeAlternatives(typeOK, len(w.pos), v); ok {
		return []Issue{is}
	}
	best := typeOK[0]
	for _, c := range typeOK[1:] {
		if c.better(best) {
			best = c
		}
	}
	return best.issues
}

// mergeChoices combines branches that each fail only because the value is
// not their literal.
func (w *walker) mergeChoices(cands []*candidate, depth int, otherTypes typeSet, v *config.Value) (Issue, bool) {
	var choices []*jval
	for _, c := range cands {
		if len(c.issues) != 1 || len(c.issues[0].pos) != depth ||
			(c.issues[0].code != codeConst && c.issues[0].code != codeEnum) {
			return Issue{}, false
		}
		choices = appendChoices(choices, c.issues[0].choices)
	}
	is := w.choiceIssue(codeEnum, v, choices)
	is.Message = choiceMessage(otherTypes, choices)
	return is, true
}

// mergeAlternatives joins the complaints of branches that each reject the
// value itself with a single "must …" rule into one "must … or …".
func (w *walker) mergeAlternatives(cands []*candidate, depth int, v *config.Value) (Issue, bool) {
	if len(cands) < 2 {
		return Issue{}, false
	}
	var rules []string
	for _, c := range cands {
		if len(c.issues) != 1 || len(c.issues[0].pos) != depth {
			return Issue{}, false
		}
		rule, ok := strings.CutPrefix(c.issues[0].Message, "must ")
		if !ok {
			return Issue{}, false
		}
		if !slices.Contains(rules, rule) {
			rules = append(rules, rule)
		}
	}
	// No Allowed list: the literals are only some of the alternatives.
	is := w.issue(codeString, v, "must "+strings.Join(rules, " or "))
	if v.Kind == config.Number {
		is.code = codeNumber
	}
	return is, true
}

func appendChoices(list, more []*jval) []*jval {
	for _, m := range more {
		seen := false
		for _, l := range list {
			if l.kind == m.kind && l.text() == m.text() {
				seen = true
				break
			}
		}
		if !seen {
			list = append(list, m)
		}
	}
	return list
}

// mergeDiscriminators handles object unions where every branch rejects the
// same member's constant.
func mergeDiscriminators(cands []*candidate, depth int) (Issue, bool) {
	var first *Issue
	var choices []*jval
	for _, c := range cands {
		if c.discMiss == 0 || c.discHit > 0 {
			return Issue{}, false
		}
		var miss *Issue
		for i := range c.issues {
			is := &c.issues[i]
			if len(is.pos) == depth+1 && is.code == codeConst {
				miss = is
				break
			}
		}
		if first == nil {
			first = miss
		} else if comparePos(first.pos, miss.pos) != 0 {
			return Issue{}, false
		}
		choices = appendChoices(choices, miss.choices)
	}
	if len(choices) < 2 {
		return Issue{}, false
	}
	is := *first
	is.code = codeEnum
	is.choices = choices
	is.Message = choiceMessage(0, choices)
	is.Allowed = make([]string, len(choices))
	for i, c := range choices {
		is.Allowed[i] = c.text()
	}
	return is, true
}

func discriminatorHits(b *node, v *config.Value) int {
	o := b.declared()
	if v.Kind != config.Object || o == nil {
		return 0
	}
	hits := 0
	for _, m := range v.Members {
		s := o.lookup(m.Key)
		for s != nil && s.ref != nil {
			s = s.ref
		}
		if s != nil && s.constVal != nil && equalValue(m.Value, s.constVal) {
			hits++
		}
	}
	return hits
}
