package probe

import (
	"net/url"
	"regexp"
	"strings"
)

// sensitiveParam matches query and fragment parameter names that carry
// credentials.
var sensitiveParam = regexp.MustCompile(`(?i)(token|password|passwd|secret|key|auth|sig|signature|credential|session|code)`)

// urlLike finds URLs embedded in free text, such as an error message.
var urlLike = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://[^\s"'<>]+`)

// RedactURL hides the credential-like parts of a URL: the user info and the
// values of query or fragment parameters whose names suggest a secret.
// Text that is not an absolute URL is returned unchanged.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return raw
	}
	changed := false
	if u.User != nil {
		u.User = url.User("***")
		changed = true
	}
	if q, ok := redactParams(u.RawQuery); ok {
		u.RawQuery, changed = q, true
	}
	if f, ok := redactParams(u.EscapedFragment()); ok {
		u.Fragment, u.RawFragment, changed = "", "", true
		if g, err := url.PathUnescape(f); err == nil {
			u.Fragment, u.RawFragment = g, f
		}
	}
	if !changed {
		return raw
	}
	return u.String()
}

// RedactText applies RedactURL to every URL inside a message.
func RedactText(s string) string {
	return urlLike.ReplaceAllStringFunc(s, RedactURL)
}

func redactParams(raw string) (string, bool) {
	if raw == "" || !strings.Contains(raw, "=") {
		return raw, false
	}
	parts := strings.Split(raw, "&")
	changed := false
	for i, p := range parts {
		name, _, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if sensitiveParam.MatchString(name) {
			k, _, _ := strings.Cut(p, "=")
			parts[i] = k + "=***"
			changed = true
		}
	}
	return strings.Join(parts, "&"), changed
}
