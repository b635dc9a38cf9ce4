package hub

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Remote sessions. A device cannot be reached from the hospital (no
// inbound port at home), so it keeps asking the hub: every PollHold at
// most, it POSTs its status to DevicePollPath and gets back the requests
// that the hub's clinicians made of it since. A request is one call of the
// device's own clinicians' API (rehab/api: prescribe, start, pause,
// resume, stop, live view, reports), which the device's Agent serves in
// process on the clinician's behalf and answers in its next poll. The hub
// relays requests, never motion; the device's supervisor and its API stay
// the only authority over the robot.
//
// Delivery is exactly once over a lossy link: the hub hands a request out
// until the device acknowledges it (PollRequest.Received), the device runs
// each request id once and keeps its answer until the hub has it. A
// request whose clinician gave up waiting (RelayTimeout) is withdrawn and
// never handed out again. An Agent whose polls have failed for LinkLoss
// while a session runs pauses that session: a lost link holds the limb.

// Paths of the relay.
const (
	DevicePollPath = "/v1/device/poll"
	// DeviceAPIPrefix is where the hub relays a device's API: a
	// clinician's request to /v1/devices/{id}/api/v1/… goes to the
	// device's /api/v1/….
	DeviceAPIPrefix = "/api/v1/"
)

// Timing of the relay.
const (
	// PollHold is how long the hub holds a poll that has nothing to
	// deliver: the device's status is at most this old while the link is
	// up, and a request is handed out as soon as it is made.
	PollHold = time.Second
	// RelayTimeout is how long a clinician's request waits for the
	// device's answer before 504: a few round trips of the worst link in
	// the documented envelope (300 ms RTT, 5 % loss) plus a poll hold.
	RelayTimeout = 10 * time.Second
	// OnlineWithin: a device that has not polled for this long is shown
	// offline.
	OnlineWithin = 5 * time.Second
	// MaxRelayBody bounds a relayed request's or answer's body.
	MaxRelayBody = 4 << 20
)

// DeviceStatus is what a device says of itself in each poll.
type DeviceStatus struct {
	// Robot is the served robot's name; Safety its supervisor's state
	// (control.State's words) and SafetyReason why.
	Robot        string `json:"robot"`
	Safety       string `json:"safety"`
	SafetyReason string `json:"safety_reason,omitempty"`
	// Patients are the patients the device keeps records of.
	Patients []string `json:"patients"`
	// Session is the session holding the robot, if any; LastSession the
	// latest one that started and no longer holds it (its outcome, and who
	// ran it, stay on the device list after it ends).
	Session     *SessionStatus `json:"session,omitempty"`
	LastSession *SessionStatus `json:"last_session,omitempty"`
	// LinkPauses counts sessions the device paused because its link to
	// the hub was lost.
	LinkPauses int `json:"link_pauses"`
}

// SessionStatus summarises a device's running or paused session.
type SessionStatus struct {
	ID        string  `json:"id"`
	PatientID string  `json:"patient_id"`
	Status    string  `json:"status"`
	Percent   float64 `json:"percent"`
	StartedBy string  `json:"started_by,omitempty"`
}

// RelayRequest is one clinician's request, handed to the device.
type RelayRequest struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	// Path is the device API's path (/api/v1/…), Query its raw query.
	Path  string `json:"path"`
	Query string `json:"query,omitempty"`
	Body  []byte `json:"body,omitempty"`
	// Clinician names who asks, as the hub authenticated them: the device
	// records it (who started a session).
	Clinician string `json:"clinician"`
}

// RelayResponse is the device's answer to a RelayRequest.
type RelayResponse struct {
	ID          string `json:"id"`
	Status      int    `json:"status"`
	ContentType string `json:"content_type,omitempty"`
	Body        []byte `json:"body,omitempty"`
}

// PollRequest is the body of a device's poll.
type PollRequest struct {
	Status DeviceStatus `json:"status"`
	// Received lists the requests of the last reply the device got: the
	// hub stops handing them out.
	Received []string `json:"received,omitempty"`
	// Responses answer requests the device has run.
	Responses []RelayResponse `json:"responses,omitempty"`
}

// PollReply is the hub's answer to a poll.
type PollReply struct {
	Requests []RelayRequest `json:"requests"`
}

// DeviceInfo is one row of GET /v1/devices.
type DeviceInfo struct {
	Device   string        `json:"device"`
	Online   bool          `json:"online"`
	LastSeen *time.Time    `json:"last_seen,omitempty"`
	Status   *DeviceStatus `json:"status,omitempty"`
}

// relayed is a request waiting for its answer.
type relayed struct {
	req      RelayRequest
	handed   bool // a poll reply carried it: the device may have it
	acked    bool // the device said it received it
	answered chan RelayResponse
}

// deviceLink is the hub's view of one device.
type deviceLink struct {
	status  *DeviceStatus
	seen    time.Time
	pending []*relayed    // made, not withdrawn, not answered
	wake    chan struct{} // closed and replaced when a request is queued
}

// relay is the hub's side of remote sessions.
type relay struct {
	mu      sync.Mutex
	devices map[string]*deviceLink
	now     func() time.Time
}

