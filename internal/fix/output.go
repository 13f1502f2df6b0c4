package fix

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/report"
)

// AppendJSON appends the compact "fix" object of the --fix --json
// envelope: {ok, stateDir, configPath, configWritten, changes, actions,
// errors}, with each action as {kind, path, mode|command, ok, skipped?,
// error?}.
func (r *Result) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"ok":`...)
	dst = strconv.AppendBool(dst, r.OK)
	dst = append(dst, `,"stateDir":`...)
	dst = report.AppendJSONString(dst, r.StateDir)
	dst = append(dst, `,"configPath":`...)
	dst = report.AppendJSONString(dst, r.ConfigPath)
	dst = append(dst, `,"configWritten":`...)
	dst = strconv.AppendBool(dst, r.ConfigWritten)
	dst = append(dst, `,"changes":`...)
	dst = report.AppendJSONStrings(dst, r.Changes)
	dst = append(dst, `,"actions":[`...)
	for i, a := range r.Actions {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"kind":`...)
		dst = report.AppendJSONString(dst, a.Kind)
		dst = append(dst, `,"path":`...)
		dst = report.AppendJSONString(dst, a.Path)
		if a.Kind == "icacls" {
			dst = append(dst, `,"command":`...)
			dst = report.AppendJSONString(dst, a.Command)
		} else {
			dst = append(dst, `,"mode":`...)
			dst = strconv.AppendUint(dst, uint64(a.Mode), 10)
		}
		dst = append(dst, `,"ok":`...)
		dst = strconv.AppendBool(dst, a.OK)
		if a.Skipped != "" {
			dst = append(dst, `,"skipped":`...)
			dst = report.AppendJSONString(dst, a.Skipped)
		}
		if a.Error != "" {
			dst = append(dst, `,"error":`...)
			dst = report.AppendJSONString(dst, a.Error)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `],"errors":`...)
	dst = report.AppendJSONStrings(dst, r.Errors)
	return append(dst, '}')
}

// Envelope renders the whole --fix --json document: the fix object, the
// report of the audit re-run after the fix, and secretDiagnostics.
func Envelope(r *Result, rep *report.Report, diagnostics []string) ([]byte, error) {
	dst := []byte(`{"fix":`)
	dst = r.AppendJSON(dst)
	dst = append(dst, `,"report":`...)
	dst = report.AppendReportObject(dst, rep)
	dst = append(dst, `,"secretDiagnostics":`...)
	dst = report.AppendJSONStrings(dst, diagnostics)
	dst = append(dst, '}')
	return report.IndentJSON(dst)
}

// nothingApplied reports whether nothing was changed at all: no errors, no
// config changes, and every action skipped.
func (r *Result) nothingApplied() bool {
	if len(r.Errors) > 0 || len(r.Changes) > 0 {
		return false
	}
	for _, a := range r.Actions {
		if a.OK {
			return false
		}
	}
	return true
}

// TextLines are the lines of the text report's fix block; home shortens
// paths below the home directory to "~".
func (r *Result) TextLines(home string) []string {
	if r.nothingApplied() {
		return []string{"Fix: nothing to change; every target was already in place or absent."}
	}
	short := func(p string) string {
		if home != "" && home != "/" {
			if p == home {
				return "~"
			}
			if strings.HasPrefix(p, home+"/") || strings.HasPrefix(p, home+`\`) {
				return "~" + p[len(home):]
			}
		}
		return p
	}
	lines := []string{"", "FIX"}
	for _, c := range r.Changes {
		lines = append(lines, "  "+short(c))
	}
	for i, w := range r.Written {
		line := "  wrote " + short(w)
		if i < len(r.Backups) && r.Backups[i] != "" {
			line += " (previous text in " + short(r.Backups[i]) + ")"
		}
		lines = append(lines, line)
	}
	for _, a := range r.Actions {
		var what string
		if a.Kind == "icacls" {
			what = a.Command
		} else {
			what = fmt.Sprintf("chmod %03o %s", a.Mode, short(a.Path))
		}
		switch {
		case a.OK:
			lines = append(lines, "  "+what)
		case a.Skipped != "":
			lines = append(lines, "  skip "+what+" ("+a.Skipped+")")
		default:
			lines = append(lines, "  "+what+" failed: "+a.Error)
		}
	}
	for _, e := range r.Errors {
		lines = append(lines, "  error: "+e)
	}
	return lines
}
