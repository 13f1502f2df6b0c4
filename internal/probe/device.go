package probe

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"strconv"
	"strings"
)

// Device is the installation's stored device identity (identity/device.json
// in the state dir) and, when one is stored for it, its operator device
// token (identity/device-auth.json). Decision D9: the probe may sign its
// connect request with it, for a loopback gateway only, and never creates,
// pairs or rotates anything.
type Device struct {
	ID        string // the hex SHA-256 of the raw public key
	PublicKey []byte // raw Ed25519 public key
	key       ed25519.PrivateKey
	// Token and Scopes are the stored operator device token, if any.
	Token  string
	Scopes []string
}

// MaxIdentityBytes bounds the identity files read from the state dir.
const MaxIdentityBytes = 64 << 10

// ParseDevice reads the two identity files' contents (deviceAuth may be
// nil). It returns nil, nil when the identity is absent or not the version
// the reference writes.
func ParseDevice(deviceJSON, deviceAuthJSON []byte) (*Device, error) {
	if len(deviceJSON) == 0 {
		return nil, nil
	}
	if len(deviceJSON) > MaxIdentityBytes || len(deviceAuthJSON) > MaxIdentityBytes {
		return nil, errors.New("device identity file too large")
	}
	var id struct {
		Version       any    `json:"version"`
		DeviceID      any    `json:"deviceId"`
		PublicKeyPem  string `json:"publicKeyPem"`
		PrivateKeyPem string `json:"privateKeyPem"`
	}
	if err := json.Unmarshal(deviceJSON, &id); err != nil {
		return nil, nil
	}
	if v, ok := id.Version.(float64); !ok || v != 1 {
		return nil, nil
	}
	if _, ok := id.DeviceID.(string); !ok || id.PublicKeyPem == "" || id.PrivateKeyPem == "" {
		return nil, nil
	}
	priv, err := parsePrivateKey(id.PrivateKeyPem)
	if err != nil {
		return nil, err
	}
	pub, err := parsePublicKey(id.PublicKeyPem)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(pub)
	d := &Device{ID: hex.EncodeToString(sum[:]), PublicKey: pub, key: priv}
	var store struct {
		DeviceID string `json:"deviceId"`
		Tokens   map[string]struct {
			Token  any   `json:"token"`
			Scopes []any `json:"scopes"`
		} `json:"tokens"`
	}
	if len(deviceAuthJSON) > 0 && json.Unmarshal(deviceAuthJSON, &store) == nil && store.DeviceID == d.ID {
		if e, ok := store.Tokens["operator"]; ok {
			if t, ok := e.Token.(string); ok {
				d.Token = t
				for _, s := range e.Scopes {
					if s, ok := s.(string); ok {
						d.Scopes = append(d.Scopes, s)
					}
				}
			}
		}
	}
	return d, nil
}

func parsePrivateKey(p string) (ed25519.PrivateKey, error) {
	b, _ := pem.Decode([]byte(p))
	if b == nil {
		return nil, errors.New("device identity: private key is not PEM")
	}
	k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, errors.New("device identity: private key is not PKCS#8")
	}
	ek, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, errors.New("device identity: private key is not Ed25519")
	}
	return ek, nil
}

func parsePublicKey(p string) (ed25519.PublicKey, error) {
	b, _ := pem.Decode([]byte(p))
	if b == nil {
		return nil, errors.New("device identity: public key is not PEM")
	}
	k, err := x509.ParsePKIXPublicKey(b.Bytes)
	if err != nil {
		return nil, errors.New("device identity: public key is not SPKI")
	}
	ek, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, errors.New("device identity: public key is not Ed25519")
	}
	return ek, nil
}

// deviceBlock is the connect request's device object.
type deviceBlock struct {
	ID        string `json:"id"`
	PublicKey string `json:"publicKey"`
	Signature string `json:"signature"`
	SignedAt  int64  `json:"signedAt"`
	Nonce     string `json:"nonce"`
}

// sign builds the device object: an Ed25519 signature over the v3 payload
// "v3|device|client|mode|role|scopes|signedAt|token|nonce|platform|family".
func (d *Device) sign(clientID, mode, role string, scopes []string, signedAtMs int64, token, nonce, platform, family string) *deviceBlock {
	payload := strings.Join([]string{
		"v3", d.ID, clientID, mode, role, strings.Join(scopes, ","), strconv.FormatInt(signedAtMs, 10),
		token, nonce, authMetadata(platform), authMetadata(family),
	}, "|")
	sig := ed25519.Sign(d.key, []byte(payload))
	return &deviceBlock{
		ID: d.ID, PublicKey: b64url(d.PublicKey), Signature: b64url(sig), SignedAt: signedAtMs, Nonce: nonce,
	}
}

// authMetadata trims and lower-cases ASCII letters only, as the signed
// payload expects.
func authMetadata(s string) string {
	s = strings.TrimSpace(s)
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func b64url(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
