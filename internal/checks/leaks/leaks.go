// Package leaks holds clawcheck's own checks for secrets at rest: known
// secrets and well-known credential formats found in transcripts, logs,
// config backups and legacy state folders.
package leaks

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
