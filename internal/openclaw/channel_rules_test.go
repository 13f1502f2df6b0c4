package openclaw

import "testing"

func TestMutableAllowEntry(t *testing.T) {
	tests := []struct {
		channel, entry string
		mutable        bool
	}{
		{"discord", "alice#1234", true},
		{"discord", "carol", true},
		{"discord", "discord:", true},
		{"discord", "user:bob", false},
		{"discord", "pk:abc", false},
		{"discord", "<@123>", false},
		{"discord", "<@!456>", false},
		{"discord", "789", false},
		{"discord", "*", false},
		{"discord", "  ", false},
		{"slack", "alice", true},
		{"slack", "slack:bob smith", true},
		{"slack", "alice@example.com", true},
		{"slack", "U012ABCDEF", false},
		{"slack", "<@U012ABCDEF>", false},
		{"slack", "user:W0ABC", false},
		{"slack", "ABCDEFGH12", false},
		{"slack", "T12", false},
		{"slack", "U999AAAA", false},
		{"googlechat", "users/alice@example.com", true},
		{"googlechat", "gchat:bob@example.com", true},
		{"googlechat", "carol@example.com", true},
		{"googlechat", "users/123456", false},
		{"googlechat", "plainname", false},
		{"googlechat", "gchat:", false},
		{"msteams", "alice@example.com", true},
		{"msteams", "Bob Smith", true},
		{"msteams", "29:1abc", false},
		{"msteams", "8f6e2a1c-3b4d-4e5f-9a8b-7c6d5e4f3a2b", false},
		{"msteams", "msteams:carol", false},
		{"mattermost", "alice", true},
		{"mattermost", "@bob", true},
		{"mattermost", "abcdefghijklmnopqrstuvwxyz", false},
		{"mattermost", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", false},
		{"mattermost", "user:abcdefghijklmnopqrstuvwx12", false},
		{"irc", "somenick", true},
		{"irc", "irc:alice", true},
		{"irc", "nick!user@host", false},
		{"irc", "user@host", false},
		{"telegram", "@alice", false}, // no rule for the channel
	}
	for _, tt := range tests {
		if got := MutableAllowEntry(tt.channel, tt.entry); got != tt.mutable {
			t.Errorf("MutableAllowEntry(%q, %q) = %v, want %v", tt.channel, tt.entry, got, tt.mutable)
		}
	}
}

func TestTelegramEntryInvalid(t *testing.T) {
	tests := []struct {
		entry   string
		invalid bool
	}{
		{"123456789", false},
		{"tg:123", false},
		{" TELEGRAM:42 ", false},
		{"*", false},
		{"", false},
		{"@alice", true},
		{"-100", true},
		{"telegram:bob", true},
	}
	for _, tt := range tests {
		if got := TelegramEntryInvalid(TelegramAllowEntry(tt.entry)); got != tt.invalid {
			t.Errorf("TelegramEntryInvalid(%q) = %v, want %v", tt.entry, got, tt.invalid)
		}
	}
}
