// Package schemacheck holds clawcheck's config hygiene checks: keys neither
// release accepts, values of the wrong type, and keys the newest release has
// retired.
//
// The checks only read Pass.Schema, the classification the audit pipeline
// computes once from both releases' schemas (decision D5); they never
// validate anything themselves.
package schemacheck

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/config/schema"
)

// Checks is this family's list.
var Checks = []*check.Check{UnknownKey, InvalidValue, RetiredKey}

// locate points a finding at the text of an issue.
func locate(o config.Origin, path string) *check.Location {
	if o.IsZero() {
		return nil
	}
	return &check.Location{File: o.File, Line: o.Line, Col: o.Col, Path: path}
}

// where renders " (file:line:col)" for details, or "" when the issue has
// no position (a value built by the loader rather than read from a file).
func where(o config.Origin) string {
	if o.IsZero() {
		return ""
	}
	return " (" + o.String() + ")"
}

// parentPath is the path of the object holding the key at keyPath.
func parentPath(keyPath, key string) string {
	p := strings.TrimSuffix(keyPath, key)
	return strings.TrimSuffix(p, ".")
}

// suggestion is the closest accepted key either release offers, the newer
// release's first.
func suggestion(c *schema.Classified) string {
	for _, is := range []*schema.Issue{c.Issue96, c.Issue414} {
		if is != nil && is.Suggest != "" {
			return is.Suggest
		}
	}
	return ""
}
