// Package schemacheck holds clawcheck's config hygiene checks: keys neither
// release accepts, values of the wrong type, and keys the newest release has
// retired.
package schemacheck

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
