// Package gateway holds the checks of the gateway's own configuration:
// binding, authentication, the Control UI, proxies and Tailscale.
package gateway

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{BindNoAuth}
