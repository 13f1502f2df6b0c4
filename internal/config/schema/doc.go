// Package schema owns the two reference config schemas (2026.4.14 and
// 2026.9.6) and the validation of a resolved configuration tree against them.
//
// It computes issues only: unknown keys, values of the wrong shape, and keys
// or values that one release accepts and the other rejects. Turning issues
// into findings, and deciding which release profile to audit with, belong to
// the callers. The package never reads files at run time: the schemas are
// embedded, compiled once on first use and immutable afterwards.
//
// The schemas are JSON Schema draft-07 documents exported from the reference
// (whose validator is a TypeScript schema library), so a few choices follow
// the reference's behaviour rather than the letter of draft-07; each is
// explained where it is made.
package schema
