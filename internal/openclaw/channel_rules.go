package openclaw

import (
	"regexp"
	"strings"
)

// Channel sender-identifier rules shared by the channel checks and anything
// else that judges allowlist entries (the trust-model and exposure checks,
// --fix planning). Each rule takes one allowlist entry as written.

var (
	allDigits          = regexp.MustCompile(`^[0-9]+$`)
	slackMention       = regexp.MustCompile(`^<@([A-Za-z0-9]+)>$`)
	slackLongID        = regexp.MustCompile(`^[A-Za-z0-9]{8,}$`)
	slackPrefixedID    = regexp.MustCompile(`^[UWBCGDT][A-Z0-9]{2,}$`)
	mattermostUserID   = regexp.MustCompile(`^[a-z0-9]{26}$`)
	whitespaceOrAtSign = regexp.MustCompile(`[\s@]`)
)

// MutableAllowEntry reports whether an allowlist entry of the channel names
// a sender by something its owner can change, so another account can take
// it over. Empty entries and "*" never count. Channels without a rule
// report false.
func MutableAllowEntry(channel, entry string) bool {
	text := strings.TrimSpace(entry)
	if text == "" || text == "*" {
		return false
	}
	switch channel {
	case "discord":
		return discordMutable(text)
	case "slack":
		return slackMutable(text)
	case "googlechat":
		return googleChatMutable(text)
	case "msteams":
		rest := strings.TrimSpace(stripPrefixFold(text, "msteams:", "user:"))
		return whitespaceOrAtSign.MatchString(rest)
	case "mattermost":
		rest := stripPrefixFold(text, "mattermost:", "user:")
		rest = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(rest, "@")))
		return !mattermostUserID.MatchString(rest)
	case "irc":
		rest := strings.ToLower(text)
		rest = strings.TrimPrefix(rest, "irc:")
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "user:"))
		return !strings.ContainsAny(rest, "!@")
	}
	return false
}

// discordMutable: numeric ids, <@id> / <@!id> mentions and discord:, user:
// or pk: prefixed ids are stable; a prefix with nothing after it is not.
func discordMutable(text string) bool {
	id := text
	switch {
	case strings.HasPrefix(id, "<@!"):
		id = id[3:]
	case strings.HasPrefix(id, "<@"):
		id = id[2:]
	}
	id = strings.TrimSuffix(id, ">")
	if allDigits.MatchString(id) {
		return false
	}
	for _, prefix := range []string{"discord:", "user:", "pk:"} {
		if strings.HasPrefix(text, prefix) {
			return strings.TrimSpace(text[len(prefix):]) == ""
		}
	}
	return true
}

// slackMutable: <@ID> mentions, U…/W…/B… style ids (optionally prefixed
// with slack: or user:) and long upper-case ids are stable.
func slackMutable(text string) bool {
	if m := slackMention.FindStringSubmatch(text); m != nil && slackLongID.MatchString(m[1]) {
		return false
	}
	rest := strings.TrimSpace(stripPrefixFold(text, "slack:", "user:"))
	return !slackPrefixedID.MatchString(rest) && !slackLongID.MatchString(rest)
}

// googleChatMutable: a users/<number> resource name is stable; an e-mail
// address (with or without users/) is not.
func googleChatMutable(text string) bool {
	rest := strings.TrimSpace(stripPrefixFold(text, "googlechat:", "google-chat:", "gchat:"))
	if rest == "" {
		return false
	}
	rest = stripPrefixFold(rest, "users/")
	return strings.Contains(rest, "@")
}

// stripPrefixFold removes the first of the prefixes that s starts with,
// ignoring case.
func stripPrefixFold(s string, prefixes ...string) string {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):]
		}
	}
	return s
}

// TelegramAllowEntry normalises a Telegram allowlist entry the way sender
// authorization compares it: trimmed, without a telegram: or tg: prefix.
func TelegramAllowEntry(entry string) string {
	return strings.TrimSpace(stripPrefixFold(strings.TrimSpace(entry), "telegram:", "tg:"))
}

// TelegramEntryInvalid reports whether a normalised Telegram entry can never
// match a sender: Telegram authorizes numeric user ids only, so @usernames,
// names and negative chat ids are dead entries.
func TelegramEntryInvalid(normalized string) bool {
	return normalized != "" && normalized != "*" && !allDigits.MatchString(normalized)
}
