// Package mcp holds the checks of MCP servers and MCP apps.
package mcp

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{}
