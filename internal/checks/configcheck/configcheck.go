// Package configcheck holds the config-wide checks: dangerous flags and plaintext secrets.
package configcheck

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{InsecureOrDangerousFlags, GatewayPasswordInConfig, HooksTokenInConfig}
