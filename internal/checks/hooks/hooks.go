// Package hooks holds the checks of webhook ingress (hooks.*: the token, the
// base path, session keys and agent routing) and of hook pack install
// records.
package hooks

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list, in collector order.
var Checks = []*check.Check{
	TokenTooShort, TokenReuseGatewayToken, PathRoot, DefaultSessionKeyUnset,
	AllowedAgentIDsUnrestricted, RequestSessionKeyEnabled, RequestSessionKeyPrefixesMissing,
	InstallsUnpinnedNpmSpecs, InstallsMissingIntegrity, InstallsVersionDrift,
}
