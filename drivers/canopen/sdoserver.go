package canopen

import (
	"errors"

	"github.com/chiron-robotics/chiron/drivers/canbus"
)

// ObjectDictionary is the device-side store an SDOServer reads and writes.
// Returning an AbortCode (or an error wrapping one, or *SDOAbortError) makes
// the server abort with that code; any other error aborts with AbortGeneral.
type ObjectDictionary interface {
	ReadObject(index uint16, sub uint8) ([]byte, error)
	WriteObject(index uint16, sub uint8, data []byte) error
}

// MaxSDOSize bounds a segmented transfer in either direction so a peer
// announcing a huge size cannot make us allocate it.
const MaxSDOSize = 1 << 16

// SDOServer is the device side of the SDO protocol (CiA 301 "SDO
// protocols"): expedited and segmented upload and download for one node,
// one transfer at a time. It is for firmware simulators and tests; the zero
// value with Node and Dict set is ready.
type SDOServer struct {
	Node uint8
	Dict ObjectDictionary

	// state of the segmented transfer in progress
	active   SDOCommand // SDOInitiateDownload or SDOInitiateUpload while a segmented transfer runs; 0 otherwise
	index    uint16
	sub      uint8
	toggle   bool
	size     uint32
	sizeKnow bool
	buf      []byte
	pos      int
}

func abortCodeOf(err error) AbortCode {
	var c AbortCode
	if errors.As(err, &c) {
		return c
	}
	var a *SDOAbortError
	if errors.As(err, &a) {
		return a.Code
	}
	return AbortGeneral
}

func (s *SDOServer) abort(index uint16, sub uint8, code AbortCode) canbus.Frame {
	s.active = 0
	return EncodeSDOResponse(s.Node, &SDO{Command: SDOAbort, Index: index, Sub: sub, Abort: code})
}

// Handle processes one frame. ok is false when the frame is not an SDO
// request to this node (ignore it); otherwise resp is the frame to send,
// except after a client abort, when there is nothing to send (ok is false).
func (s *SDOServer) Handle(req canbus.Frame) (resp canbus.Frame, ok bool) {
	if req.ID != COBSDORx+uint32(s.Node) {
		return canbus.Frame{}, false
	}
	_, m, err := DecodeSDORequest(req)
	if err != nil {
		// CiA 301: an unknown or invalid command specifier is answered
		// with an abort (block transfer is not supported here).
		return s.abort(s.index, s.sub, AbortCommand), true
	}
	switch m.Command {
	case SDOAbort:
		s.active = 0
		return canbus.Frame{}, false
	case SDOInitiateDownload:
		return s.initiateDownload(&m), true
	case SDODownloadSegment:
		return s.downloadSegment(&m), true
	case SDOInitiateUpload:
		return s.initiateUpload(&m), true
	case SDOUploadSegment:
		return s.uploadSegment(&m), true
	}
	return s.abort(s.index, s.sub, AbortCommand), true
}

func (s *SDOServer) initiateDownload(m *SDO) canbus.Frame {
	s.active, s.index, s.sub = 0, m.Index, m.Sub
	if m.Expedited {
		if err := s.Dict.WriteObject(m.Index, m.Sub, m.Bytes()); err != nil {
			return s.abort(m.Index, m.Sub, abortCodeOf(err))
		}
		return EncodeSDOResponse(s.Node, &SDO{Command: SDOInitiateDownload, Index: m.Index, Sub: m.Sub})
	}
	if m.SizeIndicated && m.Size > MaxSDOSize {
		return s.abort(m.Index, m.Sub, AbortLength)
	}
	s.active, s.toggle, s.size, s.sizeKnow, s.pos = SDOInitiateDownload, false, m.Size, m.SizeIndicated, 0
	s.buf = s.buf[:0]
	return EncodeSDOResponse(s.Node, &SDO{Command: SDOInitiateDownload, Index: m.Index, Sub: m.Sub})
}

func (s *SDOServer) downloadSegment(m *SDO) canbus.Frame {
	if s.active != SDOInitiateDownload {
		return s.abort(s.index, s.sub, AbortCommand)
	}
	if m.Toggle != s.toggle {
		return s.abort(s.index, s.sub, AbortToggle)
	}
	s.buf = append(s.buf, m.Bytes()...)
	if len(s.buf) > MaxSDOSize || (s.sizeKnow && uint32(len(s.buf)) > s.size) {
		return s.abort(s.index, s.sub, AbortLength)
	}
	resp := SDO{Command: SDODownloadSegment, Toggle: s.toggle}
	s.toggle = !s.toggle
	if m.Last {
		s.active = 0
		if s.sizeKnow && uint32(len(s.buf)) != s.size {
			return s.abort(s.index, s.sub, AbortLength)
		}
		if err := s.Dict.WriteObject(s.index, s.sub, s.buf); err != nil {
			return s.abort(s.index, s.sub, abortCodeOf(err))
		}
	}
	return EncodeSDOResponse(s.Node, &resp)
}

func (s *SDOServer) initiateUpload(m *SDO) canbus.Frame {
	s.active, s.index, s.sub = 0, m.Index, m.Sub
	data, err := s.Dict.ReadObject(m.Index, m.Sub)
	if err != nil {
		return s.abort(m.Index, m.Sub, abortCodeOf(err))
	}
	if len(data) > MaxSDOSize {
		return s.abort(m.Index, m.Sub, AbortLength)
	}
	resp := SDO{Command: SDOInitiateUpload, Index: m.Index, Sub: m.Sub, SizeIndicated: true}
	if len(data) <= 4 && len(data) > 0 {
		resp.Expedited = true
		resp.N = uint8(copy(resp.Data[:4], data))
		return EncodeSDOResponse(s.Node, &resp)
	}
	resp.Size = uint32(len(data))
	s.active, s.toggle, s.pos = SDOInitiateUpload, false, 0
	s.buf = append(s.buf[:0], data...)
	return EncodeSDOResponse(s.Node, &resp)
}

func (s *SDOServer) uploadSegment(m *SDO) canbus.Frame {
	if s.active != SDOInitiateUpload {
		return s.abort(s.index, s.sub, AbortCommand)
	}
	if m.Toggle != s.toggle {
		return s.abort(s.index, s.sub, AbortToggle)
	}
	resp := SDO{Command: SDOUploadSegment, Toggle: s.toggle}
	resp.N = uint8(copy(resp.Data[:], s.buf[s.pos:]))
	s.pos += int(resp.N)
	s.toggle = !s.toggle
	if s.pos >= len(s.buf) {
		resp.Last = true
		s.active = 0
	}
	return EncodeSDOResponse(s.Node, &resp)
}