func newRelay() *relay {
	return &relay{devices: map[string]*deviceLink{}, now: time.Now}
}

// link returns device's link, creating it; r.mu held.
func (r *relay) link(device string) *deviceLink {
	d := r.devices[device]
	if d == nil {
		d = &deviceLink{wake: make(chan struct{})}
		r.devices[device] = d
	}
	return d
}

// poll records a device's poll and returns what to hand it, waiting up to
// hold for a request when there is none.
func (r *relay) poll(ctx context.Context, device string, p *PollRequest, hold time.Duration) []RelayRequest {
	r.mu.Lock()
	d := r.link(device)
	st := p.Status
	d.status, d.seen = &st, r.now()
	for _, id := range p.Received {
		for _, q := range d.pending {
			if q.req.ID == id {
				q.acked = true
			}
		}
	}
	for _, resp := range p.Responses {
		for i, q := range d.pending {
			if q.req.ID == resp.ID {
				q.answered <- resp // buffered 1, answered once: removed below
				d.pending = slices.Delete(d.pending, i, i+1)
				break
			}
		}
	}
	out := d.deliverable()
	wake := d.wake
	r.mu.Unlock()
	if len(out) > 0 || hold <= 0 {
		return out
	}
	t := time.NewTimer(hold)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return nil
	case <-t.C:
		return nil
	case <-wake:
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.link(device).deliverable()
}

// deliverable is what d hands out now: every request not yet
// acknowledged, marked as handed out.
func (d *deviceLink) deliverable() []RelayRequest {
	out := []RelayRequest{}
	for _, q := range d.pending {
		if !q.acked {
			q.handed = true
			out = append(out, q.req)
		}
	}
	return out
}

// do queues req for device and waits for its answer, at most timeout; on
// time-out the request is withdrawn (never handed out again) and do
// returns an error.
func (r *relay) do(ctx context.Context, device string, req RelayRequest, timeout time.Duration) (RelayResponse, error) {
	var id [12]byte
	rand.Read(id[:])
	req.ID = hex.EncodeToString(id[:])
	q := &relayed{req: req, answered: make(chan RelayResponse, 1)}
	r.mu.Lock()
	d := r.link(device)
	d.pending = append(d.pending, q)
	close(d.wake)
	d.wake = make(chan struct{})
	r.mu.Unlock()
	t := time.NewTimer(timeout)
	defer t.Stop()
	var err error
	select {
	case resp := <-q.answered:
		return resp, nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-t.C:
		err = errDeviceSilent
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	d.pending = slices.DeleteFunc(d.pending, func(x *relayed) bool { return x == q })
	select {
	case resp := <-q.answered: // answered while we gave up
		return resp, nil
	default:
	}
	if q.handed {
		// Handed out in a reply, acknowledged or not: the device may have
		// it and may have carried it out. Only a request no reply carried
		// is known never to run.
		return RelayResponse{}, fmt.Errorf("%w (it was sent to the device and may have been carried out: check its state)", err)
	}
	return RelayResponse{}, fmt.Errorf("%w (the request was withdrawn, never carried out)", err)
}

var errDeviceSilent = errors.New("the device did not answer in time")

// info returns the rows of the known devices (the devices file's: a device
// no longer listed is revoked), sorted, with their last status.
func (r *relay) info(known []string) []DeviceInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	names := slices.Sorted(slices.Values(known))
	out := make([]DeviceInfo, 0, len(names))
	now := r.now()
	for _, n := range names {
		row := DeviceInfo{Device: n}
		if d := r.devices[n]; d != nil && d.status != nil {
			seen := d.seen
			st := *d.status
			row.LastSeen, row.Status = &seen, &st
			row.Online = now.Sub(seen) < OnlineWithin
		}
		out = append(out, row)
	}
	return out
}

// patients returns the patients device last reported, and whether it has
// reported at all.
func (r *relay) patients(device string) ([]string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := r.devices[device]
	if d == nil || d.status == nil {
		return nil, false
	}
	return slices.Clone(d.status.Patients), true
}

// ---- HTTP

func (s *Server) devicePoll(w http.ResponseWriter, r *http.Request) {
	device, ok := s.authenticate(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chiron-hub"`)
		writeJSON(w, http.StatusUnauthorized, Refusal{Error: "unknown or revoked device token"})
		return
	}
	var p PollRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8*MaxRelayBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		writeJSON(w, http.StatusBadRequest, Refusal{Error: "poll: " + err.Error()})
		return
	}
	hold := PollHold
	if s.pollHold > 0 {
		hold = s.pollHold
	}
	writeJSON(w, http.StatusOK, PollReply{Requests: s.relay.poll(r.Context(), device, &p, hold)})
}

// mayUseDevice reports whether c may reach device's API: a clinician of
// every patient always; another only when the device has reported its
// patients and every one of them is theirs (the relayed API shows all of
// a device's records) — or it keeps none yet, so that the clinician who
// installs a device at a patient's home can record that patient.
func (s *Server) mayUseDevice(c *Clinician, device string) bool {
	if c.All {
		return true
	}
	ps, ok := s.relay.patients(device)
	if !ok {
		return false
	}
	for _, p := range ps {
		if !c.May(p) {
			return false
		}
	}
	return true
}

