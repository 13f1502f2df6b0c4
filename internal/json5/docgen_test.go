package json5

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// docGen writes random JSON5 documents that use every syntax form of the
// dialect, and broken variants of them. It only emits identifier characters
// the reference's Unicode 10 tables already had, and lone surrogate escapes
// only in string values (two lone surrogates in keys would both read as
// U+FFFD here, a documented difference).
type docGen struct {
	r *rand.Rand
	// keys are keys used so far, reused to make duplicates.
	keys []string
}

func newDocGen(seed uint64) *docGen {
	return &docGen{r: rand.New(rand.NewPCG(seed, 0x6a736f6e35))}
}

func (g *docGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *docGen) chance(pct int) bool { return g.r.IntN(100) < pct }

// document is one case: mostly valid, about a quarter broken on purpose.
func (g *docGen) document() string {
	g.keys = g.keys[:0]
	var b strings.Builder
	b.WriteString(g.trivia())
	if g.chance(85) {
		b.WriteString(g.container(0))
	} else {
		b.WriteString(g.value(0))
	}
	b.WriteString(g.trivia())
	src := b.String()
	if g.chance(25) {
		src = mutate(g.r, src)
	}
	return src
}

var spaces = []string{
	" ", " ", "  ", "\t", "\n", "\n  ", "\r\n", "\r", "\v", "\f", "\u00a0", "\ufeff",
	"\u2028", "\u2029", "\u3000", "\u1680", "\u2000", "\u200a", "\u202f", "\u205f",
}

var comments = []string{
	"//c\n", "// comment ' \" */\n", "//\r\n", "// sep\u2028", "// sep\u2029", "//\r",
	"/**/", "/* c */", "/* * / ** */", "/***/", "/* multi\nline */", "/* // */", "/*é中*/",
}

// trivia is whitespace and comments, often nothing.
func (g *docGen) trivia() string {
	if g.chance(55) {
		return ""
	}
	var b strings.Builder
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		if g.chance(25) {
			b.WriteString(g.pick(comments))
		} else {
			b.WriteString(g.pick(spaces))
		}
	}
	return b.String()
}

func (g *docGen) value(depth int) string {
	switch k := g.r.IntN(20); {
	case k < 2:
		return g.pick([]string{"null", "true", "false"})
	case k < 8:
		return g.number()
	case k < 14:
		return g.str(true)
	default:
		if depth < 6 {
			return g.container(depth)
		}
		return g.number()
	}
}

func (g *docGen) container(depth int) string {
	if g.chance(50) {
		return g.object(depth + 1)
	}
	return g.array(depth + 1)
}

func (g *docGen) array(depth int) string {
	var b strings.Builder
	b.WriteByte('[')
	n := g.r.IntN(5)
	for i := range n {
		b.WriteString(g.trivia())
		b.WriteString(g.value(depth))
		b.WriteString(g.trivia())
		if i < n-1 || g.chance(30) {
			b.WriteByte(',')
		}
	}
	b.WriteString(g.trivia())
	b.WriteByte(']')
	return b.String()
}

func (g *docGen) object(depth int) string {
	var b strings.Builder
	b.WriteByte('{')
	n := g.r.IntN(5)
	for i := range n {
		b.WriteString(g.trivia())
		b.WriteString(g.key())
		b.WriteString(g.trivia())
		b.WriteByte(':')
		b.WriteString(g.trivia())
		b.WriteString(g.value(depth))
		b.WriteString(g.trivia())
		if i < n-1 || g.chance(30) {
			b.WriteByte(',')
		}
	}
	b.WriteString(g.trivia())
	b.WriteByte('}')
	return b.String()
}

var specialKeys = []string{
	"__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "null", "true",
	"Infinity", "NaN", "0", "1", "-1", "", "a.b", "$include", "__defineGetter__",
}

