package probe

import (
	"regexp"
	"strings"

	"github.com/clawcheck/clawcheck/internal/config"
)

// Credentials are what the probe sends in the connect frame's auth object.
type Credentials struct {
	Token    string
	Password string
	// UnresolvedRef is the config path of the selected credential when it is
	// a SecretRef that could not be resolved: the probe then runs without
	// configured credentials, and the audit says so.
	UnresolvedRef string
}

// Explicit are the --token / --password flags: probe auth only.
type Explicit struct {
	Token    string
	Password string
}

// credential is one configured gateway credential, as upstream's credential
// plan sees it.
type credential struct {
	path       string
	configured bool   // a non-blank literal or a reference
	value      string // the usable value ("" for a reference that did not resolve)
	ref        bool   // a reference that did not resolve
}

func credentialAt(cfg *config.Config, path string) credential {
	c := credential{path: path}
	in := cfg.Secret(path)
	if in == nil {
		return c
	}
	c.configured = in.Configured()
	switch {
	case in.Ref != nil && !in.Resolved:
		c.ref = true
	case in.Resolved:
		c.value = usable(in.Secret)
	}
	return c
}

var envPlaceholder = regexp.MustCompile(`\$\{[A-Z][A-Z0-9_]*\}`)

// usable trims a credential and drops one that still holds an unexpanded
// ${VAR} placeholder: such a string names a secret, it is not one.
func usable(s string) string {
	s = strings.TrimSpace(s)
	if envPlaceholder.MatchString(s) {
		return ""
	}
	return s
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// ResolveCredentials chooses the probe's credentials as the release does:
//
//   - --token / --password win (both are sent when both are given);
//   - a URL from OPENCLAW_GATEWAY_URL takes only the env credentials
//     (2026.9; 2026.4 treats it like the local gateway);
//   - remote mode takes only gateway.remote.token / .password;
//   - local mode takes gateway.auth.* (falling back to gateway.remote.*
//     when the local one is not configured) and the env variables:
//     config first in 2026.9, env first in 2026.4.
//
// A selected credential that is an unresolved SecretRef is not sent; its
// path is returned in UnresolvedRef and the probe runs without configured
// credentials.
func ResolveCredentials(rel Release, cfg *config.Config, env config.Env, target Target, explicit Explicit) Credentials {
	if t, p := strings.TrimSpace(explicit.Token), strings.TrimSpace(explicit.Password); t != "" || p != "" {
		return Credentials{Token: t, Password: p}
	}
	envToken := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_TOKEN"))
	envPassword := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_PASSWORD"))
	if target.FromEnv && rel == Release2026_9 {
		return Credentials{Token: envToken, Password: envPassword}
	}
	localToken := credentialAt(cfg, "gateway.auth.token")
	localPassword := credentialAt(cfg, "gateway.auth.password")
	remoteToken := credentialAt(cfg, "gateway.remote.token")
	remotePassword := credentialAt(cfg, "gateway.remote.password")
	authMode := strings.TrimSpace(cfg.Root.Get("gateway", "auth", "mode").StringOr(""))

	if target.Remote {
		c := Credentials{Token: remoteToken.value, Password: remotePassword.value}
		switch {
		case remoteToken.ref && c.Token == "" && envToken == "" && c.Password == "":
			return Credentials{UnresolvedRef: remoteToken.path}
		case remotePassword.ref && c.Password == "" && envPassword == "" && c.Token == "":
			return Credentials{UnresolvedRef: remotePassword.path}
		}
		return c
	}

	tokenFallback := remoteToken.value
	if localToken.configured {
		tokenFallback = localToken.value
	}
	passwordFallback := remotePassword.value
	if localPassword.configured {
		passwordFallback = localPassword.value
	} else if rel == Release2026_9 && authMode == "trusted-proxy" {
		passwordFallback = ""
	}
	var c Credentials
	configFirst := rel == Release2026_9
	if configFirst {
		c.Token = first(localToken.value, envToken, ifNot(localToken.configured, remoteToken.value))
		c.Password = first(localPassword.value, envPassword, ifNot(localPassword.configured, passwordFallback))
	} else {
		c.Token = first(envToken, tokenFallback)
		c.Password = first(envPassword, passwordFallback)
	}
	passwordCanWin := authMode == "password" ||
		(authMode != "token" && authMode != "none" && authMode != "trusted-proxy" && c.Token == "")
	if rel == Release2026_9 && authMode == "trusted-proxy" {
		passwordCanWin = true
	}
	tokenCanWin := authMode == "token" ||
		(authMode != "password" && authMode != "none" && authMode != "trusted-proxy" && c.Password == "")
	switch {
	case configFirst && localToken.ref && envToken != "" && tokenCanWin:
		return Credentials{UnresolvedRef: localToken.path}
	case configFirst && localPassword.ref && envPassword != "" && passwordCanWin:
		return Credentials{UnresolvedRef: localPassword.path}
	case localToken.ref && c.Token == "" && envToken == "" && tokenCanWin:
		return Credentials{UnresolvedRef: localToken.path}
	case localPassword.ref && c.Password == "" && envPassword == "" && passwordCanWin:
		return Credentials{UnresolvedRef: localPassword.path}
	}
	return c
}

func ifNot(cond bool, s string) string {
	if cond {
		return ""
	}
	return s
}