func (s *Server) listDevices(w http.ResponseWriter, r *http.Request) {
	c := s.clinician(w, r)
	if c == nil {
		return
	}
	out := []DeviceInfo{}
	for _, d := range s.relay.info(s.tokens.Devices()) {
		if s.mayUseDevice(c, d.Device) {
			out = append(out, d)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// relayedAction names a mutating request of the device API for the audit
// log: prescribe, start, pause, resume, stop, add patient.
func relayedAction(method, path string) string {
	if method == http.MethodGet || method == http.MethodHead {
		// Reports and FHIR bundles leave the device: exports, audited
		// as the hub's own are. Live views and lists are not.
		for _, x := range []string{"/report", "/report.csv", "/report.svg", "/report.html", "/fhir"} {
			if strings.HasPrefix(path, "/api/v1/sessions/") && strings.HasSuffix(path, x) {
				return "export " + x[1:]
			}
		}
		return ""
	}
	switch {
	case path == "/api/v1/patients":
		return "add patient"
	case path == "/api/v1/sessions":
		return "prescribe"
	case strings.HasPrefix(path, "/api/v1/sessions/"):
		if i := strings.LastIndexByte(path, '/'); i > 0 {
			return path[i+1:]
		}
	}
	return method + " " + path
}

// bodyPatient returns the patient a create request's body names (id of a
// patient, patient_id of a session), "" when it names none.
func bodyPatient(path string, body []byte) string {
	var b struct {
		ID        string `json:"id"`
		PatientID string `json:"patient_id"`
	}
	json.Unmarshal(body, &b)
	if path == "/api/v1/patients" {
		return b.ID
	}
	return b.PatientID
}

func (s *Server) relayAPI(w http.ResponseWriter, r *http.Request) {
	c := s.clinician(w, r)
	if c == nil {
		return
	}
	device := r.PathValue("device")
	path := "/api/v1/" + r.PathValue("rest")
	if !s.mayUseDevice(c, device) {
		_ = s.audit(r, c.ID, "refused", "device "+device, "not every patient of the device is in scope")
		writeJSON(w, http.StatusForbidden, Refusal{Error: fmt.Sprintf("device %s keeps records of patients outside your scope (or has not reported yet)", device)})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxRelayBody))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, Refusal{Error: fmt.Sprintf("body over %d bytes", MaxRelayBody)})
		return
	}
	action := relayedAction(r.Method, path)
	if action != "" {
		subject := "device " + device
		if p := bodyPatient(path, body); p != "" {
			if !c.May(p) {
				_ = s.audit(r, c.ID, "refused", "patient "+p, action+" on device "+device)
				writeJSON(w, http.StatusForbidden, Refusal{Error: fmt.Sprintf("patient %s is not in your scope", p), Field: "patient_id"})
				return
			}
			subject += " patient " + p
		}
		// Who prescribed, started, paused, resumed and stopped what is
		// written before the request leaves: no audit, no request.
		if err := s.audit(r, c.ID, action, subject, r.Method+" "+path); err != nil {
			s.log.Error("hub: audit", "err", err)
			writeJSON(w, http.StatusInternalServerError, Refusal{Error: "not audited, not sent; retry"})
			return
		}
	}
	timeout := RelayTimeout
	if s.relayTimeout > 0 {
		timeout = s.relayTimeout
	}
	resp, err := s.relay.do(r.Context(), device, RelayRequest{Method: r.Method, Path: path, Query: r.URL.RawQuery,
		Body: body, Clinician: c.ID}, timeout)
	if err != nil {
		writeJSON(w, http.StatusGatewayTimeout, Refusal{Error: fmt.Sprintf("device %s: %v", device, err)})
		return
	}
	if resp.ContentType != "" {
		w.Header().Set("Content-Type", resp.ContentType)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(resp.Status)
	io.Copy(w, bytes.NewReader(resp.Body))
}

// ServePages serves the hub's pages from assets (teleop/console's built
// files): the device list at / (hub.html) and each device's clinician
// page, relayed, at /v1/devices/{id}/clinic.html — its API calls go to
// /v1/devices/{id}/api/v1/…, beside it. The pages take the clinician's
// token from their URL fragment; the files themselves are public.
func (s *Server) ServePages(assets fs.FS) {
	file := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			// The pages carry the token in their URL: never leak it in a
			// Referer.
			w.Header().Set("Referrer-Policy", "no-referrer")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeFileFS(w, r, assets, name)
		}
	}
	s.mux.HandleFunc("GET /{$}", file("hub.html"))
	for _, f := range []string{"hub.html", "hub.js", "clinic.css"} {
		s.mux.HandleFunc("GET /"+f, file(f))
	}
	for _, f := range []string{"clinic.html", "clinic.js", "clinic.css"} {
		s.mux.HandleFunc("GET /v1/devices/{device}/"+f, file(f))
	}
}
