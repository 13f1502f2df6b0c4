package models

import (
	"strings"
	"testing"
)

func TestInferParamsB(t *testing.T) {
	for _, tc := range []struct {
		id        string
		b414, b96 float64
	}{
		{"ollama/llama3.1:8b", 8, 8},
		{"qwen3-30b-a3b", 30, 30},
		{"gemma-3n-e4b-it", 4, 4},
		{"openai/gpt-oss-120b", 120, 120},
		{"llama-3.1-405b", 405, 405},
		{"deepseek-r1:1.5b", 1.5, 1.5},
		{"foo/x-8b-400b", 8, 400},
		{"mixtral-8x7b", 0, 0},
		{"llama3-70b8192", 0, 0},
		{"phi3:mini", 0, 0},
		{"OLLAMA/Llama3:8B", 8, 8},
		{"7b", 7, 7},
		{"x-0b", 0, 0},
	} {
		if got := inferParamsB(tc.id, false); got != tc.b414 {
			t.Errorf("2026.4 inferParamsB(%q) = %v, want %v", tc.id, got, tc.b414)
		}
		if got := inferParamsB(tc.id, true); got != tc.b96 {
			t.Errorf("2026.9 inferParamsB(%q) = %v, want %v", tc.id, got, tc.b96)
		}
	}
}

func TestWeakReasons(t *testing.T) {
	for id, want := range map[string]string{
		"gpt-4o":                     "older than GPT-5",
		"openai/gpt-4.1-mini":        "older than GPT-5",
		"gpt-3.5-turbo":              "older than GPT-5",
		"gpt-5":                      "",
		"gpt-5o":                     "",
		"gpt-50":                     "",
		"gpt-6-astra":                "",
		"openai/gpt-oss-120b":        "",
		"gpt-image":                  "older than GPT-5",
		"o3":                         "",
		"claude-3-haiku":             "Haiku tier; older than Claude 4.5",
		"claude-3-5-haiku-latest":    "Haiku tier; older than Claude 4.5",
		"claude-haiku-4-5":           "Haiku tier",
		"claude-3-5-sonnet":          "older than Claude 4.5",
		"claude-3-7-sonnet-20250219": "older than Claude 4.5",
		"claude-sonnet-4":            "older than Claude 4.5",
		"claude-opus-4-1":            "older than Claude 4.5",
		"claude-sonnet-4-20250514":   "older than Claude 4.5",
		"claude-2.1":                 "older than Claude 4.5",
		"claude-sonnet-4-5":          "",
		"anthropic/claude-opus-4-6":  "",
		"claude-opus-4-10":           "",
		"claude-sonnet-4.5":          "",
		"claude-sonnet-4-5-20250929": "",
	} {
		if got := strings.Join(weakReasons(id), "; "); got != want {
			t.Errorf("weakReasons(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestLegacyFamily(t *testing.T) {
	for id, want := range map[string]bool{
		"gpt-3.5-turbo": true, "claude-instant-1.2": true, "anthropic/claude-2.1": true, "gpt-4-0613": true,
		"gpt-4-turbo": false, "claude-3-opus": false, "gpt-4o": false,
	} {
		if got := legacyFamily(id) != ""; got != want {
			t.Errorf("legacyFamily(%q) = %v", id, got)
		}
	}
}
