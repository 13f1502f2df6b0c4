package json5

import "unicode"

// isSpace reports whether r is JSON5 whitespace outside the ASCII range:
// the reference accepts U+00A0, the BOM, the two Unicode line terminators
// and every space separator (category Zs).
func isSpace(r rune) bool {
	switch r {
	case 0xA0, 0xFEFF, 0x2028, 0x2029:
		return true
	}
	return unicode.Is(unicode.Zs, r)
}

// isIDStart reports whether r may begin an unquoted key. The reference tests
// the Unicode ID_Start property plus '$' and '_'.
func isIDStart(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '$' || r == '_'
	}
	return isUnicodeIDStart(r)
}

// isIDContinue reports whether r may continue an unquoted key: ID_Continue
// plus '$', '_', ZWNJ and ZWJ.
func isIDContinue(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '$' || r == '_'
	}
	if r == 0x200C || r == 0x200D {
		return true
	}
	if isUnicodeIDStart(r) {
		return true
	}
	if !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue) {
		return false
	}
	return !unicode.In(r, unicode.Pattern_Syntax, unicode.Pattern_White_Space)
}

// isUnicodeIDStart is the derived property ID_Start, built from the
// categories the Unicode standard defines it by.
func isUnicodeIDStart(r rune) bool {
	if !unicode.In(r, unicode.L, unicode.Nl, unicode.Other_ID_Start) {
		return false
	}
	return !unicode.In(r, unicode.Pattern_Syntax, unicode.Pattern_White_Space)
}

// isIdentifierName reports whether s can be written as an unquoted key.
func isIdentifierName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 && !isIDStart(r) || !isIDContinue(r) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
