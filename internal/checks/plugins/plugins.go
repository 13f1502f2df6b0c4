// Package plugins holds the checks of plugin trust: which installed
// extensions may load (plugins.allow), whether their tools are reachable, and
// the npm install records behind them. The deep code-safety scan lives
// elsewhere.
package plugins

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list, in collector order.
var Checks = []*check.Check{
	ExtensionsNoAllowlist, AllowPhantomEntries, ToolsReachablePermissivePolicy,
	InstallsUnpinnedNpmSpecs, InstallsMissingIntegrity, InstallsVersionDrift,
}
