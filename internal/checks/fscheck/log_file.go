package fscheck

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// LogFileReadable: the configured log file is readable by others.
var LogFileReadable = &check.Check{
	ID:          "fs.log_file.perms_readable",
	Severity:    check.Warn,
	Title:       "Log file is readable by other users",
	Remediation: "chmod 600 the log file.",
	Doc:         "The gateway log (logging.file) records incoming messages, tool calls and their output. Other users who can read it can follow private conversations. A relative logging.file is not judged, because it depends on the gateway's working directory. (Like the reference, there is no check for a log file that is writable but not readable.)",
	Needs:       check.NeedsConfig | check.NeedsState,
	Collector:   check.CollectorFSLogFile,
	Run: func(p *check.Pass) error {
		path, ok := openclaw.LogFilePath(p.Root(), p.Env)
		if !ok {
			return nil
		}
		perm, ok := inspect(p.State, path)
		if !ok || !perm.readable() {
			return nil
		}
		p.Report(check.Finding{
			Detail:      perm.detail("other users can read the messages and tool output the gateway logs (logging.file)."),
			Remediation: perm.chmod(false),
			Location:    check.At(p.Root().Get("logging", "file"), "logging.file"),
		})
		return nil
	},
}
