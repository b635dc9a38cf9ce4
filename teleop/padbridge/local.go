package padbridge

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"

	"github.com/gorilla/websocket"
)

// Local returns the websocket URL and dialer with which a bridge reaches a
// teleop server of this process bound at addr: an unspecified host (0.0.0.0,
// ::) is dialled on the loopback address, and with certFile (the server's
// TLS certificate) the connection is wss:// and trusts exactly that
// certificate, which need not name the loopback address.
func Local(addr, certFile string) (string, *websocket.Dialer, error) {
	dialer := &websocket.Dialer{HandshakeTimeout: DefaultHandshake}
	scheme := "ws"
	if certFile != "" {
		cfg, err := pinnedTLS(certFile)
		if err != nil {
			return "", nil, fmt.Errorf("padbridge: %w", err)
		}
		scheme, dialer.TLSClientConfig = "wss", cfg
	}
	return scheme + "://" + loopback(addr) + "/ws", dialer, nil
}

// loopback turns a bound host:port into one to dial on this machine: an
// unspecified host (0.0.0.0, ::) becomes the loopback address.
func loopback(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	ip := net.ParseIP(host)
	switch {
	case host == "" || (ip != nil && ip.IsUnspecified() && ip.To4() != nil):
		host = "127.0.0.1"
	case ip != nil && ip.IsUnspecified():
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}

// pinnedTLS trusts exactly the server's own certificate (the first in
// certFile): the bridge dials the loopback address, which the certificate
// need not name.
func pinnedTLS(certFile string) (*tls.Config, error) {
	data, err := os.ReadFile(certFile)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(data)
	if blk == nil || blk.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("%s: no PEM certificate", certFile)
	}
	want := blk.Bytes
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // replaced by the pin below
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) > 0 && bytes.Equal(raw[0], want) {
				return nil
			}
			return errors.New("server certificate is not the one this process serves")
		},
	}, nil
}
