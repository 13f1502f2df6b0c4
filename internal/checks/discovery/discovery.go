// Package discovery holds the checks of gateway discovery (mDNS/Bonjour broadcasting).
package discovery

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{MDNSFullMode}
