package canopen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/chiron-robotics/chiron/drivers"
	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// DefaultSDOTimeout is how long the client waits for each SDO response.
const DefaultSDOTimeout = 100 * time.Millisecond

// SDOClient is the master side of the SDO protocol over a canbus.Conn
// (CiA 301 "SDO protocols"), one confirmed transfer at a time. It is for
// configuration, not for the cyclic path: it allocates and blocks.
type SDOClient struct {
	Conn    canbus.Conn
	Timeout time.Duration // per response; DefaultSDOTimeout when 0
	// Other, if set, receives every frame read while waiting that is not
	// the awaited response (heartbeats, EMCY, PDOs), so a caller sharing
	// the connection loses nothing.
	Other func(canbus.Frame)
}

func (c *SDOClient) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultSDOTimeout
}

func (c *SDOClient) send(node uint8, m *SDO) error {
	if err := c.Conn.WriteFrame(EncodeSDORequest(node, m)); err != nil {
		return &drivers.Error{Joint: -1, Kind: drivers.KindBusOff,
			Detail: fmt.Sprintf("SDO %s to node %d", m.Command, node), Err: err}
	}
	return nil
}

// fail aborts the transfer on the wire with code and returns the error kind.
func (c *SDOClient) fail(node uint8, index uint16, sub uint8, kind drivers.ErrorKind, code AbortCode, what string) error {
	ab := &SDOAbortError{Index: index, Sub: sub, Code: code}
	_ = c.send(node, &SDO{Command: SDOAbort, Index: index, Sub: sub, Abort: code})
	return &drivers.Error{Joint: -1, Kind: kind, Detail: fmt.Sprintf("SDO %s node %d", what, node), Err: ab}
}

// await returns the next SDO response from node, or the error to return.
func (c *SDOClient) await(node uint8, index uint16, sub uint8, what string) (SDO, error) {
	deadline := time.Now().Add(c.timeout())
	want := COBSDOTx + uint32(node)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return SDO{}, c.fail(node, index, sub, drivers.KindTimeout, AbortTimeout, what)
		}
		f, err := c.Conn.ReadFrame(left)
		if errors.Is(err, canbus.ErrTimeout) {
			continue
		}
		if err != nil {
			return SDO{}, &drivers.Error{Joint: -1, Kind: drivers.KindBusOff, Detail: fmt.Sprintf("SDO %s node %d", what, node), Err: err}
		}
		if f.ID != want || f.IsExtended || f.IsRemote {
			if c.Other != nil {
				c.Other(f)
			}
			continue
		}
		_, m, err := DecodeSDOResponse(f)
		if err != nil {
			return SDO{}, c.protocolErr(node, index, sub, what, AbortCommand, err)
		}
		if m.Command == SDOAbort {
			return SDO{}, &drivers.Error{Joint: -1, Kind: drivers.KindAbort, Detail: fmt.Sprintf("SDO %s node %d", what, node),
				Err: &SDOAbortError{Index: m.Index, Sub: m.Sub, Code: m.Abort}}
		}
		return m, nil
	}
}

func (c *SDOClient) protocolErr(node uint8, index uint16, sub uint8, what string, code AbortCode, cause error) error {
	_ = c.send(node, &SDO{Command: SDOAbort, Index: index, Sub: sub, Abort: code})
	return &drivers.Error{Joint: -1, Kind: drivers.KindProtocol,
		Detail: fmt.Sprintf("SDO %s node %d 0x%04x:%02x", what, node, index, sub),
		Err:    fmt.Errorf("%w (sent %w)", cause, &SDOAbortError{Index: index, Sub: sub, Code: code})}
}

// Upload reads object index:sub of node, expedited or segmented as the
// server chooses.
func (c *SDOClient) Upload(node uint8, index uint16, sub uint8) ([]byte, error) {
	if err := c.send(node, &SDO{Command: SDOInitiateUpload, Index: index, Sub: sub}); err != nil {
		return nil, err
	}
	m, err := c.await(node, index, sub, "upload")
	if err != nil {
		return nil, err
	}
	if m.Command != SDOInitiateUpload {
		return nil, c.protocolErr(node, index, sub, "upload", AbortCommand, fmt.Errorf("got %v response to initiate upload", m.Command))
	}
	if m.Index != index || m.Sub != sub {
		return nil, c.protocolErr(node, index, sub, "upload", AbortGeneral, fmt.Errorf("response names 0x%04x:%02x", m.Index, m.Sub))
	}
	if m.Expedited {
		return append([]byte(nil), m.Bytes()...), nil
	}
	if m.SizeIndicated && m.Size > MaxSDOSize {
		return nil, c.protocolErr(node, index, sub, "upload", AbortLength, fmt.Errorf("announced size %d exceeds %d", m.Size, MaxSDOSize))
	}
	out := make([]byte, 0, m.Size)
	toggle := false
	for {
		if err := c.send(node, &SDO{Command: SDOUploadSegment, Toggle: toggle}); err != nil {
			return nil, err
		}
		s, err := c.await(node, index, sub, "upload segment")
		if err != nil {
			return nil, err
		}
		if s.Command != SDOUploadSegment {
			return nil, c.protocolErr(node, index, sub, "upload", AbortCommand, fmt.Errorf("got %v response to upload segment", s.Command))
		}
		if s.Toggle != toggle {
			return nil, c.protocolErr(node, index, sub, "upload", AbortToggle, errors.New("toggle bit not alternated"))
		}
		out = append(out, s.Bytes()...)
		if len(out) > MaxSDOSize || (m.SizeIndicated && uint32(len(out)) > m.Size) {
			return nil, c.protocolErr(node, index, sub, "upload", AbortLength, fmt.Errorf("received more than the %d bytes announced", m.Size))
		}
		if s.Last {
			break
		}
		toggle = !toggle
	}
	if m.SizeIndicated && uint32(len(out)) != m.Size {
		return nil, &drivers.Error{Joint: -1, Kind: drivers.KindProtocol,
			Detail: fmt.Sprintf("SDO upload node %d 0x%04x:%02x", node, index, sub),
			Err:    fmt.Errorf("received %d bytes, announced %d: %w", len(out), m.Size, AbortLength)}
	}
	return out, nil
}

