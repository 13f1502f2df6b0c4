// Package skills holds the checks of skill workspaces: SKILL.md files that
// leave their workspace through symlinks, and scans cut short by the
// reference's limits. It reads the state snapshot only.
package skills

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list. The truncation findings come before the
// escape finding, as upstream emits them.
var Checks = []*check.Check{WorkspaceScanTruncated, WorkspaceSymlinkEscape}
