// The hospital's hub page: the devices at patients' homes that the
// clinician's token may reach (GET /v1/devices), their link, patients,
// robot safety and running session, refreshed every second, each with a
// link to its clinician page relayed through the hub.

const POLL_MS = 1000;

// The token comes in the URL fragment (#token=…), is kept for this tab
// only and leaves the address bar.
function takeToken() {
  const frag = new URLSearchParams(location.hash.replace(/^#/, ''));
  const t = frag.get('token');
  if (t) {
    sessionStorage.setItem('chiron-hub-token', t);
    history.replaceState(null, '', location.pathname);
  }
  return t || sessionStorage.getItem('chiron-hub-token') || '';
}
const token = takeToken();
const $ = (id) => document.getElementById(id);

// Everything the page knows, also window.hub for tests.
const state = { devices: [], error: '', polls: 0 };
window.hub = state;

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function ago(iso) {
  if (!iso) return 'never seen';
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  return s < 2 ? 'just now' : s < 120 ? `${Math.round(s)} s ago` : `${Math.round(s / 60)} min ago`;
}

function render() {
  const tb = $('devices').querySelector('tbody');
  tb.replaceChildren();
  for (const d of state.devices) {
    const st = d.status || {};
    const tr = document.createElement('tr');
    tr.dataset.device = d.device;
    cell(tr, d.device);
    cell(tr, d.online ? 'online' : `offline · ${ago(d.last_seen)}`, d.online ? 'ok' : 'warn');
    cell(tr, (st.patients || []).join(', ') || '–');
    cell(tr, st.robot || '–');
    // The reason only says something when the robot is not enabled.
    cell(tr, st.safety ? st.safety.replace('_', ' ') + (st.safety !== 'enabled' && st.safety_reason && st.safety_reason !== 'none' ? ` (${st.safety_reason})` : '') : '–',
      st.safety === 'enabled' ? 'ok' : st.safety ? 'warn' : '');
    const s = st.session;
    cell(tr, s ? `${s.status} · ${s.patient_id} · ${Math.round(s.percent)} %` : 'no session', s ? 'session' : '');
    cell(tr, s && s.started_by ? s.started_by : '–');
    const l = st.last_session;
    cell(tr, l ? `${l.status} · ${l.patient_id} · ${Math.round(l.percent)} %${l.started_by ? ` · ${l.started_by}` : ''}` : '–');
    cell(tr, String(st.link_pauses || 0));
    const open = document.createElement('a');
    open.textContent = 'open';
    open.className = 'open';
    // The device's clinician page, relayed by the hub; the token goes in
    // the fragment, which the browser never sends.
    open.href = `/v1/devices/${encodeURIComponent(d.device)}/clinic.html#token=${encodeURIComponent(token)}`;
    const td = document.createElement('td');
    td.appendChild(open);
    tr.appendChild(td);
    tb.appendChild(tr);
  }
  $('no-devices').hidden = state.devices.length > 0;
  const online = state.devices.filter((d) => d.online).length;
  const n = state.devices.length;
  $('count').textContent = `${n} ${n === 1 ? 'device' : 'devices'} · ${online} online`;
}

function setConn(ok, why) {
  const c = $('conn');
  c.className = ok ? 'pill ok' : 'pill bad';
  c.textContent = ok ? 'signed in' : (token ? `not allowed: ${why}` : 'no token: open the URL with #token=<clinician token>');
}

async function poll() {
  try {
    const res = await fetch('/v1/devices', { headers: { Authorization: `Bearer ${token}` } });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      state.error = data.error || `HTTP ${res.status}`;
      setConn(false, state.error);
    } else {
      state.devices = data;
      state.error = '';
      setConn(true);
      render();
    }
  } catch (e) {
    state.error = String(e);
    setConn(false, state.error);
  }
  state.polls++;
  setTimeout(poll, POLL_MS);
}

if (!token) setConn(false); else poll();
