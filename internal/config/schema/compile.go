package schema

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// typeSet is a set of JSON Schema type names.
type typeSet uint8

const (
	tNull typeSet = 1 << iota
	tBoolean
	tNumber
	tInteger
	tString
	tArray
	tObject
)

type typeName struct {
	t    typeSet
	name string
}

// typeNames lists the types in the order messages name them.
func typeNames() [7]typeName {
	return [...]typeName{
		{tString, "string"}, {tNumber, "number"}, {tInteger, "integer"}, {tBoolean, "boolean"},
		{tObject, "object"}, {tArray, "array"}, {tNull, "null"},
	}
}

func typeByName(name string) (typeSet, bool) {
	for _, tn := range typeNames() {
		if tn.name == name {
			return tn.t, true
		}
	}
	return 0, false
}

// String lists the types for messages: "string or object".
func (t typeSet) String() string {
	var names []string
	for _, tn := range typeNames() {
		// "number" already admits integers.
		if t&tn.t != 0 && !(tn.t == tInteger && t&tNumber != 0) {
			names = append(names, tn.name)
		}
	}
	switch len(names) {
	case 0:
		return "nothing"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// node is one compiled schema. The zero value accepts everything. Keywords
// that apply to one instance type live in optional parts so that the many
// small schemas ("type": "string") stay small.
type node struct {
	ref        *node // draft-07: a $ref replaces every sibling keyword
	types      typeSet
	never      bool // the schema `false`
	hasDefault bool
	finished   bool // compile-time bookkeeping for finish
	constVal   *jval
	enum       []*jval
	str        *stringRules
	num        *numberRules
	obj        *objectRules
	arr        *arrayRules
	logic      *logicRules
}

type stringRules struct {
	minLen, maxLen int // UTF-16 code units; maxLen -1 when absent
	patterns       []*pattern
}

type numberRules struct {
	minimum, maximum         float64 // ±Inf when absent
	exclMinimum, exclMaximum float64 // ±Inf when absent
}

type objectRules struct {
	props      []prop // in declaration order
	byName     []prop // sorted by name; only for objects with many keys
	closed     bool   // additionalProperties: false
	additional *node  // additionalProperties as a schema; nil allows anything
	// siblingKeys, sorted, are keys declared by the other members of an
	// allOf this schema belongs to (see mergeAllOfKeys).
	siblingKeys []string
	required    []string
	propNames   *node
	minProps    int
	maxProps    int // -1 when absent
}

type prop struct {
	name   string
	schema *node
}

// lookup returns the schema declared for a key, or nil.
func (o *objectRules) lookup(key string) *node {
	if o.byName == nil {
		// Later declarations of a repeated name win, as in a JSON object.
		for i := len(o.props) - 1; i >= 0; i-- {
			if o.props[i].name == key {
				return o.props[i].schema
			}
		}
		return nil
	}
	i := sort.Search(len(o.byName), func(i int) bool { return o.byName[i].name >= key })
	if i < len(o.byName) && o.byName[i].name == key {
		return o.byName[i].schema
	}
	return nil
}

func (o *objectRules) isSibling(key string) bool {
	i := sort.SearchStrings(o.siblingKeys, key)
	return i < len(o.siblingKeys) && o.siblingKeys[i] == key
}

type arrayRules struct {
	items          *node
	tuple          []*node // items given as an array; nil otherwise
	closedTuple    bool    // additionalItems: false
	additionalItem *node
	minItems       int
	maxItems       int // -1 when absent
	unique         bool
}

type logicRules struct {
	allOf, anyOf []*node
	not          *node
	ifN          *node
	thenN, elseN *node
}

// declared returns the object rules of a schema, following references, or nil.
func (n *node) declared() *objectRules {
	for n.ref != nil {
		n = n.ref
	}
	return n.obj
}

// compiled is one release's schema, ready to validate with.
type compiled struct {
	root *node
	// unsupported lists the patterns left unchecked because RE2 cannot
	// express them, sorted.
	unsupported []string
	// ignored counts keywords the validator does not act on.
	ignored map[string]int
}

// compiler turns a schema document into nodes in one pass over its text.
type compiler struct {
	jparser
	nodes    slab[node]
	strs     slab[stringRules]
	nums     slab[numberRules]
	objs     slab[objectRules]
	arrs     slab[arrayRules]
	logics   slab[logicRules]
	propBuf  []prop              // scratch for properties being read, nested
	patterns map[string]*pattern // nil entry: unsupported
	ignored  map[string]int
	// scopes are the schema objects enclosing the current one, innermost
	// last; defs holds the $defs of those that have any.
	scopes []*node
	defs   map[*node]map[string]*node
	refs   []pendingRef
}

// pendingRef is a $ref seen before its target may have been read.
type pendingRef struct {
	from   *node
	name   string  // the definition's name
	scopes []*node // the enclosing schema objects where it was written
	at     int     // offset, for errors
}

func compileSchema(src string) (*compiled, error) {
	c := &compiler{
		jparser:  jparser{src: src},
		patterns: map[string]*pattern{},
		ignored:  map[string]int{},
		defs:     map[*node]map[string]*node{},
	}
	root, err := c.schema(0)
	if err != nil {
		return nil, err
	}
	c.space()
	if c.pos != len(c.src) {
		return nil, c.errorf("trailing data")
	}
	if err := c.resolveRefs(); err != nil {
		return nil, err
	}
	c.finish(root)
	closeChannels(root)
	out := &compiled{root: root, ignored: c.ignored}
	for src, p := range c.patterns {
		if p == nil {
			out.unsupported = append(out.unsupported, src)
		}
	}
	sort.Strings(out.unsupported)
	return out, nil
}

// closeChannels makes the channel map strict. The exported schema leaves
// `channels` open to any key, but the reference's loader rejects channel ids
// that no bundled or official plugin provides, which is exactly the set the
// schema lists; an unknown channel id is a typo or a retired channel and must
// be reported as an unknown key.
func closeChannels(root *node) {
	rootObj := root.declared()
	if rootObj == nil {
		return
	}
	ch := rootObj.lookup("channels")
	if ch == nil {
		return
	}
	if o := ch.declared(); o != nil && len(o.props) > 0 {
		o.closed = true
		o.additional = nil
	}
}

func (c *compiler) strRules(n *node) *stringRules {
	if n.str == nil {
		n.str = c.strs.new()
		n.str.maxLen = -1
	}
	return n.str
}

func (c *compiler) numRules(n *node) *numberRules {
	if n.num == nil {
		n.num = c.nums.new()
		*n.num = numberRules{
			minimum: math.Inf(-1), maximum: math.Inf(1),
			exclMinimum: math.Inf(-1), exclMaximum: math.Inf(1),
		}
	}
	return n.num
}

func (c *compiler) objRules(n *node) *objectRules {
	if n.obj == nil {
		n.obj = c.objs.new()
		n.obj.maxProps = -1
	}
	return n.obj
}

func (c *compiler) arrRules(n *node) *arrayRules {
	if n.arr == nil {
		n.arr = c.arrs.new()
		n.arr.maxItems = -1
	}
	return n.arr
}

func (c *compiler) logicRules(n *node) *logicRules {
	if n.logic == nil {
		n.logic = c.logics.new()
	}
	return n.logic
}

// schema reads one schema: an object, or true/false.
func (c *compiler) schema(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, c.errorf("nesting too deep")
	}
	n := c.nodes.new()
	switch c.peek() {
	case 't':
		return n, c.word("true")
	case 'f':
		n.never = true
		return n, c.word("false")
	case '{':
	default:
		return nil, c.errorf("schema is not an object")
	}
	c.pos++
	c.scopes = append(c.scopes, n)
	for first := true; ; {
		key, ok, err := c.nextKey(&first)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if err := c.keyword(n, key, depth); err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
	}
	c.scopes = c.scopes[:len(c.scopes)-1]
	return n, nil
}

// properties reads the value of "properties".
func (c *compiler) properties(depth int) ([]prop, error) {
	if err := c.beginObject(); err != nil {
		return nil, err
	}
	base := len(c.propBuf)
	defer func() { c.propBuf = c.propBuf[:base] }()
	for first := true; ; {
		name, ok, err := c.nextKey(&first)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		s, err := c.schema(depth + 1)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.propBuf = append(c.propBuf, prop{name: name, schema: s})
	}
	return append([]prop(nil), c.propBuf[base:]...), nil
}

// schemaList reads an array of schemas.
func (c *compiler) schemaList(depth int) ([]*node, error) {
	if err := c.beginArray(); err != nil {
		return nil, err
	}
	var out []*node
	for first := true; ; {
		ok, err := c.nextElem(&first)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		s, err := c.schema(depth + 1)
		if err != nil {
			return nil, fmt.Errorf("[%d]: %w", len(out), err)
		}
		out = append(out, s)
	}
}

// stringList reads an array of strings.
func (c *compiler) stringList() ([]string, error) {
	if err := c.beginArray(); err != nil {
		return nil, err
	}
	var out []string
	for first := true; ; {
		ok, err := c.nextElem(&first)
		if err != nil || !ok {
			return out, err
		}
		s, err := c.str()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// types reads the value of "type": a name or an array of names.
func (c *compiler) types() (typeSet, error) {
	one := func() (typeSet, error) {
		name, err := c.str()
		if err != nil {
			return 0, err
		}
		t, ok := typeByName(name)
		if !ok {
			return 0, fmt.Errorf("unknown type %q", name)
		}
		return t, nil
	}
	if c.peek() != '[' {
		return one()
	}
	c.pos++
	var all typeSet
	for first := true; ; {
		ok, err := c.nextElem(&first)
		if err != nil || !ok {
			return all, err
		}
		t, err := one()
		if err != nil {
			return 0, err
		}
		all |= t
	}
}

func (c *compiler) count() (int, error) {
	f, err := c.num()
	if err != nil {
		return 0, err
	}
	if f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, fmt.Errorf("not a non-negative integer")
	}
	return int(f), nil
}

func (c *compiler) boolean() (bool, error) {
	switch c.peek() {
	case 't':
		return true, c.word("true")
	case 'f':
		return false, c.word("false")
	}
	return false, c.errorf("expected a boolean")
}

func (c *compiler) keyword(n *node, key string, depth int) error {
	var err error
	switch key {
	case "type":
		n.types, err = c.types()
	case "properties":
		c.objRules(n).props, err = c.properties(depth)
	case "additionalProperties":
		if c.peek() == '{' {
			c.objRules(n).additional, err = c.schema(depth + 1)
		} else {
			var allowed bool
			allowed, err = c.boolean()
			c.objRules(n).closed = !allowed
		}
	case "required":
		c.objRules(n).required, err = c.stringList()
	case "const":
		n.constVal, err = c.value(depth)
	case "enum":
		var v *jval
		if v, err = c.value(depth); err == nil {
			if v.kind != jArr {
				return fmt.Errorf("not an array")
			}
			n.enum = append([]*jval{}, v.arr...)
		}
	case "default":
		n.hasDefault = true
		err = c.skip(depth)
	case "pattern":
		var src string
		if src, err = c.str(); err == nil {
			if p := c.pattern(src); p != nil {
				r := c.strRules(n)
				r.patterns = append(r.patterns, p)
			}
		}
	case "minLength":
		c.strRules(n).minLen, err = c.count()
	case "maxLength":
		c.strRules(n).maxLen, err = c.count()
	case "minimum":
		c.numRules(n).minimum, err = c.num()
	case "maximum":
		c.numRules(n).maximum, err = c.num()
	case "exclusiveMinimum":
		c.numRules(n).exclMinimum, err = c.num()
	case "exclusiveMaximum":
		c.numRules(n).exclMaximum, err = c.num()
	case "propertyNames":
		c.objRules(n).propNames, err = c.schema(depth + 1)
	case "minProperties":
		c.objRules(n).minProps, err = c.count()
	case "maxProperties":
		c.objRules(n).maxProps, err = c.count()
	case "items":
		if c.peek() == '[' {
			a := c.arrRules(n)
			if a.tuple, err = c.schemaList(depth); a.tuple == nil {
				a.tuple = []*node{}
			}
		} else {
			c.arrRules(n).items, err = c.schema(depth + 1)
		}
	case "additionalItems":
		if c.peek() == '{' {
			c.arrRules(n).additionalItem, err = c.schema(depth + 1)
		} else {
			var allowed bool
			allowed, err = c.boolean()
			c.arrRules(n).closedTuple = !allowed
		}
	case "minItems":
		c.arrRules(n).minItems, err = c.count()
	case "maxItems":
		c.arrRules(n).maxItems, err = c.count()
	case "uniqueItems":
		c.arrRules(n).unique, err = c.boolean()
	case "allOf":
		c.logicRules(n).allOf, err = c.schemaList(depth)
	case "anyOf", "oneOf":
		// oneOf is checked like anyOf: the reference's validator takes the
		// first union member that accepts a value and never rejects one for
		// matching twice, and its exported oneOf branches are disjoint
		// discriminated unions anyway.
		var list []*node
		list, err = c.schemaList(depth)
		l := c.logicRules(n)
		l.anyOf = append(l.anyOf, list...)
	case "not":
		c.logicRules(n).not, err = c.schema(depth + 1)
	case "if":
		c.logicRules(n).ifN, err = c.schema(depth + 1)
	case "then":
		c.logicRules(n).thenN, err = c.schema(depth + 1)
	case "else":
		c.logicRules(n).elseN, err = c.schema(depth + 1)
	case "$defs", "definitions":
		var defs []prop
		if defs, err = c.properties(depth); err == nil {
			m := c.defs[n]
			if m == nil {
				m = map[string]*node{}
				c.defs[n] = m
			}
			for _, d := range defs {
				m[d.name] = d.schema
			}
		}
	case "$ref":
		at := c.pos
		var ref string
		if ref, err = c.str(); err != nil {
			return err
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			name, ok = strings.CutPrefix(ref, "#/definitions/")
		}
		if !ok || strings.ContainsAny(name, "/~") {
			return fmt.Errorf("unsupported reference %q", ref)
		}
		c.refs = append(c.refs, pendingRef{from: n, name: name, scopes: append([]*node(nil), c.scopes...), at: at})
	default:
		// format, $schema, title, description and the like do not
		// constrain a value; format is advisory in draft-07.
		c.ignored[key]++
		err = c.skip(depth)
	}
	return err
}

// resolveRefs points every $ref at its definition. The reference embeds each
// plugin's own schema document (with its own $defs) inside the config schema
// without rebasing its "#/$defs/…" references, so a reference resolves
// against the innermost enclosing schema that defines the name rather than
// strictly against the document root.
func (c *compiler) resolveRefs() error {
	for _, r := range c.refs {
		for i := len(r.scopes) - 1; i >= 0 && r.from.ref == nil; i-- {
			r.from.ref = c.defs[r.scopes[i]][r.name]
		}
		if r.from.ref == nil {
			return fmt.Errorf("json offset %d: unresolved reference to %q", r.at, r.name)
		}
	}
	return nil
}

// finish applies the adjustments that need a node's whole subtree, once per
// node, children first.
func (c *compiler) finish(n *node) {
	if n == nil || n.finished {
		return
	}
	n.finished = true
	if n.ref != nil {
		c.finish(n.ref)
		return
	}
	if o := n.obj; o != nil {
		for _, p := range o.props {
			c.finish(p.schema)
		}
		c.finish(o.additional)
		c.finish(o.propNames)
		if len(o.props) > 8 {
			o.byName = sortedProps(o.props)
		}
		o.required = inputRequired(o)
	}
	if a := n.arr; a != nil {
		c.finish(a.items)
		c.finish(a.additionalItem)
		for _, s := range a.tuple {
			c.finish(s)
		}
	}
	if l := n.logic; l != nil {
		for _, s := range l.allOf {
			c.finish(s)
		}
		for _, s := range l.anyOf {
			c.finish(s)
		}
		c.finish(l.not)
		c.finish(l.ifN)
		c.finish(l.thenN)
		c.finish(l.elseN)
		mergeAllOfKeys(n)
	}
}

// sortedProps indexes properties by name; a repeated name keeps its last
// declaration, as a JSON object would.
func sortedProps(props []prop) []prop {
	out := slices.Clone(props)
	slices.SortStableFunc(out, func(a, b prop) int { return strings.Compare(a.name, b.name) })
	kept := out[:0]
	for i, p := range out {
		if i+1 < len(out) && out[i+1].name == p.name {
			continue
		}
		kept = append(kept, p)
	}
	return kept
}

// inputRequired drops required keys that have a default. The reference
// exports the schema of the config after defaults are applied, where such
// keys are always present; in the file a user writes they are optional.
func inputRequired(o *objectRules) []string {
	var out []string
	copied := false
	for i, k := range o.required {
		p := o.lookup(k)
		for p != nil && p.ref != nil {
			p = p.ref
		}
		if p != nil && p.hasDefault {
			if !copied {
				out, copied = append([]string(nil), o.required[:i]...), true
			}
			continue
		}
		if copied {
			out = append(out, k)
		}
	}
	if !copied {
		return o.required
	}
	return out
}

func (c *compiler) pattern(src string) *pattern {
	if p, ok := c.patterns[src]; ok {
		return p
	}
	p, err := compilePattern(src)
	if err != nil {
		p = nil
	}
	c.patterns[src] = p
	return p
}

// mergeAllOfKeys lets the members of an allOf share their declared keys.
// The reference exports an intersection of two strict objects as an allOf of
// two schemas that each forbid additional properties; read literally, no
// object with keys from both sides could ever match. The reference accepts
// such objects, so a key declared by any member is known to all of them (as
// draft 2019's unevaluatedProperties would have it).
func mergeAllOfKeys(n *node) {
	if len(n.logic.allOf) == 0 {
		return
	}
	union := map[string]bool{}
	if n.obj != nil {
		for _, p := range n.obj.props {
			union[p.name] = true
		}
	}
	members := make([]*node, len(n.logic.allOf))
	for i, m := range n.logic.allOf {
		for m.ref != nil {
			m = m.ref
		}
		members[i] = m
		if m.obj != nil {
			for _, p := range m.obj.props {
				union[p.name] = true
			}
		}
	}
	if len(union) == 0 {
		return
	}
	siblings := func(own *objectRules) []string {
		var out []string
		for k := range union {
			if own.lookup(k) == nil {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out
	}
	if n.obj != nil && n.obj.closed {
		n.obj.siblingKeys = siblings(n.obj)
	}
	for i, m := range members {
		if m.obj == nil || !m.obj.closed {
			continue
		}
		// Copies, since a referenced member may be shared with other parents.
		cp, obj := *m, *m.obj
		obj.siblingKeys = siblings(m.obj)
		cp.obj = &obj
		n.logic.allOf[i] = &cp
	}
}
