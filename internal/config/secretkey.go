package config

// IsSecretKey reports whether a config key's name says it holds a credential
// (token, password, apiKey, …). Renderers that show config text mask the
// string values of such keys whatever their length.
func IsSecretKey(key string) bool { return secretKey.MatchString(key) }
