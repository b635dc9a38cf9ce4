// chiron clinic: the clinicians' page. It speaks the rehab API under
// /api/v1 (rehab/api) with the clinician's bearer token: patients,
// prescriptions, the session controls, a live view of the running session
// and its report. Angles are degrees on the page and radians in the API.
import './clinic.css';

const $ = (id) => document.getElementById(id);
const RAD = Math.PI / 180;
const deg = (r) => r / RAD;
const POLL_MS = 250;
const WINDOW_S = 30;

// The token comes in the URL fragment (#token=…; ?token=… also works), is
// kept for this tab only, and leaves the address bar so that it is not
// shared by copying the URL or shown on a screen.
function takeToken() {
  const frag = new URLSearchParams(location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(location.search);
  const t = frag.get('token') || query.get('token');
  if (t) {
    sessionStorage.setItem('chiron-clinic-token', t);
    history.replaceState(null, '', location.pathname);
  }
  return t || sessionStorage.getItem('chiron-clinic-token') || '';
}
const token = takeToken();

// Everything the page knows, also window.clinic for tests and the
// developer tools.
const state = {
  robot: null, patients: [], patient: null, sessions: [], session: null,
  live: [], latest: null, liveCount: 0, polls: 0, report: null, errors: [],
};
window.clinic = state;
window.addEventListener('error', (e) => state.errors.push(String(e.message || e)));
window.addEventListener('unhandledrejection', (e) => state.errors.push(String(e.reason)));

// ---------------------------------------------------------------------------
// API

class APIError extends Error {
  constructor(status, body) {
    super(body.error || `HTTP ${status}`);
    this.status = status;
    this.field = body.field || '';
  }
}

async function api(method, path, body) {
  const init = { method, headers: { Authorization: `Bearer ${token}` } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`/api/v1${path}`, init);
  const text = await res.text();
  let data = {};
  try { data = text ? JSON.parse(text) : {}; } catch { data = { error: text }; }
  if (!res.ok) {
    if (res.status === 401 || res.status === 403) setConn(false, data.error || `HTTP ${res.status}`);
    throw new APIError(res.status, data);
  }
  setConn(true);
  return data;
}

// openResource opens an API resource the browser cannot fetch by itself (a
// plain link would not carry the bearer token).
async function openResource(path, filename) {
  const res = await fetch(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new APIError(res.status, await res.json().catch(() => ({})));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  if (filename) a.download = filename; else a.target = '_blank';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function setConn(ok, why) {
  const c = $('conn');
  c.textContent = ok ? 'signed in as clinician' : (token ? `not allowed: ${why}` : 'no token: open the clinician URL printed by chiron');
  c.className = 'pill ' + (ok ? 'ok' : 'bad');
}

// ---------------------------------------------------------------------------
// small DOM helpers (text always goes in as text, never as markup)

function h(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
}
const fmt = (v, d = 1, unit = '') => (v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(d)}${unit}`);
const num = (el) => (el.value.trim() === '' ? NaN : Number(el.value));

// showErrors puts the API's error next to the field it names: the input
// whose data-field is the longest prefix of the field path, else the
// form's status line.
function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => { if (e.dataset.errorFor !== undefined) e.textContent = ''; });
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  form.querySelectorAll('.field-error.dyn').forEach((e) => e.remove());
}
function showError(form, statusEl, err) {
  const field = err.field || '';
  let best = null;
  let bestLen = -1;
  form.querySelectorAll('[data-field], [data-error-for]').forEach((el) => {
    const f = el.dataset.field ?? el.dataset.errorFor;
    if (f && (field === f || field.startsWith(f + '.') || field.startsWith(f + '[')) && f.length > bestLen) {
      best = el; bestLen = f.length;
    }
  });
  const msg = field && err.status === 400 ? `${label(field)}: ${err.message}` : err.message;
  if (!best) { statusEl.textContent = msg; return; }
  if (best.dataset.errorFor !== undefined) { best.textContent = msg; return; }
  best.classList.add('invalid');
  best.after(h('span', { class: 'field-error dyn' }, msg));
  best.focus();
}
// label turns an API field path into words.
function label(field) {
  return field
    .replace(/^protocol\./, '')
    .replace(/exercises\[(\d+)\]/, (_, i) => `exercise ${Number(i) + 1}`)
    .replace(/limits\[(\d+)\]/, (_, i) => `joint ${Number(i) + 1}`)
    .replace(/joints\[(\d+)\]/, (_, i) => `joint ${Number(i) + 1}`)
    .replace('rom_min', 'range from').replace('rom_max', 'range to')
    .replace('max_torque', 'max torque').replace('max_speed', 'max speed')
    .replace('affected_side', 'affected side').replace(/\./g, ' · ');
}

function banner(msg) {
  const b = $('banner');
  b.textContent = msg;
  b.hidden = !msg;
}

// ---------------------------------------------------------------------------
// patients

async function loadPatients() {
  const { patients } = await api('GET', '/patients?limit=1000');
  state.patients = patients;
  const tb = $('patients').tBodies[0];
  tb.replaceChildren(...patients.map((p) => h('tr', {
    class: state.patient && state.patient.id === p.id ? 'sel' : '', 'data-id': p.id,
    onclick: () => selectPatient(p.id),
  }, h('td', {}, p.id), h('td', {}, p.affected_side), h('td', {}, `${p.height.toFixed(2)} m`),
  h('td', {}, `${p.mass.toFixed(1)} kg`), h('td', {}, p.limits.map((l) => jointName(l.joint)).join(', ')))));
  $('no-patients').hidden = patients.length > 0;
}

const jointName = (j) => j.replace(/_/g, ' ');

// limitRow is one joint of the new-patient form; l holds degrees.
function limitRow(l = {}) {
  const i = () => [...$('pf-limits').tBodies[0].rows].indexOf(tr);
  const nameIn = h('input', { class: 'j-name', list: 'robot-joints', value: l.joint || '', placeholder: 'knee_flexion' });
  const f = (cls, v, step) => h('input', { class: cls, type: 'number', step, value: v === undefined ? '' : v });
  const tr = h('tr', {},
    h('td', {}, nameIn),
    h('td', {}, f('j-min', l.min, 1)), h('td', {}, f('j-max', l.max, 1)),
    h('td', {}, f('j-torque', l.torque, 1)), h('td', {}, f('j-speed', l.speed, 5)),
    h('td', {}, h('button', { type: 'button', class: 'quiet', title: 'remove this joint', onclick: () => tr.remove() }, '×')));
  // data-field follows the row's position, so errors land in the right row.
  tr.updateFields = () => {
    const k = i();
    tr.querySelector('.j-name').dataset.field = `limits[${k}].joint`;
    tr.querySelector('.j-min').dataset.field = `limits[${k}].rom_min`;
    tr.querySelector('.j-max').dataset.field = `limits[${k}].rom_max`;
    tr.querySelector('.j-torque').dataset.field = `limits[${k}].max_torque`;
    tr.querySelector('.j-speed').dataset.field = `limits[${k}].max_speed`;
  };
  return tr;
}

function openPatientForm() {
  const form = $('patient-form');
  form.reset();
  clearErrors(form);
  $('pf-status').textContent = '';
  const tb = $('pf-limits').tBodies[0];
  tb.replaceChildren();
  // Start from the robot's joints with its suggested (conservative) limits.
  for (const j of (state.robot && state.robot.joints) || []) {
    tb.append(limitRow({ joint: j.joint, min: Math.round(deg(j.rom_min)), max: Math.round(deg(j.rom_max)),
      torque: j.max_torque, speed: Math.round(deg(j.max_speed)) }));
  }
  if (!tb.rows.length) tb.append(limitRow());
  form.hidden = false;
  $('pf-id').focus();
}

async function savePatient(ev) {
  ev.preventDefault();
  const form = $('patient-form');
  clearErrors(form);
  $('pf-status').textContent = '';
  const rows = [...$('pf-limits').tBodies[0].rows];
  rows.forEach((r) => r.updateFields());
  const body = {
    id: $('pf-id').value.trim(), height: num($('pf-height')), mass: num($('pf-mass')), affected_side: $('pf-side').value,
    limits: rows.map((r) => ({
      joint: r.querySelector('.j-name').value.trim(),
      rom_min: num(r.querySelector('.j-min')) * RAD, rom_max: num(r.querySelector('.j-max')) * RAD,
      max_torque: num(r.querySelector('.j-torque')), max_speed: num(r.querySelector('.j-speed')) * RAD,
    })),
  };
  // An empty number is NaN, which JSON cannot carry: name it here.
  for (const [k, v] of [['height', body.height], ['mass', body.mass]]) {
    if (!Number.isFinite(v)) return showError(form, $('pf-status'), { field: k, status: 400, message: 'enter a number' });
  }
  for (const [i, l] of body.limits.entries()) {
    for (const k of ['rom_min', 'rom_max', 'max_torque', 'max_speed']) {
      if (!Number.isFinite(l[k])) return showError(form, $('pf-status'), { field: `limits[${i}].${k}`, status: 400, message: 'enter a number' });
    }
    // Said here in the page's degrees; the API would say it in radians.
    if (l.rom_min >= l.rom_max) return showError(form, $('pf-status'), { field: `limits[${i}].rom_max`, status: 400, message: 'must be above “range from”' });
  }
  try {
    const p = await api('POST', '/patients', body);
    form.hidden = true;
    await loadPatients();
    await selectPatient(p.id);
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    showError(form, $('pf-status'), err.status === 409 ? { message: `a patient ${body.id} already exists` } : err);
  }
}

async function selectPatient(id) {
  const p = await api('GET', `/patients/${encodeURIComponent(id)}`);
  state.patient = p;
  $('nothing').hidden = true;
  $('patient').hidden = false;
  $('rx-form').hidden = true;
  $('p-title').textContent = `Patient ${p.id}`;
  $('p-summary').textContent = `${p.height.toFixed(2)} m · ${p.mass.toFixed(1)} kg · affected side: ${p.affected_side}`;
  $('p-limits').tBodies[0].replaceChildren(...p.limits.map((l) => h('tr', {},
    h('td', {}, jointName(l.joint)), h('td', {}, `${fmt(deg(l.rom_min), 0)}° to ${fmt(deg(l.rom_max), 0)}°`),
    h('td', {}, `${fmt(l.max_torque, 0)} N·m`), h('td', {}, `${fmt(deg(l.max_speed), 0)} °/s`))));
  document.querySelectorAll('#patients tbody tr').forEach((tr) => tr.classList.toggle('sel', tr.dataset.id === p.id));
  await loadSessions();
  if (!state.session || state.session.patient_id !== p.id) $('session').hidden = true;
}

// ---------------------------------------------------------------------------
// prescriptions

const MODES = {
  passive: { label: 'Passive range of motion — the robot moves the relaxed limb', assistance: 100,
    params: [['period_s', 'Time per repetition (s)', 4], ['hold_s', 'Hold at each end (s)', 0.5]] },
  'active-assisted': { label: 'Active-assisted — the patient moves, the robot helps as needed', assistance: 50,
    params: [['period_s', 'Time per repetition (s)', 4], ['hold_s', 'Hold at each end (s)', 0.5]] },
  active: { label: 'Active — the patient moves, the robot only follows', assistance: 0,
    params: [['attempt_s', 'Time allowed per movement (s)', '']] },
  resistive: { label: 'Resistive — the patient moves against a resistance', assistance: 0,
    params: [['viscous', 'Resistance (N·m per rad/s)', 5], ['attempt_s', 'Time allowed per movement (s)', '']] },
  'path-guidance': { label: 'Path guidance — the patient moves inside a corridor', assistance: 20,
    params: [['width_deg', 'Corridor half-width (°)', 3], ['attempt_s', 'Time allowed per movement (s)', '']] },
};

function exerciseItem(mode = 'passive') {
  const li = h('li', { class: 'exercise' });
  const modeSel = h('select', { class: 'x-mode' }, ...Object.entries(MODES).map(([k, m]) => h('option', { value: k }, m.label)));
  modeSel.value = mode;
  const joints = h('span', { class: 'x-joints' }, ...state.patient.limits.map((l) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', value: l.joint, checked: true }), jointName(l.joint))));
  const reps = h('input', { class: 'x-reps', type: 'number', min: 1, max: 1000, step: 1, value: 5 });
  const assist = h('input', { class: 'x-assist', type: 'number', min: 0, max: 100, step: 5, value: MODES[mode].assistance });
  const params = h('span', { class: 'x-params' });
  const extra = h('input', { class: 'x-extra', placeholder: '{"peak_speed": 0.5}', title: 'other parameters, JSON (SI units)' });
  const renderParams = () => {
    const m = MODES[modeSel.value];
    params.replaceChildren(...m.params.map(([k, lab, v]) => h('label', {}, lab, ' ', h('input', { type: 'number', step: 'any', 'data-param': k, value: v }))));
    assist.value = m.assistance;
  };
  modeSel.addEventListener('change', renderParams);
  renderParams();
  const move = (d) => {
    const sib = d < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (sib) (d < 0 ? sib.before(li) : sib.after(li));
  };
  li.append(
    h('div', { class: 'row' }, modeSel,
      h('button', { type: 'button', class: 'quiet', title: 'earlier', onclick: () => move(-1) }, '↑'),
      h('button', { type: 'button', class: 'quiet', title: 'later', onclick: () => move(1) }, '↓'),
      h('button', { type: 'button', class: 'quiet', title: 'remove', onclick: () => li.remove() }, '×')),
    h('div', { class: 'row' }, h('span', { class: 'x-joints-field' }, 'Joints: ', joints)),
    h('div', { class: 'row' }, h('label', {}, 'Repetitions ', reps), h('label', {}, 'Robot assistance (%) ', assist), params),
    h('div', { class: 'row' }, h('label', { class: 'wide' }, 'Other parameters (optional, JSON) ', extra)));
  li.updateFields = () => {
    const k = [...$('rx-exercises').children].indexOf(li);
    const f = `protocol.exercises[${k}]`;
    modeSel.dataset.field = `${f}.mode`;
    li.querySelector('.x-joints-field').dataset.field = `${f}.joints`;
    reps.dataset.field = `${f}.repetitions`;
    assist.dataset.field = `${f}.assistance`;
    extra.dataset.field = `${f}.params`;
    li.dataset.field = f;
  };
  return li;
}

function openPrescription() {
  const form = $('rx-form');
  form.reset();
  clearErrors(form);
  $('rx-status').textContent = '';
  $('rx-exercises').replaceChildren(exerciseItem('passive'));
  form.hidden = false;
  $('rx-name').focus();
}

function readExercise(li) {
  const mode = li.querySelector('.x-mode').value;
  const params = {};
  for (const inp of li.querySelectorAll('[data-param]')) {
    const v = num(inp);
    if (!Number.isFinite(v) || v === 0) continue; // empty: the mode's default
    if (inp.dataset.param === 'width_deg') params.width = v * RAD;
    else params[inp.dataset.param] = v;
  }
  const extra = li.querySelector('.x-extra').value.trim();
  if (extra) {
    let more;
    try { more = JSON.parse(extra); } catch { more = null; }
    if (!more || typeof more !== 'object' || Array.isArray(more)) {
      throw { field: li.querySelector('.x-extra').dataset.field, status: 400, message: 'not a JSON object such as {"peak_speed": 0.5}' };
    }
    Object.assign(params, more);
  }
  const ex = {
    mode,
    joints: [...li.querySelectorAll('.x-joints input:checked')].map((c) => c.value),
    repetitions: num(li.querySelector('.x-reps')),
    assistance: num(li.querySelector('.x-assist')) / 100,
  };
  if (!Number.isFinite(ex.repetitions)) throw { field: li.querySelector('.x-reps').dataset.field, status: 400, message: 'enter a number' };
  if (!Number.isFinite(ex.assistance)) throw { field: li.querySelector('.x-assist').dataset.field, status: 400, message: 'enter a percentage' };
  if (!ex.joints.length) throw { field: li.querySelector('.x-joints-field').dataset.field, status: 400, message: 'tick at least one joint' };
  if (Object.keys(params).length) ex.params = params;
  return ex;
}

async function createSession(ev) {
  ev.preventDefault();
  const form = $('rx-form');
  clearErrors(form);
  $('rx-status').textContent = '';
  const items = [...$('rx-exercises').children];
  items.forEach((li) => li.updateFields());
  let body;
  try {
    body = { patient_id: state.patient.id, protocol: { name: $('rx-name').value.trim(), exercises: items.map(readExercise) } };
  } catch (err) {
    return showError(form, $('rx-status'), err);
  }
  try {
    const s = await api('POST', '/sessions', body);
    form.hidden = true;
    await loadSessions();
    await selectSession(s.id);
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    showError(form, $('rx-status'), err);
  }
}

// ---------------------------------------------------------------------------
// sessions

const STATUS_WORDS = {
  created: 'Ready to start', running: 'Running', paused: 'Paused — the limb is held still',
  stopped: 'Stopped early', completed: 'Completed', interrupted: 'Interrupted (the system was shut down during the session)',
};
const isFinal = (s) => s === 'stopped' || s === 'completed' || s === 'interrupted';

async function loadSessions() {
  const { sessions } = await api('GET', `/sessions?patient_id=${encodeURIComponent(state.patient.id)}`);
  state.sessions = sessions;
  $('sessions').tBodies[0].replaceChildren(...sessions.slice().reverse().map((s) => h('tr', {
    class: state.session && state.session.id === s.id ? 'sel' : '', 'data-id': s.id, onclick: () => selectSession(s.id),
  }, h('td', {}, new Date(s.created_at).toLocaleString()), h('td', {}, s.protocol.name || '(unnamed)'),
  h('td', {}, h('span', { class: `status ${s.status}` }, s.status)), h('td', {}, `${Math.round(s.percent)} %`))));
  $('no-sessions').hidden = sessions.length > 0;
}

let pollTimer = null;

async function selectSession(id) {
  const s = await api('GET', `/sessions/${encodeURIComponent(id)}`);
  state.session = s;
  state.live = [];
  state.latest = null;
  state.report = null;
  $('session').hidden = false;
  $('s-title').textContent = `Session ${s.protocol.name ? '“' + s.protocol.name + '”' : s.id}`;
  $('s-error').textContent = '';
  $('report').hidden = true;
  document.querySelectorAll('#sessions tbody tr').forEach((tr) => tr.classList.toggle('sel', tr.dataset.id === s.id));
  renderSession();
  if (isFinal(s.status)) await loadReport();
  else poll();
}

function renderSession() {
  const s = state.session;
  const st = $('s-status');
  st.textContent = STATUS_WORDS[s.status] || s.status;
  st.className = `status ${s.status}`;
  $('s-start').disabled = s.status !== 'created';
  $('s-pause').disabled = s.status !== 'running';
  $('s-resume').disabled = s.status !== 'paused';
  $('s-stop').disabled = isFinal(s.status);
  $('s-bar').style.width = `${Math.min(100, Math.max(0, s.percent))}%`;
  const exs = s.protocol.exercises;
  const cur = state.latest || { exercise: s.progress.exercise, repetition: s.progress.repetition, t: s.progress.elapsed };
  let now = '';
  if (s.status === 'created') now = `${exs.length} exercise${exs.length > 1 ? 's' : ''}, ${exs.reduce((a, e) => a + e.repetitions, 0)} repetitions in all`;
  else if (s.status === 'running' || s.status === 'paused') {
    const e = exs[cur.exercise] || exs[0];
    const what = (MODES[e.mode] ? MODES[e.mode].label.split(' — ')[0] : e.mode);
    now = `Exercise ${cur.exercise + 1} of ${exs.length}: ${what} — ` +
      (cur.repetition === 0 ? 'moving to the start position' : `repetition ${Math.min(cur.repetition, e.repetitions)} of ${e.repetitions}`);
  } else now = STATUS_WORDS[s.status];
  $('s-now').textContent = now;
  $('s-detail').textContent = `${Math.round(s.percent)} % of the repetitions done · ${fmt(cur.t || 0, 0)} s elapsed` +
    (s.status === 'running' || s.status === 'paused' ? '' : s.ended_at ? ` · ended ${new Date(s.ended_at).toLocaleTimeString()}` : '');
}

async function control(action) {
  $('s-error').textContent = '';
  try {
    state.session = await api('POST', `/sessions/${encodeURIComponent(state.session.id)}/${action}`);
    renderSession();
    loadSessions();
    if (isFinal(state.session.status)) await loadReport();
    else poll();
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    $('s-error').textContent = err.message;
  }
}

// poll follows the session while it is not over: GET /live returns the
// session's status and progress with its recent motion since the last poll.
function poll() {
  clearTimeout(pollTimer);
  const id = state.session.id;
  const tick = async () => {
    if (!state.session || state.session.id !== id) return;
    const after = state.live.length ? state.live[state.live.length - 1].t : -1;
    let v;
    try {
      v = await api('GET', `/sessions/${encodeURIComponent(id)}/live?after=${after}`);
    } catch (err) {
      if (!(err instanceof APIError)) throw err;
      $('s-error').textContent = `lost contact: ${err.message}`;
      pollTimer = setTimeout(tick, 2000);
      return;
    }
    if (!state.session || state.session.id !== id) return;
    state.polls++;
    const prev = state.session.status;
    state.session = v.session;
    state.latest = v.latest;
    state.live.push(...v.points);
    state.liveCount += v.points.length;
    const t0 = state.live.length ? state.live[state.live.length - 1].t - WINDOW_S : 0;
    while (state.live.length && state.live[0].t < t0) state.live.shift();
    renderSession();
    if (v.session.status !== 'created') drawLive();
    if (prev !== v.session.status) loadSessions();
    if (isFinal(v.session.status)) { await loadReport(); return; }
    pollTimer = setTimeout(tick, v.session.status === 'created' ? 1000 : POLL_MS);
  };
  tick();
}

// ---------------------------------------------------------------------------
// live plot: the exercised joints' angles over the last WINDOW_S seconds,
// each with its prescribed range shaded.

const COLOURS = ['#1f6fd1', '#d1521f', '#2a9d5c', '#8a3fd1', '#c7a100', '#d11f6f'];
const SVGNS = 'http://www.w3.org/2000/svg';
const sv = (tag, attrs = {}, text) => {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

function drawLive() {
  const s = state.session;
  $('live').hidden = false;
  const W = 780, H = 260, L = 46, R = 150, T = 10, B = 28;
  const pts = state.live;
  const ex = s.protocol.exercises[(state.latest || s.progress).exercise] || s.protocol.exercises[0];
  const names = ex.joints && ex.joints.length ? ex.joints : s.joints;
  const idx = names.map((n) => s.joints.indexOf(n)).filter((i) => i >= 0);
  const lim = (n) => state.patient && state.patient.limits.find((l) => l.joint === n);
  let lo = Infinity, hi = -Infinity;
  for (const i of idx) {
    const l = lim(s.joints[i]);
    if (l) { lo = Math.min(lo, deg(l.rom_min)); hi = Math.max(hi, deg(l.rom_max)); }
    for (const p of pts) { lo = Math.min(lo, deg(p.q[i])); hi = Math.max(hi, deg(p.q[i])); }
  }
  if (!Number.isFinite(lo)) { lo = -10; hi = 100; }
  const pad = 0.08 * (hi - lo || 10);
  lo -= pad; hi += pad;
  const tEnd = pts.length ? Math.max(pts[pts.length - 1].t, WINDOW_S) : WINDOW_S;
  const tStart = tEnd - WINDOW_S;
  const x = (t) => L + ((t - tStart) / WINDOW_S) * (W - L - R);
  const y = (d) => T + (1 - (d - lo) / (hi - lo)) * (H - T - B);
  const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'live joint angles' });
  svg.append(sv('rect', { x: L, y: T, width: W - L - R, height: H - T - B, fill: '#fff', stroke: '#ccd3dc' }));
  // y grid every 10, 20 or 30°
  const step = [10, 20, 30, 45, 60].find((g) => (hi - lo) / g <= 8) || 90;
  for (let g = Math.ceil(lo / step) * step; g <= hi; g += step) {
    svg.append(sv('line', { x1: L, x2: W - R, y1: y(g), y2: y(g), stroke: '#eef1f5' }));
    svg.append(sv('text', { x: L - 6, y: y(g) + 4, 'text-anchor': 'end', class: 'tick' }, `${g}°`));
  }
  for (let t = Math.ceil(tStart / 5) * 5; t <= tEnd; t += 5) {
    svg.append(sv('text', { x: x(t), y: H - 10, 'text-anchor': 'middle', class: 'tick' }, `${t} s`));
  }
  idx.forEach((i, k) => {
    const c = COLOURS[k % COLOURS.length];
    const l = lim(s.joints[i]);
    if (l) {
      svg.append(sv('rect', { x: L, width: W - L - R, y: y(deg(l.rom_max)), height: y(deg(l.rom_min)) - y(deg(l.rom_max)),
        fill: c, 'fill-opacity': 0.08, stroke: c, 'stroke-opacity': 0.35, 'stroke-dasharray': '4 3', class: 'band' }));
    }
    const d = pts.filter((p) => p.t >= tStart).map((p, j) => `${j ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(deg(p.q[i])).toFixed(1)}`).join('');
    if (d) svg.append(sv('path', { d, fill: 'none', stroke: c, 'stroke-width': 2, class: 'trace' }));
    const last = pts[pts.length - 1];
    svg.append(sv('text', { x: W - R + 8, y: T + 16 + 18 * k, fill: c, class: 'legend' },
      `${jointName(s.joints[i])} ${last ? fmt(deg(last.q[i]), 0, '°') : ''}`));
  });
  $('live-plot').replaceChildren(svg);
}

// ---------------------------------------------------------------------------
// report

async function loadReport() {
  const s = state.session;
  const base = `/sessions/${encodeURIComponent(s.id)}`;
  const r = await api('GET', `${base}/report`);
  $('r-summary').textContent = `${r.repetitions} repetitions in ${fmt(r.duration_s, 0)} s · ${r.samples} samples at ${fmt(r.sample_rate_hz, 0)} Hz` +
    (r.mean_sparc !== null ? ` · mean smoothness (SPARC) ${fmt(r.mean_sparc, 2)}` : '');
  const range = (a, b) => (a === null || a === undefined ? '–' : `${fmt(a, 0)}° to ${fmt(b, 0)}°`);
  $('r-joints').tBodies[0].replaceChildren(...(r.joints || []).map((j) => h('tr', {},
    h('td', {}, jointName(j.joint)), h('td', { class: 'rom' }, fmt(j.rom_deg, 1, '°')), h('td', {}, fmt(j.active_rom_deg, 1, '°')),
    h('td', {}, fmt(j.passive_rom_deg, 1, '°')), h('td', {}, range(j.limit_min_deg, j.limit_max_deg)),
    h('td', {}, fmt(j.peak_torque_nm, 1, ' N·m')), h('td', {}, fmt(j.mean_torque_nm, 1, ' N·m')))));
  $('r-exercises').tBodies[0].replaceChildren(...(r.exercises || []).map((e) => h('tr', {},
    h('td', {}, `${e.index + 1}. ${MODES[e.mode] ? MODES[e.mode].label.split(' — ')[0] : e.mode}`),
    h('td', {}, `${e.repetitions_done} of ${e.repetitions_prescribed}`),
    h('td', {}, `${Math.round(100 * e.assistance_nominal)} %`), h('td', {}, `${Math.round(100 * e.assistance_measured)} %`))));
  $('r-reps').tBodies[0].replaceChildren(...(r.repetition_metrics || []).map((p) => h('tr', {},
    h('td', {}, p.exercise + 1), h('td', {}, p.repetition),
    h('td', {}, p.joints.map((j) => `${jointName(j.joint)} ${fmt(j.rom_deg, 1, '°')}`).join(', ')),
    h('td', {}, `${Math.round(100 * p.assistance)} %`), h('td', {}, fmt(p.movement_time_s, 2, ' s')),
    h('td', {}, fmt(p.sparc, 2)), h('td', {}, fmt(p.peak_torque_nm, 1, ' N·m')))));
  // The SVG is the server's own drawing, every text in it escaped; it is
  // fetched with the token (an <img> would not carry it) and parsed as an
  // SVG document, so nothing in it runs as the page's HTML.
  try {
    const res = await fetch(`/api/v1${base}/report.svg`, { headers: { Authorization: `Bearer ${token}` } });
    const doc = new DOMParser().parseFromString(await res.text(), 'image/svg+xml');
    const el = doc.documentElement;
    if (res.ok && el.nodeName === 'svg') {
      el.querySelectorAll('script').forEach((n) => n.remove());
      el.setAttribute('width', '100%');
      el.removeAttribute('height');
      $('r-svg').replaceChildren(document.importNode(el, true),
        h('figcaption', {}, 'Joint angles (prescribed range shaded) and robot assistance over the whole session.'));
    }
  } catch (err) {
    state.errors.push(`report.svg: ${err}`);
  }
  const links = { 'csv-link': [`${base}/report.csv`, `${s.id}.csv`], 'fhir-link': [`${base}/fhir`, `${s.id}-fhir.json`], 'html-link': [`${base}/report.html`, ''] };
  for (const [id, [path, file]] of Object.entries(links)) {
    const a = $(id);
    a.dataset.path = `/api/v1${path}`;
    a.onclick = (ev) => {
      ev.preventDefault();
      openResource(path, file).catch((err) => { $('s-error').textContent = err.message; });
    };
  }
  // Shown, and announced to window.clinic, once every part is in place.
  if (!state.session || state.session.id !== s.id) return;
  state.report = r;
  $('report').hidden = false;
}

// ---------------------------------------------------------------------------
// start-up

async function init() {
  $('add-patient').addEventListener('click', openPatientForm);
  $('pf-cancel').addEventListener('click', () => { $('patient-form').hidden = true; });
  $('pf-add-joint').addEventListener('click', () => $('pf-limits').tBodies[0].append(limitRow()));
  $('patient-form').addEventListener('submit', savePatient);
  $('prescribe').addEventListener('click', openPrescription);
  $('rx-cancel').addEventListener('click', () => { $('rx-form').hidden = true; });
  $('rx-add').addEventListener('click', () => $('rx-exercises').append(exerciseItem($('rx-exercises').children.length ? 'active-assisted' : 'passive')));
  $('rx-form').addEventListener('submit', createSession);
  for (const a of ['start', 'pause', 'resume', 'stop']) $(`s-${a}`).addEventListener('click', () => control(a));
  if (!token) { setConn(false); return; }
  try {
    state.robot = await api('GET', '/robot');
    $('robot').textContent = `robot: ${state.robot.robot}`;
    const dl = h('datalist', { id: 'robot-joints' }, ...state.robot.joints.map((j) => h('option', { value: j.joint })));
    document.body.append(dl);
    if (!state.robot.sessions) banner('This server keeps records and reports only: no robot is attached to run sessions.');
    await loadPatients();
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    banner(err.message);
  }
  state.ready = true;
}
init();
