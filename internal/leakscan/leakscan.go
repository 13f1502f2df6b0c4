// Package leakscan finds credentials in files at rest: secrets clawcheck
// already knows (verbatim, base64 and URL-encoded) and well-known credential
// formats (curated rules, each with examples that must and must not match).
//
// A scan streams each file in bounded chunks with an overlap, so memory stays
// bounded whatever the file size and a match across a chunk boundary is still
// found once. Files are scanned in parallel under a byte budget, assigned in
// file order so that which bytes are scanned does not depend on timing, and a
// deadline. A Hit never holds the secret itself: only its rule, line and a
// redacted preview.
//
// The package reads only through the Open functions its caller provides; it
// knows nothing of OpenClaw's layout.
package leakscan

import (
	"strconv"
	"unicode/utf8"
)

// Secret is a value known to be a credential, with a name that says where
// it comes from (a config path, an auth profile) and is safe to print.
type Secret struct {
	Name  string
	Value string
}

// Form is how a known secret appeared.
type Form uint8

const (
	Verbatim Form = iota
	Base64
	URLEncoded
)

func (f Form) String() string {
	switch f {
	case Base64:
		return "base64"
	case URLEncoded:
		return "URL-encoded"
	}
	return "verbatim"
}

// Hit is one credential found in a file.
type Hit struct {
	Offset int64 // byte offset of the match in the file
	Line   int   // 1-based
	// Rule is the pattern rule's ID, or "" for a known secret.
	Rule string
	// Secret indexes the Secrets given to the scanner when Rule is "".
	Secret int
	Form   Form
	// Preview is the redacted form of what matched: its first characters
	// and its length, never the value.
	Preview string
}

// Known reports whether the hit is one of the known secrets.
func (h Hit) Known() bool { return h.Rule == "" }

// Preview redacts a credential for display: the first 4 characters and the
// length, or only the length when the value is too short for 4 characters
// to leave most of it unknown.
func Preview(value string) string {
	n := utf8.RuneCountInString(value)
	if n < 16 {
		return "(" + strconv.Itoa(n) + " chars)"
	}
	prefix := []rune(value)[:4]
	return string(prefix) + "… (" + strconv.Itoa(n) + " chars)"
}
