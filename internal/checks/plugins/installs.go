package plugins

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// The install-record checks read plugin install records (the config key
// plugins.installs in 2026.4.14; in 2026.9.6 the state database, the legacy
// plugins/installs.json it imports, and the config key) and the installed
// package.json files.

// InstallsUnpinnedNpmSpecs: an unpinned spec installs whatever the registry
// serves at update time.
var InstallsUnpinnedNpmSpecs = &check.Check{
	ID:          "plugins.installs_unpinned_npm_specs",
	Severity:    check.Warn,
	Title:       "Plugins installed from npm without an exact version",
	Remediation: "Reinstall the listed plugins with an exact version (for example @scope/pkg@1.2.3) so an update only changes code when you ask for it.",
	Doc:         "Plugins run inside the gateway with its privileges. An install spec that is a bare name, a tag such as latest, or a range lets the next update pull whatever the registry serves, including a hijacked release. An exact version turns every code change into a deliberate step.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		return reportInstalls(p, func(a openclaw.InstallAnalysis) []openclaw.InstallProblem { return a.Unpinned },
			"Plugin install records without an exact npm version:")
	},
}

// InstallsMissingIntegrity: nothing ties the installed files to a reviewed
// tarball.
var InstallsMissingIntegrity = &check.Check{
	ID:          "plugins.installs_missing_integrity",
	Severity:    check.Warn,
	Title:       "Plugin install records lack an integrity hash",
	Remediation: "Reinstall or update the listed plugins through OpenClaw so their records carry the package's integrity hash.",
	Doc:         "An npm install record normally keeps the integrity hash of the installed tarball, so a reinstall can be compared with what was first trusted. Records without one (including every record 2026.9.6 recovers from its npm directory) give no such guarantee.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		return reportInstalls(p, func(a openclaw.InstallAnalysis) []openclaw.InstallProblem { return a.MissingIntegrity },
			"Plugin install records with no integrity hash:")
	},
}

// InstallsVersionDrift: the code on disk is not the recorded version.
var InstallsVersionDrift = &check.Check{
	ID:          "plugins.installs_version_drift",
	Severity:    check.Warn,
	Title:       "Installed plugin version differs from its install record",
	Remediation: "Update or reinstall the listed plugins through OpenClaw so record and files agree, and find out what changed the files.",
	Doc:         "The version recorded at install time (resolvedVersion, else version) should equal the version in the installed package.json (under installPath, default <stateDir>/extensions/<id>). A difference means the files changed outside the installer: a manual copy, a half-finished update, or tampering.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		return reportInstalls(p, func(a openclaw.InstallAnalysis) []openclaw.InstallProblem { return a.VersionDrift },
			"Plugins whose installed version differs from the record:")
	},
}

func reportInstalls(p *check.Pass, pick func(openclaw.InstallAnalysis) []openclaw.InstallProblem, head string) error {
	return openclaw.ReportInstallProblems(p, openclaw.PluginInstallRecords, "extensions", pick, head)
}