var idStarts = []string{"a", "z", "A", "Q", "_", "$", "é", "ß", "ǅ", "Ω", "ж", "中", "あ", "カ", "한", "ⅰ"}
var idParts = []string{"a", "b", "Z", "0", "9", "_", "$", "é", "\u0301", "\u0663", "\u200c", "\u200d", "‿", "中"}

// key is an object key in any of its forms: identifier (with \u escapes),
// quoted, a special name, or a key seen before (a duplicate).
func (g *docGen) key() string {
	if len(g.keys) > 0 && g.chance(12) {
		k := g.keys[g.r.IntN(len(g.keys))]
		return g.quoteKey(k)
	}
	var k string
	switch g.r.IntN(10) {
	case 0:
		k = g.pick(specialKeys)
	case 1, 2, 3:
		k = g.rawString(false)
		g.keys = append(g.keys, k)
		return g.quoteAs(k, g.pick([]string{`"`, `'`}), false)
	default:
		var b strings.Builder
		b.WriteString(g.pick(idStarts))
		for n := g.r.IntN(6); n > 0; n-- {
			b.WriteString(g.pick(idParts))
		}
		k = b.String()
	}
	g.keys = append(g.keys, k)
	return g.quoteKey(k)
}

// quoteKey writes k unquoted when it is an identifier (sometimes with a
// character spelled as a \u escape), quoted otherwise.
func (g *docGen) quoteKey(k string) string {
	if isIdentifierName(k) && g.chance(70) {
		if g.chance(25) {
			rs := []rune(k)
			i := g.r.IntN(len(rs))
			if rs[i] < 0x10000 {
				return string(rs[:i]) + escapeU(rs[i], g.chance(50)) + string(rs[i+1:])
			}
		}
		return k
	}
	return g.quoteAs(k, g.pick([]string{`"`, `'`}), false)
}

func escapeU(r rune, upper bool) string {
	s := strconv.FormatInt(int64(r), 16)
	s = strings.Repeat("0", 4-len(s)) + s
	if upper {
		s = strings.ToUpper(s)
	}
	return `\u` + s
}

