package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// WriteMarkdown writes the report as GitHub-flavoured Markdown, for pull
// request comments and job summaries. Text from the installation is escaped
// so a hostile value cannot inject links, images or HTML.
func WriteMarkdown(w io.Writer, r *Report) error {
	s := summaryOf(r)
	var b strings.Builder
	fmt.Fprintf(&b, "# clawcheck security audit\n\n")
	fmt.Fprintf(&b, "Profile %s", mdText(string(r.Compat)))
	if r.StateDir != "" {
		fmt.Fprintf(&b, " · state dir %s", mdCode(r.StateDir))
	}
	b.WriteString("\n\n")
	b.WriteString("| critical | warn | info | suppressed |\n|---:|---:|---:|---:|\n")
	fmt.Fprintf(&b, "| %d | %d | %d | %d |\n", s.Critical, s.Warn, s.Info, len(r.Suppressed))
	for _, d := range r.SecretDiagnostics {
		fmt.Fprintf(&b, "\n> [secrets] %s\n", mdText(d))
	}
	for rank, label := range []string{"Critical", "Warn", "Info"} {
		var fs []check.Finding
		for _, f := range r.Findings {
			if f.Severity.Rank() == rank {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s (%d)\n", label, len(fs))
		for _, f := range fs {
			fmt.Fprintf(&b, "\n### %s %s\n\n", mdCode(f.CheckID), mdText(f.Title))
			if f.Location != nil && f.Location.File != "" {
				fmt.Fprintf(&b, "At %s", mdCode(fmt.Sprintf("%s:%d:%d", f.Location.File, f.Location.Line, f.Location.Col)))
				if f.Location.Path != "" {
					fmt.Fprintf(&b, " (%s)", mdCode(f.Location.Path))
				}
				b.WriteString("\n\n")
			}
			if f.Detail != "" {
				b.WriteString(mdLines(f.Detail))
				b.WriteString("\n")
			}
			if rem := trimJS(f.Remediation); rem != "" {
				fmt.Fprintf(&b, "**Fix:** %s\n", mdText(rem))
			}
		}
	}
	if len(r.Suppressed) > 0 {
		b.WriteString("\n## Suppressed\n\n| checkId | severity | reason |\n|---|---|---|\n")
		for _, sp := range r.Suppressed {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(sp.Finding.CheckID), mdText(string(sp.Finding.Severity)), mdText(sp.Reason))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

// mdLines renders multi-line text as escaped lines with hard breaks.
func mdLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
	}
	return strings.Join(lines, "  \n") + "\n"
}

// mdText escapes every character Markdown (and the HTML it allows) could
// give a meaning to, and makes control characters visible.
func mdText(s string) string {
	s = SafeText(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '>', '<', '&', '"', '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(" ")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode renders s as an inline code span whose fence is longer than any
// run of backticks inside it.
func mdCode(s string) string {
	s = strings.ReplaceAll(SafeText(s), "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			if run > longest {
				longest = run
			}
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
