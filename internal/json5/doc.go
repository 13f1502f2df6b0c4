// Package json5 owns the reading and surgical rewriting of JSON5 text, the
// dialect of OpenClaw's configuration file, exactly as the reference
// implementation (the json5 2.2.3 JavaScript package) reads it.
//
// Parse builds a concrete syntax tree: every value, key, comma, comment and
// run of whitespace keeps its byte span in the source, so Document.Text can
// rebuild the input byte for byte and every finding can point at a line and
// column. Changes are never made by re-serialising a tree: they are Edit
// values (byte ranges plus replacement text) computed from the tree and
// applied by Apply, which refuses overlapping edits. Comments and
// formatting outside the edited ranges are therefore left exactly as they
// were.
//
// The package does no I/O and knows nothing about what the keys mean: the
// config package decides what a duplicate key or a non-object root implies.
//
// Where this package deliberately differs from the reference:
//   - Invalid UTF-8 is an error (the reference only ever sees decoded text).
//   - Columns count Unicode code points, and CR, CRLF, U+2028 and U+2029
//     end lines as well as LF (the reference counts UTF-16 units and only LF).
//   - Identifier characters follow the Unicode tables of the Go toolchain,
//     which are newer than the Unicode 10 tables the reference was built with.
//   - A lone UTF-16 surrogate produced by a \u escape decodes to U+FFFD,
//     because a Go string holds UTF-8.
package json5
