package json5

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

func obj(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func arr(v ...any) []any {
	if v == nil {
		return []any{}
	}
	return v
}

type validCase struct {
	src    string
	want   any
	strict bool // the text is also strict JSON
}

var (
	negZero = math.Copysign(0, -1)
	inf     = math.Inf(1)
	nan     = math.NaN()
)

// validCases covers every feature of the grammar. Each must parse to want,
// rebuild to itself and agree with encoding/json about strictness.
var validCases = []validCase{
	// Literals and roots of every kind.
	{`null`, nil, true},
	{`true`, true, true},
	{`false`, false, true},
	{`1`, 1.0, true},
	{`"s"`, "s", true},
	{`[]`, arr(), true},
	{`{}`, obj(), true},
	{` [ ] `, arr(), true},
	{"\t{\n}\r\n", obj(), true},

	// Comments.
	{"// c\n1", 1.0, false},
	{"/* c */ 1", 1.0, false},
	{"1 // c", 1.0, false},
	{"1 /* c */", 1.0, false},
	{"1//", 1.0, false},
	{"/**/1", 1.0, false},
	{"/***/1", 1.0, false},
	{"/* a * / b ** c */1", 1.0, false},
	{"/* // not a line comment */1", 1.0, false},
	{"// /* not a block\n1", 1.0, false},
	{"/*\n * doc\n **/\ntrue", true, false},
	{"[1 /* c */, // x\n 2]", arr(1.0, 2.0), false},
	{"{/*a*/\"k\"/*b*/:/*c*/1/*d*/,/*e*/}", obj("k", 1.0), false},
	{"// cr\r1", 1.0, false},
	{"// crlf\r\n1", 1.0, false},
	{"// ls\u20281", 1.0, false},
	{"// ps\u20291", 1.0, false},
	{"[\"// not a comment\", '/* nor this */']", arr("// not a comment", "/* nor this */"), false},

	// Whitespace.
	{"\v1", 1.0, false},
	{"\f1", 1.0, false},
	{"\u00a01", 1.0, false},
	{"\ufeff1", 1.0, false},
	{"\ufeff{\"a\":1}", obj("a", 1.0), false},
	{"1\u2028", 1.0, false},
	{"1\u2029", 1.0, false},
	{"\u16801", 1.0, false},
	{"\u20001\u200a", 1.0, false},
	{"\u202f1\u205f", 1.0, false},
	{"\u30001", 1.0, false},
	{"[1,\u00a02]", arr(1.0, 2.0), false},
	{" \t\r\n1 \t\r\n", 1.0, true},

	// Keys.
	{`{a:1}`, obj("a", 1.0), false},
	{`{$:1}`, obj("$", 1.0), false},
	{`{_:1}`, obj("_", 1.0), false},
	{`{a1:1}`, obj("a1", 1.0), false},
	{`{$_$hello123world_$_:1}`, obj("$_$hello123world_$_", 1.0), false},
	{`{ℵ:1}`, obj("ℵ", 1.0), false},
	{`{ключ:1}`, obj("ключ", 1.0), false},
	{`{日本:1}`, obj("日本", 1.0), false},
	{"{a\u0301:1}", obj("a\u0301", 1.0), false},   // Mn continues
	{"{\u01c5:1}", obj("\u01c5", 1.0), false},     // Lt starts
	{"{\u2170:1}", obj("\u2170", 1.0), false},     // Nl starts
	{"{\u2118:1}", obj("\u2118", 1.0), false},     // Other_ID_Start
	{"{a\u0663:1}", obj("a\u0663", 1.0), false},   // Nd continues
	{"{a\u203f:1}", obj("a\u203f", 1.0), false},   // Pc continues
	{"{a\u200cb:1}", obj("a\u200cb", 1.0), false}, // ZWNJ
	{"{a\u200d:1}", obj("a\u200d", 1.0), false},   // ZWJ
	{`{\u0061:1}`, obj("a", 1.0), false},
	{`{a\u0062c:1}`, obj("abc", 1.0), false},
	{`{\u0024\u005f:1}`, obj("$_", 1.0), false},
	{`{a\u200C:1}`, obj("a\u200c", 1.0), false},
	{`{\u05D0:1}`, obj("\u05d0", 1.0), false},
	{`{'a':1}`, obj("a", 1.0), false},
	{`{"a":1}`, obj("a", 1.0), true},
	{`{'a b':1, "c-d": 2}`, obj("a b", 1.0, "c-d", 2.0), false},
	{`{while:1, true:2, null:3, Infinity:4, NaN:5, if:6}`, obj("while", 1.0, "true", 2.0, "null", 3.0, "Infinity", 4.0, "NaN", 5.0, "if", 6.0), false},
	{`{"":1}`, obj("", 1.0), true},
	{`{a /* c */ : 1}`, obj("a", 1.0), false},

	// Strings.
	{`"a"`, "a", true},
	{`'a'`, "a", false},
	{`''`, "", false},
	{`""`, "", true},
	{`'"'`, `"`, false},
	{`"'"`, "'", true},
	{`'\''`, "'", false},
	{`"\""`, `"`, true},
	{`"\\"`, `\`, true},
	{`"\/"`, "/", true},
	{`"\b\f\n\r\t"`, "\b\f\n\r\t", true},
	{`"\v"`, "\v", false},
	{`"\0"`, "\x00", false},
	{`"\0a"`, "\x00a", false},
	{`"a\0"`, "a\x00", false},
	{`"\x41\x7a\xff"`, "Az\u00ff", false},
	{`"\u0041\u00e9\u4e2d"`, "Aé中", true},
	{`"\uD83D\uDE00"`, "😀", true},
	{`"\ud83d\ude00"`, "😀", true},
	{`"\uD83D"`, "\ufffd", true},
	{`"\uDE00"`, "\ufffd", true},
	{`"\uD83Dx"`, "\ufffdx", true},
	{`"\uD83D\uD83D\uDE00"`, "\ufffd😀", true},
	{`"\uDE00\uD83D"`, "\ufffd\ufffd", true},
	{"\"\\uD83D\\\n\\uDE00\"", "😀", false}, // a continuation adds nothing, so the pair holds
	{`"\uD83D\n"`, "\ufffd\n", true},
	{"'a\\\nb'", "ab", false},
	{"'a\\\rb'", "ab", false},
	{"'a\\\r\nb'", "ab", false},
	{"'a\\\u2028b'", "ab", false},
	{"'a\\\u2029b'", "ab", false},
	{`"\a\c\d\e\g\q\z\A\Z"`, "acdegqzAZ", false},
	{`"\é\😀\ "`, "é😀 ", false},
	{"\"\\\t\"", "\t", false},
	{"\"a\u2028b\u2029c\"", "a\u2028b\u2029c", true},
	{"\"a\tb\"", "a\tb", false},
	{"\"a\x00b\"", "a\x00b", false},
	{"\"\x7f\"", "\x7f", true},
	{`"<>&"`, "<>&", true},
	{`"€𝄞"`, "€𝄞", true},

	// Numbers.
	{`0`, 0.0, true},
	{`-0`, negZero, true},
	{`+0`, 0.0, false},
	{`15`, 15.0, true},
	{`-15`, -15.0, true},
	{`+15`, 15.0, false},
	{`1.5`, 1.5, true},
	{`0.5`, 0.5, true},
	{`-0.0`, negZero, true},
	{`.5`, 0.5, false},
	{`-.5`, -0.5, false},
	{`+.5`, 0.5, false},
	{`-.0`, negZero, false},
	{`5.`, 5.0, false},
	{`-5.`, -5.0, false},
	{`+5.`, 5.0, false},
	{`0.`, 0.0, false},
	{`-0.`, negZero, false},
	{`5.e3`, 5000.0, false},
	{`.5e1`, 5.0, false},
	{`1e3`, 1000.0, true},
	{`1E3`, 1000.0, true},
	{`1e+3`, 1000.0, true},
	{`1e-3`, 0.001, true},
	{`0e23`, 0.0, true},
	{`5e-0`, 5.0, true},
	{`1.2e3`, 1200.0, true},
	{`0x1F`, 31.0, false},
	{`0X1f`, 31.0, false},
	{`0xc8e4`, 51428.0, false},
	{`-0x1F`, -31.0, false},
	{`+0xff`, 255.0, false},
	{`-0x0`, negZero, false},
	{`0x00000001`, 1.0, false},
	{`0xFFFFFFFFFFFFFFFF`, 18446744073709551615.0, false},
	{`0x20000000000001`, 9007199254740992.0, false}, // 2^53+1 rounds to even
	{`Infinity`, inf, false},
	{`-Infinity`, -inf, false},
	{`+Infinity`, inf, false},
	{`NaN`, nan, false},
	{`-NaN`, nan, false},
	{`+NaN`, nan, false},
	{`1e400`, inf, true},
	{`-1e400`, -inf, true},
	{`1e-400`, 0.0, true},
	{`123456789012345678901234567890`, 123456789012345678901234567890.0, true},
	{`[1,-2,+3,.4,5.,0x6,Infinity,NaN]`, arr(1.0, -2.0, 3.0, 0.4, 5.0, 6.0, inf, nan), false},

	// Arrays and objects.
	{`[1]`, arr(1.0), true},
	{`[1,]`, arr(1.0), false},
	{`[1, 2 , 3]`, arr(1.0, 2.0, 3.0), true},
	{`[[[]]]`, arr(arr(arr())), true},
	{`[{}, {"a": []}]`, arr(obj(), obj("a", arr())), true},
	{`{a:1,}`, obj("a", 1.0), false},
	{`{"a":1,}`, obj("a", 1.0), false},
	{`{"a":1,"b":[true,false,null]}`, obj("a", 1.0, "b", arr(true, false, nil)), true},
	{`{a:{b:{c:'d'}}}`, obj("a", obj("b", obj("c", "d"))), false},
	{`{"a":1,"a":2}`, obj("a", 2.0), true},
	{"{\n  // lead\n  a: 1, // trail\n  /* block */ b: [\n    2,\n  ],\n}\n", obj("a", 1.0, "b", arr(2.0)), false},
}

type errorCase struct {
	src       string
	line, col int
	msg       string // a fragment of the message
}

// errorCases lists inputs the reference rejects, with where we say so.
var errorCases = []errorCase{
	// Nothing to parse.
	{``, 1, 1, "unexpected end of input, expected a value"},
	{` `, 1, 2, "unexpected end of input"},
	{"\n\n", 3, 1, "unexpected end of input"},
	{`// only a comment`, 1, 18, "unexpected end of input"},
	{"/* only\n a comment */", 2, 14, "unexpected end of input"},
	{"\ufeff", 1, 2, "unexpected end of input"},

	// Comments.
	{`/* open`, 1, 8, "unterminated comment (opened at 1:1)"},
	{`/* open *`, 1, 10, "unterminated comment"},
	{`1 / 2`, 1, 3, "comments start with // or /*"},
	{`1 /`, 1, 3, "comments start with // or /*"},
	{`[1 # x]`, 1, 4, "invalid character '#'"},

	// Structure.
	{`{`, 1, 2, "unexpected end of input, expected a key or '}'"},
	{`[`, 1, 2, "unexpected end of input, expected a value"},
	{`[1`, 1, 3, "expected ',' or ']'"},
	{`[1,`, 1, 4, "unexpected end of input, expected a value"},
	{`{a:1,`, 1, 6, "expected a key or '}'"},
	{`{a:1`, 1, 5, "expected ',' or '}'"},
	{`{a:`, 1, 4, "expected a value"},
	{`{a`, 1, 3, "expected ':'"},
	{`{a}`, 1, 3, "invalid character '}', expected ':' after the key"},
	{`{a:}`, 1, 4, "invalid character '}', expected a value"},
	{`{,}`, 1, 2, "invalid character ','"},
	{`{a:1,,}`, 1, 6, "invalid character ','"},
	{`[,]`, 1, 2, "invalid character ','"},
	{`[,1]`, 1, 2, "invalid character ','"},
	{`[1,,]`, 1, 4, "invalid character ','"},
	{`[1 2]`, 1, 4, "invalid character '2', expected ',' or ']'"},
	{`{a:1 b:2}`, 1, 6, "invalid character 'b', expected ',' or '}'"},
	{`{"a" 1}`, 1, 6, "expected ':'"},
	{`[1}`, 1, 3, "invalid character '}'"},
	{`{a:1]`, 1, 5, "invalid character ']'"},
	{`1 2`, 1, 3, "invalid character '2' after the top-level value"},
	{`{}{}`, 1, 3, "after the top-level value"},
	{`[]]`, 1, 3, "after the top-level value"},
	{"{\n  a: 1\n  b: 2\n}", 3, 3, "invalid character 'b'"},
	{"{\n  \"a\": ]", 2, 8, "invalid character ']', expected a value"},
	{`:`, 1, 1, "invalid character ':', expected a value"},
	{`}`, 1, 1, "invalid character '}'"},
	{"\x00", 1, 1, `invalid character '\x00'`},
	{"[\u00a0\u2603]", 1, 3, "invalid character '☃'"},

	// Keys.
	{`{1a:1}`, 1, 2, "invalid character '1', expected a key"},
	{`{10twenty:1}`, 1, 2, "invalid character '1'"},
	{`{a-b:1}`, 1, 3, "invalid character '-', expected ':'"},
	{`{-:1}`, 1, 2, "invalid character '-'"},
	{`{a b:1}`, 1, 4, "expected ':'"},
	{`{\u0031:1}`, 1, 2, "cannot appear in an identifier"},
	{`{a\u002d:1}`, 1, 3, "cannot appear in an identifier"},
	{`{\u200c:1}`, 1, 2, "cannot appear in an identifier"},
	{`{a\uD800:1}`, 1, 3, "cannot appear in an identifier"},
	{`{\x61:1}`, 1, 2, "only \\uXXXX is allowed"},
	{`{a\n:1}`, 1, 3, "only \\uXXXX is allowed"},
	{`{\u00:1}`, 1, 6, "expected 4 hexadecimal digits"},
	{`{\u`, 1, 4, "end of input"},
	{"{\u00a7:1}", 1, 2, "invalid character '§'"},
	{"{a\u00a7:1}", 1, 3, "invalid character '§', expected ':'"},
	{"{\u0301:1}", 1, 2, "expected a key"},
	{`{true:1, [x]:2}`, 1, 10, "expected a key"},
	{`{a:1, 'b:2}`, 1, 12, "unterminated string"},

	// Strings.
	{`"abc`, 1, 5, "unterminated string (opened at 1:1)"},
	{`'abc"`, 1, 6, "unterminated string"},
	{"\"a\nb\"", 1, 3, "line break inside a string"},
	{"\"a\rb\"", 1, 3, "line break inside a string"},
	{"'a\r\nb'", 1, 3, "line break inside a string"},
	{`"\`, 1, 3, "end of input after '\\'"},
	{`"\1"`, 1, 2, `invalid escape sequence '\1'`},
	{`"\2"`, 1, 2, `'\2'`},
	{`"\3"`, 1, 2, `'\3'`},
	{`"\4"`, 1, 2, `'\4'`},
	{`"\5"`, 1, 2, `'\5'`},
	{`"\6"`, 1, 2, `'\6'`},
	{`"\7"`, 1, 2, `'\7'`},
	{`"\8"`, 1, 2, `'\8'`},
	{`"\9"`, 1, 2, `'\9'`},
	{`"\01"`, 1, 2, `\0 must not be followed by a digit`},
	{`"\09"`, 1, 2, `\0 must not be followed by a digit`},
	{`"\x4"`, 1, 5, `invalid character '"' in \x escape`},
	{`"\xg1"`, 1, 4, `in \x escape`},
	{`"\x`, 1, 4, `end of input in \x escape`},
	{`"\u12"`, 1, 6, `in \u escape`},
	{`"\u12G4"`, 1, 6, `invalid character 'G' in \u escape`},
	{`"\u{41}"`, 1, 4, `in \u escape`},
	{`"\u00`, 1, 6, `end of input in \u escape`},

	// Numbers.
	{`00`, 1, 2, "leading zeros are not allowed"},
	{`01`, 1, 2, "leading zeros"},
	{`-01`, 1, 3, "leading zeros"},
	{`+0123`, 1, 3, "leading zeros"},
	{`0x`, 1, 3, "expected a hexadecimal digit"},
	{`0xg`, 1, 3, "invalid character 'g' in number, expected a hexadecimal digit"},
	{`-0x`, 1, 4, "hexadecimal digit"},
	{`.`, 1, 2, "expected a digit after '.'"},
	{`.e1`, 1, 2, "expected a digit after '.'"},
	{`-.`, 1, 3, "digit after '.'"},
	{`-`, 1, 2, "unexpected end of input in number"},
	{`+`, 1, 2, "unexpected end of input in number"},
	{`+-1`, 1, 2, "invalid character '-' in number"},
	{`--1`, 1, 2, "invalid character '-' in number"},
	{`1e`, 1, 3, "expected a digit in the exponent"},
	{`1e+`, 1, 4, "exponent"},
	{`1.e`, 1, 4, "exponent"},
	{`1ex`, 1, 3, "exponent"},
	{`..5`, 1, 2, "digit after '.'"},
	{`1..2`, 1, 3, "invalid character '.' after the top-level value"},
	{`1.2.3`, 1, 4, "after the top-level value"},
	{`1e2.3`, 1, 4, "after the top-level value"},
	{`1e0x4`, 1, 4, "after the top-level value"},
	{`0x1.5`, 1, 4, "after the top-level value"},
	{`0b1`, 1, 2, "after the top-level value"},
	{`0o7`, 1, 2, "after the top-level value"},
	{`1_000`, 1, 2, "after the top-level value"},
	{`-Inf`, 1, 5, `expected "Infinity"`},
	{`+Infinit`, 1, 9, `expected "Infinity"`},
	{`-NaX`, 1, 4, `expected "NaN"`},
	{`-infinity`, 1, 2, "invalid character 'i' in number"},
	{`-x`, 1, 2, "invalid character 'x' in number"},
	{`Infinity1`, 1, 1, `invalid value "Infinity1"`},
	{`infinity`, 1, 1, `invalid value "infinity"`},
	{`nan`, 1, 1, `invalid value "nan"`},
	{`[Infinit]`, 1, 2, `invalid value "Infinit"`},
	{`-Infinityx`, 1, 10, "after the top-level value"},

	// Literals.
	{`tru`, 1, 1, `invalid value "tru"`},
	{`True`, 1, 1, `invalid value "True"`},
	{`truex`, 1, 1, `invalid value "truex"`},
	{`nul`, 1, 1, `invalid value "nul"`},
	{`NULL`, 1, 1, `invalid value "NULL"`},
	{`undefined`, 1, 1, `invalid value "undefined"`},
	{`{a: hello}`, 1, 5, `strings must be quoted`},
	{`true false`, 1, 6, "after the top-level value"},

	// Encoding.
	{"\"\xff\"", 1, 2, "invalid UTF-8"},
	{"[1, \"\xc3\"]", 1, 6, "invalid UTF-8"},
	{"\xed\xa0\x80", 1, 1, "invalid UTF-8"}, // an encoded surrogate
	{"é\xc0\xaf", 1, 2, "invalid UTF-8"},    // overlong
}

func parseOK(t testing.TB, src string) *Document {
	t.Helper()
	d, err := Parse("test.json5", []byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return d
}

func TestValid(t *testing.T) {
	for _, tc := range validCases {
		d, err := Parse("t.json5", []byte(tc.src))
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		if got := plain(d.Root); !sameValue(got, tc.want, false) {
			t.Errorf("Parse(%q) = %s, want %s", tc.src, show(got), show(tc.want))
		}
		if d.StrictJSON != tc.strict {
			t.Errorf("Parse(%q).StrictJSON = %v, want %v", tc.src, d.StrictJSON, tc.strict)
		}
		if json.Valid([]byte(tc.src)) != tc.strict {
			t.Errorf("case %q: strict = %v, but encoding/json says %v", tc.src, tc.strict, !tc.strict)
		}
		if got := string(d.Text()); got != tc.src {
			t.Errorf("Text() = %q, want %q", got, tc.src)
		}
	}
}

// TestStrictValues checks the promise that a strict JSON text decodes to
// the same values under both readings.
func TestStrictValues(t *testing.T) {
	for _, tc := range validCases {
		if !tc.strict {
			continue
		}
		var want any
		if err := json.Unmarshal([]byte(tc.src), &want); err != nil {
			// encoding/json refuses numbers out of float64 range, JSON.parse
			// reads them as Infinity; only the verdict differs.
			continue
		}
		d := parseOK(t, tc.src)
		if got := plain(d.Root); !sameValue(got, want, true) {
			t.Errorf("%q: got %s, encoding/json %s", tc.src, show(got), show(want))
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range errorCases {
		d, err := Parse("config.json5", []byte(tc.src))
		if err == nil {
			t.Errorf("Parse(%q) succeeded with %s, want an error", tc.src, show(plain(d.Root)))
			continue
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error %T is not *SyntaxError", tc.src, err)
			continue
		}
		if se.Line != tc.line || se.Col != tc.col || !strings.Contains(se.Msg, tc.msg) {
			t.Errorf("Parse(%q) = %d:%d: %s\nwant %d:%d: …%s…", tc.src, se.Line, se.Col, se.Msg, tc.line, tc.col, tc.msg)
		}
		if want := positionIn([]byte(tc.src), se.Offset); want.Line != se.Line || want.Col != se.Col {
			t.Errorf("Parse(%q): offset %d is at %v, error says %d:%d", tc.src, se.Offset, want, se.Line, se.Col)
		}
		if se.File != "config.json5" || !strings.HasPrefix(err.Error(), "config.json5:") {
			t.Errorf("Parse(%q) error %q does not name the file", tc.src, err)
		}
		if se.Msg != strings.ToLower(se.Msg[:1])+se.Msg[1:] {
			t.Errorf("message %q does not start in lower case", se.Msg)
		}
	}
}

func TestErrorString(t *testing.T) {
	_, err := Parse("config.json5", []byte("{\n  a: 1,\n    }}"))
	if got, want := err.Error(), "config.json5:3:6: invalid character '}' after the top-level value"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = Parse("", []byte("["))
	if got, want := err.Error(), "1:2: unexpected end of input, expected a value"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestKeySpans(t *testing.T) {
	src := `{ a : 1, 'b':"x", "c" /*k*/ : [2 ,3], }`
	d := parseOK(t, src)
	type span struct{ key, text, value string }
	want := []span{{"a", "a", "1"}, {"b", "'b'", `"x"`}, {"c", `"c"`, "[2 ,3]"}}
	for i, m := range d.Root.Members {
		got := span{m.Key, src[m.KeyStart:m.KeyEnd], src[m.Value.Start:m.Value.End]}
		if got != want[i] {
			t.Errorf("member %d = %+v, want %+v", i, got, want[i])
		}
		if src[m.Colon] != ':' || m.Comma < 0 || src[m.Comma] != ',' {
			t.Errorf("member %d: colon %d comma %d", i, m.Colon, m.Comma)
		}
	}
	if q := d.Root.Members[1].KeyQuote; q != '\'' {
		t.Errorf("KeyQuote = %q", q)
	}
	if n := d.Root.Members[1].Value; n.Quote != '"' {
		t.Errorf("Quote = %q", n.Quote)
	}
	if e := d.Root.Members[2].Value.Elems[0]; src[e.Comma] != ',' || e.After.Len() != 1 {
		t.Errorf("element spans wrong: %+v", e)
	}
}

func TestDuplicates(t *testing.T) {
	src := "{a: 1, b: {a: 3, 'a': 4}, a: 2, \"a\": 5}"
	d := parseOK(t, src)
	type dup struct{ key, first, second string }
	var got []dup
	for _, du := range d.Duplicates {
		got = append(got, dup{du.Key, src[du.First.Value.Start:du.First.Value.End], src[du.Second.Value.Start:du.Second.Value.End]})
		if du.Object.Lookup(du.Key) == nil {
			t.Errorf("duplicate %q not in its object", du.Key)
		}
	}
	want := []dup{{"a", "3", "4"}, {"a", "1", "2"}, {"a", "1", "5"}}
	if len(got) != len(want) {
		t.Fatalf("Duplicates = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Duplicates[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if m := d.Root.Lookup("a"); m.Value.Number != 5 {
		t.Errorf("Lookup(a) = %v, want the last value 5", m.Value.Number)
	}
	if len(d.Root.Members) != 4 {
		t.Errorf("Members keeps %d entries, want all 4", len(d.Root.Members))
	}
	if d.Root.Lookup("zz") != nil || d.Root.Members[0].Value.Lookup("a") != nil {
		t.Error("Lookup found a key that is not there")
	}

	// Enough members to take the map path.
	var b strings.Builder
	b.WriteString("{")
	for i := range 40 {
		b.WriteString("k" + string(rune('a'+i%20)) + ": 1,")
	}
	b.WriteString("}")
	if d := parseOK(t, b.String()); len(d.Duplicates) != 20 {
		t.Errorf("got %d duplicates, want 20", len(d.Duplicates))
	}
}

func TestPosition(t *testing.T) {
	// LF, CRLF, CR, U+2028 and U+2029 each end one line; columns count
	// code points, so "ключ" is four columns and the emoji is one.
	src := "{\r\n  \"ключ\": 1, // é\r\n\t'😀': [true,\u2028null],\rx: 'a\u2029b', ñ:\n2}"
	d := parseOK(t, src)
	cases := []struct {
		find      string
		line, col int
	}{
		{"{", 1, 1},
		{"\r\n  \"", 1, 2},
		{"\n  \"", 1, 3},
		{`"ключ"`, 2, 3},
		{": 1", 2, 9},
		{"1,", 2, 11},
		{"// é", 2, 14},
		{"\r\n\t'", 2, 18},
		{"'😀'", 3, 2},
		{"[true", 3, 7},
		{"null", 4, 1},
		{"x:", 5, 1},
		{"b'", 6, 1},
		{"ñ", 6, 5},
		{"2}", 7, 1},
		{"}", 7, 2},
	}
	for _, tc := range cases {
		off := strings.Index(src, tc.find)
		p := d.Position(off)
		if p.Line != tc.line || p.Col != tc.col || p.Offset != off {
			t.Errorf("Position(%d) at %q = %+v, want %d:%d", off, tc.find, p, tc.line, tc.col)
		}
		if q := positionIn([]byte(src), off); q != p {
			t.Errorf("positionIn(%d) = %+v, Position = %+v", off, q, p)
		}
	}
	if p := d.Position(len(src)); p.Line != 7 || p.Col != 3 {
		t.Errorf("Position(end) = %+v", p)
	}
	if p := d.Position(-5); p.Offset != 0 || p.Line != 1 || p.Col != 1 {
		t.Errorf("Position(-5) = %+v", p)
	}
	if p := d.Position(len(src) + 5); p.Offset != len(src) {
		t.Errorf("Position(past end) = %+v", p)
	}
	if got := d.Position(strings.Index(src, "null")).String(); got != "4:1" {
		t.Errorf("Position.String() = %q", got)
	}
	e := d.ErrorAt(strings.Index(src, "x:"), "key %s is unknown", "x")
	if got, want := e.Error(), "test.json5:5:1: key x is unknown"; got != want {
		t.Errorf("ErrorAt = %q, want %q", got, want)
	}
}

func TestLimits(t *testing.T) {
	nest := func(depth int, open, close string) string {
		return strings.Repeat(open, depth) + strings.Repeat(close, depth)
	}
	if _, err := Parse("f", []byte(nest(256, "[", "]"))); err != nil {
		t.Errorf("depth 256: %v", err)
	}
	_, err := Parse("f", []byte(nest(257, "[", "]")))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset != 256 || se.Col != 257 || !strings.Contains(se.Msg, "nesting depth exceeds the limit of 256") {
		t.Errorf("depth 257: %v", err)
	}
	objs := strings.Repeat("{a:", 257) + "1" + strings.Repeat("}", 257)
	if _, err := Parse("f", []byte(objs)); err == nil || !strings.Contains(err.Error(), "1:769: nesting depth") {
		t.Errorf("object depth 257: %v", err)
	}
	if _, err := ParseLimits("f", []byte("[[1]]"), Limits{MaxDepth: 1}); err == nil || !strings.Contains(err.Error(), "f:1:2: nesting depth exceeds the limit of 1") {
		t.Errorf("MaxDepth 1: %v", err)
	}
	if _, err := ParseLimits("f", []byte("[1]"), Limits{MaxDepth: 1}); err != nil {
		t.Errorf("MaxDepth 1, depth 1: %v", err)
	}
	// A limit past the cap is capped, so deep input fails cleanly instead
	// of exhausting the stack.
	deep := nest(200000, "[", "]")
	if _, err := ParseLimits("f", []byte(deep), Limits{MaxDepth: 1 << 30}); err == nil || !strings.Contains(err.Error(), "limit of 10000") {
		t.Errorf("capped depth: %v", err)
	}
	// Unclosed deep input fails on the limit too, not on the end of input.
	if _, err := Parse("f", []byte(strings.Repeat("[", 100000))); err == nil || !strings.Contains(err.Error(), "nesting depth") {
		t.Errorf("unclosed deep input: %v", err)
	}

	if _, err := ParseLimits("f", []byte(`"12345678"`), Limits{MaxBytes: 10}); err != nil {
		t.Errorf("at MaxBytes: %v", err)
	}
	_, err = ParseLimits("f", []byte("\"123\n56789\""), Limits{MaxBytes: 9})
	if !errors.As(err, &se) || se.Offset != 9 || se.Line != 2 || se.Col != 5 || !strings.Contains(se.Msg, "input is 11 bytes, larger than the limit of 9 bytes") {
		t.Errorf("over MaxBytes: %v", err)
	}
	if DefaultLimits.MaxBytes != 16<<20 || DefaultLimits.MaxDepth != 256 {
		t.Errorf("DefaultLimits = %+v", DefaultLimits)
	}
	big := make([]byte, 16<<20+1)
	for i := range big {
		big[i] = ' '
	}
	big[0] = '1'
	if _, err := Parse("f", big); err == nil || !strings.Contains(err.Error(), "larger than the limit of 16777216 bytes") {
		t.Errorf("default MaxBytes: %v", err)
	}
}

func TestComments(t *testing.T) {
	src := "// a\n{ /* b */ k /* c */ : [1, // d\r\n 2 /* e */], } // f"
	d := parseOK(t, src)
	var got []string
	for _, c := range d.Comments() {
		got = append(got, src[c.Start:c.End])
	}
	want := []string{"// a", "/* b */", "/* c */", "// d", "/* e */", "// f"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Comments() = %q, want %q", got, want)
	}
}

func TestKindString(t *testing.T) {
	names := map[Kind]string{Null: "null", Bool: "boolean", Number: "number", String: "string", Array: "array", Object: "object", 0: "Kind(0)"}
	for k, want := range names {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k.String(), want)
		}
	}
}

func TestIdentifierClasses(t *testing.T) {
	for _, s := range []string{"a", "$", "_", "a1", "ℵ", "a\u200c", "ключ"} {
		if !isIdentifierName(s) {
			t.Errorf("isIdentifierName(%q) = false", s)
		}
	}
	for _, s := range []string{"", "1a", "a-b", "a b", "\u200c", "\u0301a", "a.b"} {
		if isIdentifierName(s) {
			t.Errorf("isIdentifierName(%q) = true", s)
		}
	}
}