// Download writes data to object index:sub of node: expedited up to 4
// bytes, segmented beyond.
func (c *SDOClient) Download(node uint8, index uint16, sub uint8, data []byte) error {
	if len(data) > MaxSDOSize {
		return fmt.Errorf("canopen: SDO download of %d bytes exceeds %d", len(data), MaxSDOSize)
	}
	init := SDO{Command: SDOInitiateDownload, Index: index, Sub: sub, SizeIndicated: true}
	if len(data) > 0 && len(data) <= 4 {
		init.Expedited = true
		init.N = uint8(copy(init.Data[:4], data))
	} else {
		init.Size = uint32(len(data))
	}
	if err := c.send(node, &init); err != nil {
		return err
	}
	m, err := c.await(node, index, sub, "download")
	if err != nil {
		return err
	}
	if m.Command != SDOInitiateDownload {
		return c.protocolErr(node, index, sub, "download", AbortCommand, fmt.Errorf("got %v response to initiate download", m.Command))
	}
	if m.Index != index || m.Sub != sub {
		return c.protocolErr(node, index, sub, "download", AbortGeneral, fmt.Errorf("response names 0x%04x:%02x", m.Index, m.Sub))
	}
	if init.Expedited {
		return nil
	}
	toggle := false
	for pos := 0; ; {
		seg := SDO{Command: SDODownloadSegment, Toggle: toggle}
		seg.N = uint8(copy(seg.Data[:], data[pos:]))
		pos += int(seg.N)
		seg.Last = pos >= len(data)
		if err := c.send(node, &seg); err != nil {
			return err
		}
		r, err := c.await(node, index, sub, "download segment")
		if err != nil {
			return err
		}
		if r.Command != SDODownloadSegment {
			return c.protocolErr(node, index, sub, "download", AbortCommand, fmt.Errorf("got %v response to download segment", r.Command))
		}
		if r.Toggle != toggle {
			return c.protocolErr(node, index, sub, "download", AbortToggle, errors.New("toggle bit not alternated"))
		}
		if seg.Last {
			return nil
		}
		toggle = !toggle
	}
}

func (c *SDOClient) uploadN(node uint8, index uint16, sub uint8, n int) ([]byte, error) {
	b, err := c.Upload(node, index, sub)
	if err != nil {
		return nil, err
	}
	if len(b) != n {
		return nil, &drivers.Error{Joint: -1, Kind: drivers.KindProtocol,
			Detail: fmt.Sprintf("SDO upload node %d 0x%04x:%02x", node, index, sub),
			Err:    fmt.Errorf("got %d bytes, want %d: %w", len(b), n, AbortLength)}
	}
	return b, nil
}

// UploadU8 reads an UNSIGNED8 object.
func (c *SDOClient) UploadU8(node uint8, index uint16, sub uint8) (uint8, error) {
	b, err := c.uploadN(node, index, sub, 1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

// UploadU16 reads an UNSIGNED16 object.
func (c *SDOClient) UploadU16(node uint8, index uint16, sub uint8) (uint16, error) {
	b, err := c.uploadN(node, index, sub, 2)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint16(b), nil
}

// UploadU32 reads an UNSIGNED32 object.
func (c *SDOClient) UploadU32(node uint8, index uint16, sub uint8) (uint32, error) {
	b, err := c.uploadN(node, index, sub, 4)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b), nil
}

// UploadI32 reads an INTEGER32 object.
func (c *SDOClient) UploadI32(node uint8, index uint16, sub uint8) (int32, error) {
	v, err := c.UploadU32(node, index, sub)
	return int32(v), err
}

// DownloadU8 writes an UNSIGNED8 object.
func (c *SDOClient) DownloadU8(node uint8, index uint16, sub uint8, v uint8) error {
	return c.Download(node, index, sub, []byte{v})
}

// DownloadI8 writes an INTEGER8 object (e.g. 0x6060 modes of operation).
func (c *SDOClient) DownloadI8(node uint8, index uint16, sub uint8, v int8) error {
	return c.DownloadU8(node, index, sub, uint8(v))
}

// DownloadU16 writes an UNSIGNED16 object.
func (c *SDOClient) DownloadU16(node uint8, index uint16, sub uint8, v uint16) error {
	var b [2]byte
	binary.LittleEndian.PutUint16(b[:], v)
	return c.Download(node, index, sub, b[:])
}

// DownloadI16 writes an INTEGER16 object (e.g. 0x6007 abort connection option).
func (c *SDOClient) DownloadI16(node uint8, index uint16, sub uint8, v int16) error {
	return c.DownloadU16(node, index, sub, uint16(v))
}

// DownloadU32 writes an UNSIGNED32 object.
func (c *SDOClient) DownloadU32(node uint8, index uint16, sub uint8, v uint32) error {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	return c.Download(node, index, sub, b[:])
}

// DownloadI32 writes an INTEGER32 object.
func (c *SDOClient) DownloadI32(node uint8, index uint16, sub uint8, v int32) error {
	return c.DownloadU32(node, index, sub, uint32(v))
}
