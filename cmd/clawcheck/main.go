// Command clawcheck audits and hardens OpenClaw installations.
package main

import (
	"context"
	"os"

	"github.com/clawcheck/clawcheck/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
