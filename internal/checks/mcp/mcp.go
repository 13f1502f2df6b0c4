// Package mcp holds the checks of the gateway's MCP settings.
package mcp

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{AppsEnabled}
