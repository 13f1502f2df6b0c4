// Package plugins holds the checks of plugin trust, allowlists and install records.
package plugins

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
