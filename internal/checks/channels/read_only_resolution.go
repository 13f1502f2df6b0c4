package channels

import "github.com/clawcheck/clawcheck/internal/check"

// ReadOnlyResolution: an account could not be resolved without secrets
// only the running gateway (or an unset variable) could provide.
var ReadOnlyResolution = &check.Check{
	ID:          "channels.<ch>.account.read_only_resolution",
	Severity:    check.Warn,
	Title:       "Channel account could not be audited",
	Remediation: "Make the referenced secret resolvable in the auditing shell (set the environment variable or the file), then run the audit again.",
	Doc:         "Some channel accounts are built from a credential (for Google Chat, the service account). When that credential is a SecretRef that cannot be resolved read-only, the account's settings cannot be inspected and its DM and group checks are skipped. The finding says which account was left out so the audit does not look cleaner than it is.",
	Needs:       blockNeeds,
	Collector:   check.CollectorChannels,
	Run:         reportOwn("channels.<ch>.account.read_only_resolution"),
}
