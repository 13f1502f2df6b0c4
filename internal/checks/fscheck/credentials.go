package fscheck

import (
	"github.com/clawcheck/clawcheck/internal/check"
)

// credentialsPerms judges the credentials dir; only a directory (after
// following a symlink) counts, as upstream ignores a file at that path.
func credentialsPerms(p *check.Pass) (perms, bool) {
	perm, ok := inspect(p.State, p.Config.Paths.CredentialsDir)
	if !ok || !perm.info.IsDir() {
		return perms{}, false
	}
	return perm, true
}

// CredentialsWritable: the credentials dir is writable by the group or others.
var CredentialsWritable = &check.Check{
	ID:          "fs.credentials_dir.perms_writable",
	Severity:    check.Critical,
	Title:       "Credentials directory is writable by other users",
	Remediation: "chmod 700 the credentials directory.",
	Doc:         "The credentials directory (credentials/, or OPENCLAW_OAUTH_DIR) holds channel logins such as WhatsApp sessions and the pairing allowlists. Whoever can write it can plant a session or approve themselves as a trusted sender.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSCredentials,
	Run: func(p *check.Pass) error {
		perm, ok := credentialsPerms(p)
		if !ok || !perm.writable() {
			return nil
		}
		reportPerms(p, perm, true, 0, perm.detail("%s can add or replace channel credentials and pairing allowlists.", whoWrites(perm)))
		return nil
	},
}

// CredentialsReadable: the credentials dir is readable by the group or others.
var CredentialsReadable = &check.Check{
	ID:          "fs.credentials_dir.perms_readable",
	Severity:    check.Warn,
	Title:       "Credentials directory is readable by other users",
	Remediation: "chmod 700 the credentials directory.",
	Doc:         "A readable credentials directory lets other users list and read channel session files and pairing allowlists that are not locked down one by one.",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSCredentials,
	Run: func(p *check.Pass) error {
		perm, ok := credentialsPerms(p)
		if !ok || perm.writable() || !perm.readable() {
			return nil
		}
		reportPerms(p, perm, true, 0, perm.detail("other users can list the credentials directory and read channel logins and allowlists inside it."))
		return nil
	},
}
