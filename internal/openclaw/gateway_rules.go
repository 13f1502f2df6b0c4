package openclaw

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// secretConfigured reports whether a gateway credential input counts as
// configured for the audit's "has auth" questions.
//
// Both releases count a non-blank literal and a SecretRef object, resolved or
// not. They differ on a "${VAR}" string whose variable is not set: 2026.4.14
// sees a non-blank string and counts it; 2026.9.6 marks the path unresolved
// and counts nothing there.
func secretConfigured(compat check.Compat, s *config.SecretInput) bool {
	if !s.Configured() {
		return false
	}
	if compat.Is96() && unresolvedEnvTemplate(s) {
		return false
	}
	return true
}

// unresolvedEnvTemplate: the input is written as a "${VAR}" string and the
// variable could not be resolved.
func unresolvedEnvTemplate(s *config.SecretInput) bool {
	if s == nil || s.Ref == nil || s.Resolved {
		return false
	}
	str, ok := s.Value.String()
	return ok && strings.HasPrefix(strings.TrimSpace(str), "${")
}
