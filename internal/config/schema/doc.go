// Package schema owns the two reference config schemas (2026.4.14 and
// 2026.9.6) and the validation of a resolved configuration tree against them.
//
// It computes issues only: unknown keys, values of the wrong shape, and keys
// or values that one release accepts and the other rejects (Classify). It
// does not load or resolve configuration, report findings, or choose the
// audit profile; those belong to its callers. It never reads files: the
// schemas are embedded, compiled once on first use and immutable afterwards.
//
// The schemas are JSON Schema draft-07 documents exported from the reference,
// whose own validator is a TypeScript schema library, so a few choices follow
// the reference's behaviour rather than the letter of draft-07 (oneOf read as
// anyOf, required keys with defaults treated as optional, allOf members
// sharing keys, a closed channel map, string lengths in UTF-16 units); each
// is explained where it is made.
package schema