// quoteAs writes s between q quotes, escaping what must be escaped and,
// at random, other characters too.
func (g *docGen) quoteAs(s, q string, lone bool) string {
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		switch {
		case string(r) == q || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(g.pick([]string{`\n`, `\u000a`, `\x0a`, `\u000A`}))
		case r == '\r':
			b.WriteString(g.pick([]string{`\r`, `\u000d`, `\x0D`}))
		case r >= 0x10000 && g.chance(40):
			r1, r2 := utf16Pair(r)
			b.WriteString(escapeU(r1, g.chance(50)) + escapeU(r2, false))
		case r < 0x10000 && g.chance(5):
			b.WriteString(escapeU(r, g.chance(50)))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(q)
	return b.String()
}

func utf16Pair(r rune) (rune, rune) {
	r -= 0x10000
	return 0xD800 + (r>>10)&0x3FF, 0xDC00 + r&0x3FF
}

var strPieces = []string{
	"a", "hello", " ", "é", "中文", "😀", "\u2028", "\u2029", "\t", "\u0000"[0:0] + "\x01"[0:0] + "x",
	"\ufeff", "\u00a0", "'", "\"", "/", "*/", "//", "${VAR}", "$${X}",
}

// rawString is a random decoded string value.
func (g *docGen) rawString(lone bool) string {
	var b strings.Builder
	for n := g.r.IntN(5); n > 0; n-- {
		b.WriteString(g.pick(strPieces))
	}
	return b.String()
}

var escapes = []string{
	`\n`, `\t`, `\b`, `\f`, `\r`, `\v`, `\0`, `\'`, `\"`, `\\`, `\/`, `\x41`, `\xfF`, `\x00`,
	`\u0041`, `\u00e9`, `\uFFFF`, `\ud83d\ude00`, `\uD834\uDD1E`, `\a`, `\q`, `\é`, `\中`, `\ `,
	"\\\n", "\\\r\n", "\\\r", "\\\u2028", "\\\u2029", `\0a`, `\$`, `\%`, `\Z`,
}

var loneEscapes = []string{`\ud800`, `\udfff`, `\uDBFF`, `\udc00x`, `\ud83d\ud83d`, `\ude00\ud83d`}

var badEscapes = []string{`\01`, `\1`, `\9`, `\x4`, `\xg0`, `\u12`, `\u{41}`, `\uZZZZ`, "\n", "\r"}

// str is a quoted string value: pieces, escapes of every kind, and
// occasionally a lone surrogate or an invalid escape.
func (g *docGen) str(values bool) string {
	q := g.pick([]string{`"`, `'`})
	var b strings.Builder
	b.WriteString(q)
	for n := g.r.IntN(6); n > 0; n-- {
		switch k := g.r.IntN(20); {
		case k < 9:
			p := g.pick(strPieces)
			p = strings.ReplaceAll(p, q, `\`+q)
			b.WriteString(p)
		case k < 18:
			b.WriteString(g.pick(escapes))
		case k < 19 && values:
			b.WriteString(g.pick(loneEscapes))
		default:
			if g.chance(30) {
				b.WriteString(g.pick(badEscapes))
			} else {
				b.WriteString(g.pick(escapes))
			}
		}
	}
	b.WriteString(q)
	return b.String()
}

var numberForms = []string{
	"0", "-0", "+0", "0.0", "-0.0", ".0", "-.0", "+.0", "0.", "-0.", "1", "-1", "+1", "123", "1.5",
	".5", "5.", "+.5", "-.5e3", "1e10", "1E-5", "1e+5", "1.e5", "0e0", "0e-0", "1e400", "-1e400",
	"1e-400", "5e-324", "4.9e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
	"1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
	"9007199254740991", "9007199254740993", "18446744073709551616", "123456789012345678901234567890",
	"0.1", "0.30000000000000004", "1e21", "1e-7", "0x0", "0x1F", "0XaB", "-0x0", "+0x10", "-0xff",
	"0x8000000000000000", "0xFFFFFFFFFFFFFFFF", "0x20000000000001", "0x1fffffffffffff",
	"0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "Infinity", "-Infinity", "+Infinity", "NaN", "-NaN", "+NaN",
	"00", "01", "-01", "0x", "0xg", "1e", "1e+", ".", "-.", "+", "-", ".e1", "1..2", "1.2.3", "0b1",
	"0o7", "1_000", "Inf", "infinity", "nan", "+-1", "--1", "0x.1", "1ee5", "1e5.5", "0.e", "00.5",
}

// number is a literal from the edge list or a random one.
func (g *docGen) number() string {
	if g.chance(50) {
		return g.pick(numberForms)
	}
	var b strings.Builder
	if g.chance(30) {
		b.WriteString(g.pick([]string{"-", "+"}))
	}
	if g.chance(15) {
		b.WriteString(g.pick([]string{"0x", "0X"}))
		for n := 1 + g.r.IntN(20); n > 0; n-- {
			b.WriteByte("0123456789abcdefABCDEF"[g.r.IntN(22)])
		}
		return b.String()
	}
	intDigits := g.r.IntN(25)
	if intDigits > 0 {
		b.WriteByte("123456789"[g.r.IntN(9)])
		for range intDigits - 1 {
			b.WriteByte(byte('0' + g.r.IntN(10)))
		}
	} else if g.chance(50) {
		b.WriteByte('0')
	}
	if g.chance(40) || b.Len() == 0 || b.String() == "-" || b.String() == "+" {
		b.WriteByte('.')
		for n := g.r.IntN(20); n > 0; n-- {
			b.WriteByte(byte('0' + g.r.IntN(10)))
		}
		if intDigits == 0 && strings.HasSuffix(b.String(), ".") {
			b.WriteByte('5')
		}
	}
	if g.chance(35) {
		b.WriteString(g.pick([]string{"e", "E", "e+", "e-", "E-"}))
		b.WriteString(strconv.Itoa(g.r.IntN(400)))
	}
	return b.String()
}

var mutationTokens = []string{
	",", ",", ":", "{", "}", "[", "]", `"`, "'", "\\", "/", "/*", "*/", "//", "\n", " ", "\u2028",
	"\ufeff", "0", "-", "+", ".", "e", "x", "0x", "NaN", "Infinity", "null", "a", "$", "_", "é", "\t",
	"\\u0041", "\\x", "#", "`", "\u00a0",
}

// mutate changes src at random: a rune deleted, inserted, replaced or
// duplicated, the text truncated, or a JSON-to-JSON5 rewrite (unquoted
// keys, single quotes, trailing commas, comments, a repeated line). The
// result is valid UTF-8 whenever src is.
func mutate(r *rand.Rand, src string) string {
	if src == "" {
		return mutationTokens[r.IntN(len(mutationTokens))]
	}
	pos := func() int {
		i := r.IntN(len(src) + 1)
		for i > 0 && i < len(src) && !utf8.RuneStart(src[i]) {
			i--
		}
		return i
	}
	runeEnd := func(i int) int {
		if i >= len(src) {
			return i
		}
		_, n := utf8.DecodeRuneInString(src[i:])
		return i + n
	}
	switch r.IntN(12) {
	case 0, 1:
		i := pos()
		return src[:i] + src[runeEnd(i):]
	case 2, 3:
		i := pos()
		return src[:i] + mutationTokens[r.IntN(len(mutationTokens))] + src[i:]
	case 4:
		i := pos()
		return src[:i] + mutationTokens[r.IntN(len(mutationTokens))] + src[runeEnd(i):]
	case 5:
		return src[:pos()]
	case 6:
		i, j := pos(), pos()
		if i > j {
			i, j = j, i
		}
		return src[:j] + src[i:j] + src[j:]
	case 7: // unquote keys
		return unquoteKeys(src, r)
	case 8: // single quotes where no quote or escape is inside
		return swapQuotes(src, r)
	case 9: // trailing commas
		return strings.NewReplacer("\n}", ",\n}", "\n]", ",\n]").Replace(src)
	case 10: // comments after commas and before keys
		return strings.ReplaceAll(src, ",\n", ", // note\n/* c */")
	default: // repeat one line: a duplicate key in the same object
		lines := strings.Split(src, "\n")
		i := r.IntN(len(lines))
		lines = append(lines[:i+1], lines[i:]...)
		return strings.Join(lines, "\n")
	}
}

// unquoteKeys drops the quotes of `"name":` keys that are identifiers.
func unquoteKeys(src string, r *rand.Rand) string {
	var b strings.Builder
	for {
		i := strings.Index(src, `"`)
		if i < 0 {
			b.WriteString(src)
			return b.String()
		}
		j := strings.Index(src[i+1:], `"`)
		if j < 0 {
			b.WriteString(src)
			return b.String()
		}
		k := src[i+1 : i+1+j]
		rest := src[i+2+j:]
		b.WriteString(src[:i])
		if strings.HasPrefix(rest, ":") && isIdentifierName(k) && r.IntN(3) > 0 {
			b.WriteString(k)
		} else {
			b.WriteString(`"` + k + `"`)
		}
		src = rest
	}
}

// swapQuotes turns simple double-quoted strings into single-quoted ones.
func swapQuotes(src string, r *rand.Rand) string {
	var b strings.Builder
	for {
		i := strings.Index(src, `"`)
		if i < 0 {
			b.WriteString(src)
			return b.String()
		}
		j := strings.Index(src[i+1:], `"`)
		if j < 0 {
			b.WriteString(src)
			return b.String()
		}
		s := src[i+1 : i+1+j]
		b.WriteString(src[:i])
		if !strings.ContainsAny(s, `'\`) && r.IntN(2) == 0 {
			b.WriteString(`'` + s + `'`)
		} else {
			b.WriteString(`"` + s + `"`)
		}
		src = src[i+2+j:]
	}
}
