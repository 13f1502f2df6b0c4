package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clawcheck/clawcheck/internal/check"
)

// TextOptions say how to render the human-readable report. Whether colour
// is wanted (TTY, NO_COLOR, FORCE_COLOR, TERM, COLORTERM, --no-color) is the
// caller's business; the renderer only obeys.
type TextOptions struct {
	Color bool
	// TrueColor selects 24-bit colour codes instead of the 16-colour ones a
	// basic terminal understands. It is ignored without Color.
	TrueColor bool
}

// WriteText writes the text report in one Write. Scripts grep its labels
// (Summary:, the severity headings, Fix:, [secrets]), so those are fixed.
//
// As in WriteJSON, the summary is recomputed from r.Findings.
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	p := painter{on: opt.Color, trueColor: opt.TrueColor}
	s := summaryOf(r)

	lines := make([]string, 0, 8+3*len(r.Findings))
	lines = append(lines,
		p.paint("clawcheck security audit (profile "+string(r.Compat)+")", styleHeading),
		p.paint("Summary: ", styleMuted)+
			p.paint(strconv.Itoa(s.Critical), styleError)+
			p.paint(" critical · ", styleMuted)+
			p.paint(strconv.Itoa(s.Warn), styleWarn)+
			p.paint(" warn · ", styleMuted)+
			p.paint(strconv.Itoa(s.Info), styleMuted)+
			p.paint(" info", styleMuted),
	)
	// The reference says "configured" but counts the findings that were
	// suppressed; scripts rely on that number, so the wording stays.
	if n := len(r.Suppressed); n > 0 {
		lines = append(lines, p.paint(fmt.Sprintf("Suppressed: %d configured", n), styleMuted))
	}
	// Hints, like Fix: and [secrets], are muted so the findings stand out.
	lines = append(lines, p.paint("Run deeper: clawcheck security audit --deep", styleMuted))
	for _, d := range r.SecretDiagnostics {
		lines = append(lines, p.paint("[secrets] "+SafeText(d), styleMuted))
	}

	// Findings stay in collector order inside each section; Rank sends any
	// severity that is not critical or warn to INFO, as the summary does.
	var bySeverity [3][]*check.Finding
	for i := range r.Findings {
		f := &r.Findings[i]
		rank := f.Severity.Rank()
		bySeverity[rank] = append(bySeverity[rank], f)
	}
	sections := [3]struct {
		label string
		style style
	}{
		{"CRITICAL", bold | style(hueError)},
		{"WARN", bold | style(hueWarn)},
		{"INFO", bold | style(hueMuted)},
	}
	for rank, findings := range bySeverity {
		if len(findings) == 0 {
			continue
		}
		lines = append(lines, "", p.paint(sections[rank].label, sections[rank].style))
		for _, f := range findings {
			lines = append(lines, p.paint(SafeText(f.CheckID), styleMuted)+" "+SafeText(f.Title))
			if f.Detail != "" {
				lines = append(lines, "  "+SafeText(f.Detail))
			}
			if rem := trimJS(f.Remediation); rem != "" {
				lines = append(lines, "  "+p.paint("Fix: "+SafeText(rem), styleMuted))
			}
		}
	}

	out := strings.Join(lines, "\n") + "\n"
	if _, err := io.WriteString(w, out); err != nil {
		return fmt.Errorf("report: write text: %w", err)
	}
	return nil
}

// SafeText makes text from the audited installation harmless on a
// terminal: control characters (other than newline and tab) and the Unicode
// bidirectional overrides are shown as \x1b / \u202e escapes instead of being
// interpreted, so a hostile config value cannot move the cursor, retitle the
// window or reorder what the reader sees.
func SafeText(s string) string {
	// Invalid UTF-8 takes the slow path too: a lone 0x9b byte is a CSI on
	// terminals that still honour 8-bit controls. Ranging replaces it with U+FFFD.
	clean := utf8.ValidString(s)
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// trimJS trims what JavaScript's String.prototype.trim trims, so that the
// decision to print a Fix: line matches the reference: unlike
// unicode.IsSpace it counts U+FEFF as space and U+0085 as text.
func trimJS(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == '\uFEFF' || (r != '\u0085' && unicode.IsSpace(r))
	})
}

// hue is one colour of the palette.
type hue uint8

const (
	hueNone   hue = iota
	hueAccent     // #FF5A2D, the heading colour
	hueMuted      // #8B7F77
	hueError      // #E23D2D
	hueWarn       // #FFB020
)

// trueColor returns the 24-bit SGR parameters of h.
func (h hue) trueColor() string {
	switch h {
	case hueAccent:
		return "38;2;255;90;45"
	case hueMuted:
		return "38;2;139;127;119"
	case hueError:
		return "38;2;226;61;45"
	case hueWarn:
		return "38;2;255;176;32"
	}
	return ""
}

// basic returns the 16-colour SGR parameter standing in for h. The colours
// are chosen by intent rather than by nearest match: a mechanical
// downsampling (what the reference does) turns both muted and error into
// plain red, which makes every checkId look like an alarm. Muted is bright
// black, the one grey every basic terminal has.
func (h hue) basic() string {
	switch h {
	case hueAccent, hueError:
		return "91"
	case hueMuted:
		return "90"
	case hueWarn:
		return "93"
	}
	return ""
}

// style is a hue plus, in the top bit, bold. Being an integer it can be a
// constant, so the palette needs no package variables.
type style uint8

const (
	bold style = 1 << 7

	styleHeading = bold | style(hueAccent)
	styleMuted   = style(hueMuted)
	styleError   = style(hueError)
	styleWarn    = style(hueWarn)
)

func (s style) hue() hue { return hue(s &^ bold) }

// painter wraps text in SGR codes. Each span opens and closes its own
// attributes (39 resets the foreground, 22 the intensity) rather than using
// a full reset, so spans can sit side by side without disturbing each other.
type painter struct {
	on, trueColor bool
}

func (p painter) paint(text string, st style) string {
	if !p.on || text == "" || st == 0 {
		return text
	}
	var open, close string
	if st&bold != 0 {
		open, close = "\x1b[1m", "\x1b[22m"
	}
	if h := st.hue(); h != hueNone {
		code := h.basic()
		if p.trueColor {
			code = h.trueColor()
		}
		open += "\x1b[" + code + "m"
		close = "\x1b[39m" + close
	}
	// Close before every newline and reopen after it, so that each line
	// carries its own codes and pagers that show lines alone colour them
	// correctly.
	text = strings.ReplaceAll(text, "\n", close+"\n"+open)
	return open + text + close
}
