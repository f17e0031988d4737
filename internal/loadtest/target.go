package loadtest

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CheckTarget parses the server's base URL and refuses anything but an
// http(s) address on this machine's loopback interface: the driver is for
// measuring a server you run, never for loading someone else's. "localhost"
// becomes 127.0.0.1 so that every virtual user can have an address of its own.
func CheckTarget(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("check target %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("check target %q: want an http:// or https:// URL", raw)
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("check target %q: only loopback addresses (127.0.0.1, ::1) "+
			"may be loaded", raw)
	}
	if p := u.Port(); p != "" {
		host = net.JoinHostPort(host, p)
	} else if ip.To4() == nil {
		host = "[" + host + "]"
	}
	return &url.URL{Scheme: u.Scheme, Host: host, Path: strings.TrimSuffix(u.Path, "/")}, nil
}

// sourceAddr is the local address the i-th virtual user connects from when
// the target is on 127.0.0.1: the whole 127.0.0.0/8 block is loopback on
// Linux, so each user appears to the server as a client of its own, as real
// users do, and the per-address sign-in limit does not lump them together.
// It is nil (any address) for IPv6 targets. i stays below maxUsers.
func sourceAddr(target *url.URL, i int) *net.TCPAddr {
	ip := net.ParseIP(target.Hostname())
	if ip == nil || ip.To4() == nil {
		return nil
	}
	return &net.TCPAddr{IP: net.IPv4(127, 100, byte(i/250), byte(i%250+1))}
}
