// Package fscheck holds the filesystem checks of the state dir, config, includes, credentials, auth profiles, session stores and logs.
package fscheck

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
