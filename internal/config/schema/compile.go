package schema

import (
	"fmt"
	"math"
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
	props       map[string]*node
	propOrder   []string
	closed      bool  // additionalProperties: false
	additional  *node // additionalProperties as a schema; nil allows anything
	siblingKeys map[string]bool
	required    []string
	propNames   *node
	minProps    int
	maxProps    int // -1 when absent
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

func (n *node) strRules() *stringRules {
	if n.str == nil {
		n.str = &stringRules{maxLen: -1}
	}
	return n.str
}

func (n *node) numRules() *numberRules {
	if n.num == nil {
		n.num = &numberRules{
			minimum: math.Inf(-1), maximum: math.Inf(1),
			exclMinimum: math.Inf(-1), exclMaximum: math.Inf(1),
		}
	}
	return n.num
}

func (n *node) objRules() *objectRules {
	if n.obj == nil {
		n.obj = &objectRules{maxProps: -1}
	}
	return n.obj
}

func (n *node) arrRules() *arrayRules {
	if n.arr == nil {
		n.arr = &arrayRules{maxItems: -1}
	}
	return n.arr
}

func (n *node) logicRules() *logicRules {
	if n.logic == nil {
		n.logic = &logicRules{}
	}
	return n.logic
}

// props returns the declared properties of an object schema, or nil.
func (n *node) props() map[string]*node {
	if n.obj == nil {
		return nil
	}
	return n.obj.props
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

// compiler turns a schema document into nodes in one pass over its bytes.
type compiler struct {
	jparser
	patterns map[string]*pattern // nil entry: unsupported
	ignored  map[string]int
	// scopes are the schema objects enclosing the current one, innermost
	// last; defs holds the $defs of those that have any.
	scopes []*node
	defs   map[*node]map[string]*node
	refs   []pendingRef
	slab   []node
}

// pendingRef is a $ref seen before its target may have been read.
type pendingRef struct {
	from   *node
	name   string  // the definition's name
	scopes []*node // the enclosing schema objects where it was written
	at     int     // offset, for errors
}

func compileSchema(src []byte) (*compiled, error) {
	c := &compiler{
		jparser:  jparser{src: src},
		patterns: map[string]*pattern{},
		ignored:  map[string]int{},
		defs:     map[*node]map[string]*node{},
	}
	c.space()
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
	c.finish(root, map[*node]bool{})
	out := &compiled{root: root, ignored: c.ignored}
	for src, p := range c.patterns {
		if p == nil {
			out.unsupported = append(out.unsupported, src)
		}
	}
	sort.Strings(out.unsupported)
	closeChannels(root)
	return out, nil
}

// closeChannels makes the channel map strict. The exported schema leaves
// `channels` open to any key, but the reference's loader rejects channel ids
// that no bundled or official plugin provides, which is exactly the set the
// schema lists; an unknown channel id is a typo or a retired channel and must
// be reported as an unknown key.
func closeChannels(root *node) {
	ch := root.props()["channels"]
	for ch != nil && ch.ref != nil {
		ch = ch.ref
	}
	if ch != nil && len(ch.props()) > 0 {
		ch.obj.closed = true
		ch.obj.additional = nil
	}
}

func (c *compiler) newNode() *node {
	if len(c.slab) == 0 {
		c.slab = make([]node, 512)
	}
	n := &c.slab[0]
	c.slab = c.slab[1:]
	return n
}

// schema reads one schema: an object, or true/false.
func (c *compiler) schema(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, c.errorf("nesting too deep")
	}
	if c.pos >= len(c.src) {
		return nil, c.errorf("unexpected end of input")
	}
	n := c.newNode()
	switch c.src[c.pos] {
	case 't', 'f':
		v, err := c.value(depth)
		if err != nil {
			return nil, err
		}
		n.never = !v.b
		return n, nil
	case '{':
	default:
		return nil, c.errorf("schema is not an object")
	}
	c.scopes = append(c.scopes, n)
	defer func() { c.scopes = c.scopes[:len(c.scopes)-1] }()
	err := c.members(func(key string) error {
		if err := c.keyword(n, key, depth); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		return nil
	})
	return n, err
}

// members reads an object, calling f with each key when the reader is at
// the member's value; f must consume the value.
func (c *compiler) members(f func(key string) error) error {
	c.space()
	if c.pos >= len(c.src) || c.src[c.pos] != '{' {
		return c.errorf("expected an object")
	}
	c.pos++
	c.space()
	if c.pos < len(c.src) && c.src[c.pos] == '}' {
		c.pos++
		return nil
	}
	for {
		c.space()
		if c.pos >= len(c.src) || c.src[c.pos] != '"' {
			return c.errorf("expected object key")
		}
		key, err := c.str()
		if err != nil {
			return err
		}
		c.space()
		if c.pos >= len(c.src) || c.src[c.pos] != ':' {
			return c.errorf("expected ':'")
		}
		c.pos++
		c.space()
		if err := f(key); err != nil {
			return err
		}
		c.space()
		if c.pos >= len(c.src) {
			return c.errorf("unterminated object")
		}
		switch c.src[c.pos] {
		case ',':
			c.pos++
		case '}':
			c.pos++
			return nil
		default:
			return c.errorf("expected ',' or '}'")
		}
	}
}

// schemaList reads an array of schemas.
func (c *compiler) schemaList(depth int) ([]*node, error) {
	if c.pos >= len(c.src) || c.src[c.pos] != '[' {
		return nil, c.errorf("expected an array")
	}
	c.pos++
	out := []*node{}
	c.space()
	if c.pos < len(c.src) && c.src[c.pos] == ']' {
		c.pos++
		return out, nil
	}
	for {
		c.space()
		s, err := c.schema(depth + 1)
		if err != nil {
			return nil, fmt.Errorf("[%d]: %w", len(out), err)
		}
		out = append(out, s)
		c.space()
		if c.pos >= len(c.src) {
			return nil, c.errorf("unterminated array")
		}
		switch c.src[c.pos] {
		case ',':
			c.pos++
		case ']':
			c.pos++
			return out, nil
		default:
			return nil, c.errorf("expected ',' or ']'")
		}
	}
}

func (c *compiler) keyword(n *node, key string, depth int) error {
	// Keywords whose value is a schema or a map or list of schemas.
	switch key {
	case "properties":
		o := n.objRules()
		o.props = map[string]*node{}
		return c.members(func(name string) error {
			s, err := c.schema(depth + 1)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if _, dup := o.props[name]; !dup {
				o.propOrder = append(o.propOrder, name)
			}
			o.props[name] = s
			return nil
		})
	case "$defs", "definitions":
		defs := c.defs[n]
		if defs == nil {
			defs = map[string]*node{}
			c.defs[n] = defs
		}
		return c.members(func(name string) error {
			s, err := c.schema(depth + 1)
			defs[name] = s
			return err
		})
	case "additionalProperties":
		if c.src[c.pos] == '{' {
			var err error
			n.objRules().additional, err = c.schema(depth + 1)
			return err
		}
	case "additionalItems":
		if c.src[c.pos] == '{' {
			var err error
			n.arrRules().additionalItem, err = c.schema(depth + 1)
			return err
		}
	case "items":
		var err error
		if c.src[c.pos] == '[' {
			n.arrRules().tuple, err = c.schemaList(depth)
		} else {
			n.arrRules().items, err = c.schema(depth + 1)
		}
		return err
	case "propertyNames", "not", "if", "then", "else":
		s, err := c.schema(depth + 1)
		if err != nil {
			return err
		}
		switch key {
		case "propertyNames":
			n.objRules().propNames = s
		case "not":
			n.logicRules().not = s
		case "if":
			n.logicRules().ifN = s
		case "then":
			n.logicRules().thenN = s
		case "else":
			n.logicRules().elseN = s
		}
		return nil
	case "allOf":
		list, err := c.schemaList(depth)
		n.logicRules().allOf = list
		return err
	case "anyOf", "oneOf":
		// oneOf is checked like anyOf: the reference's validator takes the
		// first union member that accepts a value and never rejects one for
		// matching twice, and its exported oneOf branches are disjoint
		// discriminated unions anyway.
		list, err := c.schemaList(depth)
		n.logicRules().anyOf = append(n.logic.anyOf, list...)
		return err
	}

	// Everything else has a plain JSON value.
	at := c.pos
	v, err := c.value(depth)
	if err != nil {
		return err
	}
	switch key {
	case "$ref":
		if v.kind != jStr {
			return fmt.Errorf("not a string")
		}
		name, ok := strings.CutPrefix(v.s, "#/$defs/")
		if !ok {
			name, ok = strings.CutPrefix(v.s, "#/definitions/")
		}
		if !ok || strings.Contains(name, "/") || strings.Contains(name, "~") {
			return fmt.Errorf("unsupported reference %q", v.s)
		}
		c.refs = append(c.refs, pendingRef{from: n, name: name, scopes: append([]*node(nil), c.scopes...), at: at})
	case "type":
		n.types, err = compileTypes(v)
	case "const":
		n.constVal = v
	case "enum":
		if v.kind != jArr {
			return fmt.Errorf("not an array")
		}
		n.enum = v.arr
		if n.enum == nil {
			n.enum = []*jval{}
		}
	case "default":
		n.hasDefault = true
	case "minLength":
		n.strRules().minLen, err = count(v)
	case "maxLength":
		n.strRules().maxLen, err = count(v)
	case "pattern":
		if v.kind != jStr {
			return fmt.Errorf("not a string")
		}
		if p := c.pattern(v.s); p != nil {
			n.strRules().patterns = append(n.str.patterns, p)
		}
	case "minimum":
		n.numRules().minimum, err = number(v)
	case "maximum":
		n.numRules().maximum, err = number(v)
	case "exclusiveMinimum":
		n.numRules().exclMinimum, err = number(v)
	case "exclusiveMaximum":
		n.numRules().exclMaximum, err = number(v)
	case "additionalProperties":
		if v.kind != jBool {
			return fmt.Errorf("not a schema")
		}
		n.objRules().closed = !v.b
	case "additionalItems":
		if v.kind != jBool {
			return fmt.Errorf("not a schema")
		}
		n.arrRules().closedTuple = !v.b
	case "required":
		n.objRules().required, err = stringList(v)
	case "minProperties":
		n.objRules().minProps, err = count(v)
	case "maxProperties":
		n.objRules().maxProps, err = count(v)
	case "minItems":
		n.arrRules().minItems, err = count(v)
	case "maxItems":
		n.arrRules().maxItems, err = count(v)
	case "uniqueItems":
		n.arrRules().unique = v.kind == jBool && v.b
	default:
		// format, $schema, title, description and the like do not
		// constrain a value; format is advisory in draft-07.
		c.ignored[key]++
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
func (c *compiler) finish(n *node, done map[*node]bool) {
	if n == nil || done[n] {
		return
	}
	done[n] = true
	if n.ref != nil {
		c.finish(n.ref, done)
		return
	}
	if o := n.obj; o != nil {
		for _, k := range o.propOrder {
			c.finish(o.props[k], done)
		}
		c.finish(o.additional, done)
		c.finish(o.propNames, done)
		o.required = inputRequired(o.required, o.props)
	}
	if a := n.arr; a != nil {
		c.finish(a.items, done)
		c.finish(a.additionalItem, done)
		for _, s := range a.tuple {
			c.finish(s, done)
		}
	}
	if l := n.logic; l != nil {
		for _, s := range l.allOf {
			c.finish(s, done)
		}
		for _, s := range l.anyOf {
			c.finish(s, done)
		}
		c.finish(l.not, done)
		c.finish(l.ifN, done)
		c.finish(l.thenN, done)
		c.finish(l.elseN, done)
		mergeAllOfKeys(n)
	}
}

// inputRequired drops required keys that have a default. The reference
// exports the schema of the config after defaults are applied, where such
// keys are always present; in the file a user writes they are optional.
func inputRequired(required []string, props map[string]*node) []string {
	out := required[:0:0]
	for _, k := range required {
		p := props[k]
		for p != nil && p.ref != nil {
			p = p.ref
		}
		if p != nil && p.hasDefault {
			continue
		}
		out = append(out, k)
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
		for _, k := range n.obj.propOrder {
			union[k] = true
		}
	}
	members := make([]*node, len(n.logic.allOf))
	for i, m := range n.logic.allOf {
		for m.ref != nil {
			m = m.ref
		}
		members[i] = m
		if m.obj != nil {
			for _, k := range m.obj.propOrder {
				union[k] = true
			}
		}
	}
	if len(union) == 0 {
		return
	}
	siblings := func(own map[string]*node) map[string]bool {
		out := map[string]bool{}
		for k := range union {
			if _, ok := own[k]; !ok {
				out[k] = true
			}
		}
		return out
	}
	if n.obj != nil && n.obj.closed {
		n.obj.siblingKeys = siblings(n.obj.props)
	}
	for i, m := range members {
		if m.obj == nil || !m.obj.closed {
			continue
		}
		// Copies, since a referenced member may be shared with other parents.
		cp, obj := *m, *m.obj
		obj.siblingKeys = siblings(m.obj.props)
		cp.obj = &obj
		n.logic.allOf[i] = &cp
	}
}

func compileTypes(v *jval) (typeSet, error) {
	var names []*jval
	switch v.kind {
	case jStr:
		names = []*jval{v}
	case jArr:
		names = v.arr
	default:
		return 0, fmt.Errorf("not a string or array")
	}
	var t typeSet
	for _, nm := range names {
		if nm.kind != jStr {
			return 0, fmt.Errorf("type name is not a string")
		}
		bit, ok := typeByName(nm.s)
		if !ok {
			return 0, fmt.Errorf("unknown type %q", nm.s)
		}
		t |= bit
	}
	return t, nil
}

func count(v *jval) (int, error) {
	if v.kind != jNum || v.n < 0 || v.n != math.Trunc(v.n) || v.n > math.MaxInt32 {
		return 0, fmt.Errorf("not a non-negative integer")
	}
	return int(v.n), nil
}

func number(v *jval) (float64, error) {
	if v.kind != jNum {
		return 0, fmt.Errorf("not a number")
	}
	return v.n, nil
}

func stringList(v *jval) ([]string, error) {
	if v.kind != jArr {
		return nil, fmt.Errorf("not an array")
	}
	out := make([]string, 0, len(v.arr))
	for _, e := range v.arr {
		if e.kind != jStr {
			return nil, fmt.Errorf("not a string")
		}
		out = append(out, e.s)
	}
	return out, nil
}
