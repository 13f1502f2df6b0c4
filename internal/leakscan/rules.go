package leakscan

import "regexp"

// Rule is one well-known credential format. A rule runs only where one of
// its keywords occurs, on a window around it; its pattern's first group is
// the credential. Every rule carries examples that must and must not match,
// checked by the tests, so that a rule cannot silently go deaf or noisy.
type Rule struct {
	ID          string
	Description string
	Keywords    []string
	Pattern     *regexp.Regexp
	// Before is how many bytes the credential may start ahead of its keyword.
	Before int
	// MaxLen bounds the credential's length after its keyword starts.
	MaxLen int

	Match   []string
	NoMatch []string
}

// Credentials are bounded on both sides by a byte that cannot continue them,
// so that a longer token is not reported as a shorter one.
const (
	lead  = `(?:^|[^0-9A-Za-z_-])(`
	trail = `)(?:[^0-9A-Za-z_-]|$)`
)

func rx(body string) *regexp.Regexp { return regexp.MustCompile(lead + body + trail) }

// Rules are the curated pattern rules, in the order they are documented.
// The examples are synthetic: they have each format's shape and no value.
var Rules = []*Rule{
	{
		ID: "anthropic-api-key", Description: "Anthropic API or admin key",
		Keywords: []string{"sk-ant-"},
		Pattern:  rx(`sk-ant-(?:api|admin|oat|ort)[0-9]{2}-[A-Za-z0-9_-]{80,120}`),
		MaxLen:   140,
		Match: []string{
			`"key":"sk-ant-api03-` + rep("Ab3_x-Q9", 12) + `AA"`,
			`ANTHROPIC_API_KEY=sk-ant-oat01-` + rep("zZ09yY87", 11) + "\n",
		},
		NoMatch: []string{
			"sk-ant-api03-short",
			"sk-ant-api03-" + rep("x", 60),
			"use an sk-ant-... key here",
		},
	},
	{
		ID: "openai-api-key", Description: "OpenAI project, service-account or admin key",
		Keywords: []string{"sk-proj-", "sk-svcacct-", "sk-admin-"},
		Pattern:  rx(`sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}`),
		MaxLen:   220,
		Match: []string{
			"OPENAI_API_KEY=sk-proj-" + rep("Qw3rTy7u", 8) + "T3BlbkFJ" + rep("a1B2c3D4", 4),
			`{"apiKey": "sk-svcacct-` + rep("m0n1P2q3", 7) + `"}`,
		},
		NoMatch: []string{"sk-proj-REPLACE_ME", "sk-proj-" + rep("x", 30), "ask-proj-" + rep("Qw3rTy7u", 8) + "z"},
	},
	{
		ID: "openai-legacy-key", Description: "OpenAI user key (legacy format)",
		Keywords: []string{"T3BlbkFJ"},
		Pattern:  rx(`sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}`),
		Before:   23, MaxLen: 30,
		Match:   []string{"key sk-" + rep("aB3dE5gH7j", 2) + "T3BlbkFJ" + rep("kL9mN1pQ3r", 2) + " end"},
		NoMatch: []string{"T3BlbkFJ alone", "sk-" + rep("aB3dE5gH7j", 2) + "T3BlbkFJ" + rep("kL9mN1pQ3r", 2) + "X"},
	},
	{
		ID: "openrouter-api-key", Description: "OpenRouter API key",
		Keywords: []string{"sk-or-v1-"},
		Pattern:  rx(`sk-or-v1-[a-f0-9]{64}`),
		MaxLen:   80,
		Match:    []string{"sk-or-v1-" + rep("0123456789abcdef", 4)},
		NoMatch:  []string{"sk-or-v1-" + rep("0123456789abcdef", 3), "sk-or-v1-" + rep("0123456789ABCDEF", 4)},
	},
	{
		ID: "aws-access-key-id", Description: "AWS access key ID",
		Keywords: []string{"AKIA", "ASIA"},
		Pattern:  rx(`(?:AKIA|ASIA)[A-Z2-7]{16}`),
		MaxLen:   24,
		Match:    []string{"aws_access_key_id = AKIAQ3EXAMPLE7ZZTEST", `"ASIAY34FZKBOKMUTVV7A"`},
		NoMatch:  []string{"AKIAQ3EXAMPLE7ZZTES", "XAKIAQ3EXAMPLE7ZZTEST", "AKIAQ3EXAMPLE7ZZTESTS", "akiaq3example7zztest"},
	},
	{
		ID: "github-token", Description: "GitHub personal, OAuth, app or refresh token",
		Keywords: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
		Pattern:  rx(`(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})`),
		MaxLen:   100,
		Match: []string{
			"GITHUB_TOKEN=ghp_" + rep("A1b2C3d4E5f6", 3),
			"github_pat_" + rep("11ABCDEFG0", 8) + "xy",
		},
		NoMatch: []string{"ghp_" + rep("A1b2C3d4E5f6", 2), "ghp_" + rep("A1b2C3d4E5f6", 3) + "Z", "ghx_" + rep("A1b2C3d4E5f6", 3)},
	},
	{
		ID: "gitlab-token", Description: "GitLab personal access token",
		Keywords: []string{"glpat-"},
		Pattern:  rx(`glpat-[A-Za-z0-9_-]{20}`),
		MaxLen:   30,
		Match:    []string{"token: glpat-Ab1Cd2Ef3Gh4Ij5Kl6Mn"},
		NoMatch:  []string{"glpat-short", "glpat-Ab1Cd2Ef3Gh4Ij5Kl6MnOp"},
	},
	{
		ID: "slack-token", Description: "Slack bot, user or app token",
		Keywords: []string{"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-"},
		Pattern:  rx(`(?:xox[bpars]-(?:[0-9]{6,15}-){1,3}[A-Za-z0-9]{16,64}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{32,80})`),
		MaxLen:   140,
		Match: []string{
			`"botToken": "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"`,
			"xapp-1-A0123456789-1234567890123-" + rep("0123456789abcdef", 4),
		},
		NoMatch: []string{"xoxb-your-token-here", "xoxb-123456789012-short", "xapp-1-abc"},
	},
	{
		ID: "google-api-key", Description: "Google API key",
		Keywords: []string{"AIza"},
		Pattern:  rx(`AIza[0-9A-Za-z_-]{35}`),
		MaxLen:   40,
		Match:    []string{"key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q&x"},
		NoMatch:  []string{"AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6", "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6QR"},
	},
	{
		ID: "private-key", Description: "PEM private key",
		Keywords: []string{"PRIVATE KEY-----"},
		Pattern:  regexp.MustCompile(`(-----BEGIN[A-Z0-9 ]{0,24}PRIVATE KEY-----)(?:\\[rn]|\s)+[A-Za-z0-9+/=]{40}`),
		Before:   36, MaxLen: 120,
		Match: []string{
			"-----BEGIN PRIVATE KEY-----\n" + rep("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 2) + "\n",
			`{"content":"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB"}`,
		},
		NoMatch: []string{
			"-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
			"-----BEGIN PUBLIC KEY-----\n" + rep("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 2),
		},
	},
	{
		ID: "telegram-bot-token", Description: "Telegram bot token",
		Keywords: []string{":AA"},
		Pattern:  rx(`[0-9]{8,10}:AA[0-9A-Za-z_-]{33}`),
		Before:   10, MaxLen: 40,
		Match:   []string{`"botToken":"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"`, "TELEGRAM=9876543210:AA" + rep("bC3dE", 6) + "fG3\n"},
		NoMatch: []string{"12:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw12", "time 10:AA"},
	},
	{
		ID: "stripe-secret-key", Description: "Stripe live secret or restricted key",
		Keywords: []string{"sk_live_", "rk_live_"},
		Pattern:  rx(`[sr]k_live_[0-9A-Za-z]{24,99}`),
		MaxLen:   110,
		Match:    []string{"STRIPE_KEY=sk_live_" + rep("4eC39HqLyjWDarjtT1zdp7dc", 1)},
		NoMatch:  []string{"sk_test_" + rep("4eC39HqLyjWDarjtT1zdp7dc", 1), "sk_live_short"},
	},
	{
		ID: "huggingface-token", Description: "Hugging Face access token",
		Keywords: []string{"hf_"},
		Pattern:  rx(`hf_[A-Za-z]{34}`),
		MaxLen:   40,
		Match:    []string{"HF_TOKEN=hf_" + rep("AbCdEfGhIjKlMnOpQ", 2)},
		NoMatch:  []string{"hf_" + rep("AbCdEfGhIjKlMnOpQ", 1), "the_hf_model_name", "hf_" + rep("AbCdEfGhIjKlMnOpQ", 2) + "x"},
	},
	{
		ID: "groq-api-key", Description: "Groq API key",
		Keywords: []string{"gsk_"},
		Pattern:  rx(`gsk_[A-Za-z0-9]{52}`),
		MaxLen:   60,
		Match:    []string{"gsk_" + rep("Ab12Cd34", 6) + "Ef56"},
		NoMatch:  []string{"gsk_" + rep("Ab12Cd34", 5), "gsk_" + rep("Ab12Cd34", 7)},
	},
	{
		ID: "xai-api-key", Description: "xAI API key",
		Keywords: []string{"xai-"},
		Pattern:  rx(`xai-[A-Za-z0-9]{80}`),
		MaxLen:   90,
		Match:    []string{"XAI_API_KEY=xai-" + rep("Zx9Yw8Vu7T", 8)},
		NoMatch:  []string{"xai-" + rep("Zx9Yw8Vu7T", 7), "the xai-grok model"},
	},
	{
		ID: "npm-token", Description: "npm access token",
		Keywords: []string{"npm_"},
		Pattern:  rx(`npm_[A-Za-z0-9]{36}`),
		MaxLen:   45,
		Match:    []string{"//registry/:_authToken=npm_" + rep("a1B2c3D4e5F6", 3)},
		NoMatch:  []string{"npm_" + rep("a1B2c3D4e5F6", 2), "run npm_config_cache"},
	},
}

func rep(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}
