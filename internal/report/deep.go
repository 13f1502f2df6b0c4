package report

import "strconv"

// Deep is the report's deep section, present only with --deep.
type Deep struct {
	Gateway DeepGateway
}

// DeepGateway is the live gateway probe's outcome. Error is "" when OK;
// Close is nil unless the server or the network closed the socket.
type DeepGateway struct {
	Attempted bool
	URL       string
	OK        bool
	Error     string
	Close     *DeepClose
}

// DeepClose is the close frame that ended the probe's socket.
type DeepClose struct {
	Code   int
	Reason string
}

// appendDeep appends the compact deep object:
//
//	{"gateway":{"attempted":…,"url":…,"ok":…,"error":…|null,"close":{…}|null}}
//
// Every key is always written: error and close are null when absent, as in
// the reference.
func appendDeep(dst []byte, d *Deep) []byte {
	g := &d.Gateway
	dst = append(dst, `{"gateway":{"attempted":`...)
	dst = strconv.AppendBool(dst, g.Attempted)
	dst = append(dst, `,"url":`...)
	dst = AppendJSONString(dst, g.URL)
	dst = append(dst, `,"ok":`...)
	dst = strconv.AppendBool(dst, g.OK)
	dst = append(dst, `,"error":`...)
	if g.OK || g.Error == "" {
		dst = append(dst, "null"...)
	} else {
		dst = AppendJSONString(dst, g.Error)
	}
	dst = append(dst, `,"close":`...)
	if g.Close == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, `{"code":`...)
		dst = strconv.AppendInt(dst, int64(g.Close.Code), 10)
		dst = append(dst, `,"reason":`...)
		dst = AppendJSONString(dst, g.Close.Reason)
		dst = append(dst, '}')
	}
	return append(dst, "}}"...)
}
