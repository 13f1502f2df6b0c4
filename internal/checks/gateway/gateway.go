// Package gateway holds the checks of the gateway's own configuration:
// binding, authentication, the Control UI, proxies and Tailscale.
package gateway

import "github.com/clawcheck/clawcheck/internal/check"

// Checks is this family's list.
var Checks = []*check.Check{
	ToolsInvokeHTTPDangerousAllow,
	BindNoAuth,
	EnvTokenOverridesConfig,
	TrustedProxiesMissing,
	LoopbackNoAuth,
	AllowedOriginsRequired,
	AllowedOriginsWildcard,
	HostHeaderOriginFallback,
	RealIPFallback,
	TailscaleFunnel,
	TailscaleServe,
	InsecureAuth,
	DeviceAuthDisabled,
	TokenPlaceholder,
	PasswordPlaceholder,
	TokenTooShort,
	PasswordTooShort,
	TrustedProxyAuth,
	TrustedProxyNoProxies,
	TrustedProxyNoUserHeader,
	TrustedProxyAllowLoopback,
	TrustedProxyDeviceAutoApprove,
	TrustedProxyDeviceAutoApproveAdmin,
	TrustedProxyNoAllowlist,
	AuthNoRateLimit,
	HTTPNoAuth,
	HTTPSessionKeyOverride,
}
