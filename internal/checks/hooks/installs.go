package hooks

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// The install-record checks run in the filesystem block, after the plugin
// ones: they read hook pack install records (the config key
// hooks.internal.installs in 2026.4.14, the state database in 2026.9.6)
// and the installed package.json files.

// InstallsUnpinnedNpmSpecs: an unpinned spec means the next update installs
// whatever the registry serves at that moment.
var InstallsUnpinnedNpmSpecs = &check.Check{
	ID:          "hooks.installs_unpinned_npm_specs",
	Severity:    check.Warn,
	Title:       "Hook packs installed from npm without an exact version",
	Remediation: "Reinstall the listed hook packs with an exact version (name@1.2.3) so updates only change code when you ask for it.",
	Doc:         "Hook packs run code inside the gateway. An install spec without an exact version (a bare name, a tag such as latest, or a range) lets a later update pull whatever the registry serves, including a compromised release. Pinning makes each change of code a deliberate step.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		return reportInstalls(p, func(a openclaw.InstallAnalysis) []openclaw.InstallProblem { return a.Unpinned },
			"Hook install records without an exact npm version:")
	},
}

// InstallsMissingIntegrity: without an integrity hash nothing ties the
// installed files to what was reviewed.
var InstallsMissingIntegrity = &check.Check{
	ID:          "hooks.installs_missing_integrity",
	Severity:    check.Warn,
	Title:       "Hook pack install records lack an integrity hash",
	Remediation: "Reinstall or update the listed hook packs so their install records carry the package's integrity hash.",
	Doc:         "An npm install record normally keeps the integrity hash of the tarball that was installed. Without it, a later reinstall or update cannot be compared with what was originally trusted.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		return reportInstalls(p, func(a openclaw.InstallAnalysis) []openclaw.InstallProblem { return a.MissingIntegrity },
			"Hook install records with no integrity hash:")
	},
}

// InstallsVersionDrift: the code on disk is not the version that was
// recorded at install time.
var InstallsVersionDrift = &check.Check{
	ID:          "hooks.installs_version_drift",
	Severity:    check.Warn,
	Title:       "Installed hook pack version differs from its install record",
	Remediation: "Update or reinstall the listed hook packs through OpenClaw so the record and the files agree, and find out what changed the files.",
	Doc:         "The version recorded at install time (resolvedVersion, else version) should match the version in the installed package.json (under installPath, default <stateDir>/hooks/<id>). A mismatch means the files were changed outside the installer, by a manual copy, a partial update or tampering.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSPlugins,
	Run: func(p *check.Pass) error {
		return reportInstalls(p, func(a openclaw.InstallAnalysis) []openclaw.InstallProblem { return a.VersionDrift },
			"Hook packs whose installed version differs from the record:")
	},
}

func reportInstalls(p *check.Pass, pick func(openclaw.InstallAnalysis) []openclaw.InstallProblem, head string) error {
	return openclaw.ReportInstallProblems(p, openclaw.HookInstallRecords, "hooks", pick, head)
}
