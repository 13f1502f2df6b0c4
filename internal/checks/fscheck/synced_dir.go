package fscheck

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// SyncedDir: the state dir or config lives in a cloud-synced folder.
var SyncedDir = &check.Check{
	ID:          "fs.synced_dir",
	Severity:    check.Warn,
	Title:       "State or config lives in a cloud-synced folder",
	Remediation: "Move the state directory (OPENCLAW_STATE_DIR) and the config (OPENCLAW_CONFIG_PATH) to a local folder that no sync client copies.",
	Doc:         "Folders kept in sync by iCloud Drive, Dropbox, Google Drive or OneDrive are copied to other devices and to the provider. Gateway tokens, channel credentials and transcripts in the state directory travel with them. The test is a name match on the two paths; besides the reference's names it also knows macOS's real iCloud Drive folder (Library/Mobile Documents/com~apple~CloudDocs).",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSyncedDir,
	Run: func(p *check.Pass) error {
		paths := p.Config.Paths
		if !openclaw.LooksSynced(paths.StateDir) && !openclaw.LooksSynced(paths.ConfigPath) {
			return nil
		}
		p.Report(check.Finding{
			Detail: fmt.Sprintf("state dir %s, config %s: the path looks like a folder a cloud service syncs to other devices.", paths.StateDir, paths.ConfigPath),
		})
		return nil
	},
}
