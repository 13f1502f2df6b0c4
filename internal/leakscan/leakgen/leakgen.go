// Package leakgen writes transcript-like JSONL with planted credentials, for
// benchmarks: the scanner's and other tools' throughput and recall are
// measured on the same bytes.
package leakgen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Plant is one credential written into the corpus.
type Plant struct {
	Line  int
	Kind  string // "known" or a rule ID
	Value string
}

// Secrets are the installation's known secrets that the corpus leaks; a
// benchmark gives them to the scanner as known.
var Secrets = []string{
	"9c1f4e7a2b8d3f60a5e1c7b94d2f8a3e6b0c5d1f7a9e2b4c", // gateway token shape
	"oc-hook-7Yt2Qm9Lx4Vb8Nc3Rz6Kp1Wd5Sf0Jh",           // hook token
}

var words = strings.Fields(`the agent ran a tool and returned output from the workspace file system
please check config error while building project report summary for user message session
channel telegram discord slack reply thread model provider request response token usage cost
function handler returned status code path line column stack trace warning info debug
install package version update dependency script test build run deploy server client`)

// fake returns a value with the shape of a credential of the given kind,
// from the generator's random stream.
func fake(r *rand.Rand, kind string) string {
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	const hex = "0123456789abcdef"
	pick := func(set string, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = set[r.IntN(len(set))]
		}
		return string(b)
	}
	switch kind {
	case "anthropic-api-key":
		return "sk-ant-api03-" + pick(alnum, 93) + "AA"
	case "openai-api-key":
		return "sk-proj-" + pick(alnum, 74) + "T3BlbkFJ" + pick(alnum, 74)
	case "aws-access-key-id":
		return "AKIA" + pick(upper, 16)
	case "github-token":
		return "ghp_" + pick(alnum, 36)
	case "slack-token":
		return "xoxb-" + pick("0123456789", 12) + "-" + pick("0123456789", 13) + "-" + pick(alnum, 24)
	case "telegram-bot-token":
		return pick("123456789", 1) + pick("0123456789", 8) + ":AA" + pick(alnum, 33)
	case "google-api-key":
		return "AIza" + pick(alnum, 35)
	case "openrouter-api-key":
		return "sk-or-v1-" + pick(hex, 64)
	}
	panic("leakgen: unknown kind " + kind)
}

// Kinds are the pattern kinds planted besides the known secrets.
var Kinds = []string{
	"anthropic-api-key", "openai-api-key", "aws-access-key-id", "github-token",
	"slack-token", "telegram-bot-token", "google-api-key", "openrouter-api-key",
}

// Generate writes about size bytes of JSONL to w, planting one credential
// every `every` lines (known secrets and pattern kinds in turn), and returns
// what it planted. The same seed gives the same bytes.
func Generate(w io.Writer, size int64, every int, seed uint64) ([]Plant, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<20)
	var plants []Plant
	var written int64
	var sb strings.Builder
	for line := 1; written < size; line++ {
		sb.Reset()
		role := "user"
		if line%2 == 0 {
			role = "assistant"
		}
		fmt.Fprintf(&sb, `{"type":"message","id":"%08x","timestamp":"2026-01-%02dT%02d:%02d:%02d.%03dZ","message":{"role":"%s","content":[{"type":"text","text":"`,
			r.Uint32(), 1+line%28, line%24, line%60, (line*7)%60, line%1000, role)
		n := 8 + r.IntN(60)
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[r.IntN(len(words))])
		}
		if every > 0 && line%every == 0 {
			k := (line / every) % (len(Secrets) + len(Kinds))
			var p Plant
			if k < len(Secrets) {
				p = Plant{Line: line, Kind: "known", Value: Secrets[k]}
			} else {
				kind := Kinds[k-len(Secrets)]
				p = Plant{Line: line, Kind: kind, Value: fake(r, kind)}
			}
			sb.WriteString(" here it is: ")
			sb.WriteString(p.Value)
			sb.WriteString(" thanks")
			plants = append(plants, p)
		}
		sb.WriteString(`"}]},"usage":{"input":`)
		fmt.Fprintf(&sb, "%d,\"output\":%d}}\n", r.IntN(5000), r.IntN(2000))
		m, err := bw.WriteString(sb.String())
		written += int64(m)
		if err != nil {
			return plants, err
		}
	}
	return plants, bw.Flush()
}
