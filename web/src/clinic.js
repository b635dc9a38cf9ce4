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

// The API is beside the page: /api/v1 on a device (/clinic.html), and
// /v1/devices/ID/api/v1 on the hospital's hub, which relays it to the
// device at a patient's home (/v1/devices/ID/clinic.html).
const API = new URL('api/v1', location.href).pathname;
const REMOTE = location.pathname.match(/\/v1\/devices\/([^/]+)\//);

// Everything the page knows, also window.clinic for tests and the
// developer tools.
const state = {
  me: null, robot: null, patients: [], patient: null, sessions: [], session: null,
  live: [], latest: null, liveCount: 0, polls: 0, report: null, notes: [], errors: [],
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
  const res = await fetch(`${API}${path}`, init);
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
  const res = await fetch(`${API}${path}`, { headers: { Authorization: `Bearer ${token}` } });
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
  const role = state.me ? state.me.role : 'clinician';
  c.textContent = ok ? `signed in as ${role}` : (token ? `not allowed: ${why}` : 'no token: open the clinician URL printed by chiron');
  c.title = ok && state.me ? `reports name you “${state.me.name}”` : '';
  c.className = 'pill ' + (ok ? 'ok' : 'bad');
}

// Edit controls (every element with data-edit) show only to a token whose
// role may use the clinical API (clinician, admin: GET /me says so); a
// viewer sees none, not even for a moment while the page loads.
function setCanEdit(yes) {
  document.body.classList.toggle('can-edit', !!yes);
  document.querySelectorAll('[data-edit]').forEach((e) => { e.hidden = !yes; });
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
// fmt writes a number with d decimals and a unit, a true minus sign for
// negatives, "–" for a value the report could not compute.
const fmt = (v, d = 1, unit = '') => (v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(d).replace(/^-/, '−')}${unit}`);
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
  const msg = field && err.status === 400 ? `${label(field)}: ${inDegrees(err.message)}` : inDegrees(err.message);
  if (!best) { statusEl.textContent = msg; return; }
  if (best.dataset.errorFor !== undefined) { best.textContent = msg; return; }
  best.classList.add('invalid');
  best.after(h('span', { class: 'field-error dyn' }, msg));
  best.focus();
}
// PARAM_WORDS name the API's parameters as the form does.
const PARAM_WORDS = {
  rom_min: 'range from', rom_max: 'range to', max_torque: 'max robot torque', max_speed: 'max speed',
  affected_side: 'affected side', id: 'patient ID', period_s: 'time per repetition', hold_s: 'hold at each end',
  attempt_s: 'time allowed per movement', viscous: 'resistance', width: 'corridor half-width', peak_speed: 'peak speed',
  repetitions: 'repetitions', assistance: 'robot assistance', params: 'parameters', mode: 'exercise type',
};

// label turns an API field path into words: "protocol.exercises[1].params.period_s"
// → "exercise 2 · time per repetition"; a limit row is named by its joint.
function label(field) {
  const limitJoint = (i) => {
    const row = $('pf-limits').tBodies[0].rows[Number(i)];
    const j = row && row.querySelector('.j-name');
    return j && j.value ? jointName(j.value) : `joint ${Number(i) + 1}`;
  };
  return field
    .replace(/^protocol\./, '')
    .replace(/exercises\[(\d+)\]/, (_, i) => `exercise ${Number(i) + 1}`)
    .replace(/limits\[(\d+)\]/, (_, i) => limitJoint(i))
    .replace(/joints\[(\d+)\]/, (_, i) => `joint ${Number(i) + 1}`)
    .replace(/\bparams\./, '')
    .replace(/[a-z_]+$/, (k) => PARAM_WORDS[k] || k.replace(/_/g, ' '))
    .replace(/\./g, ' · ');
}

// inDegrees rewrites what the API says in radians in the page's units:
// "6.981317007977318 rad is not a finite angle ≤ 2π" → "400° is not a
// finite angle ≤ 360°", "2 rad/s" → "115°/s"; API field names become
// the form's words.
function inDegrees(msg) {
  const d = (x) => `${Math.round(deg(Number(x)) * 10) / 10}`;
  return String(msg)
    .replace(/(−|-)?2π/g, (m, neg) => `${neg ? '−' : ''}360°`)
    .replace(/(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?) rad\/s(?: \([^)]*\))?/g, (_, x) => `${d(x)}°/s`)
    .replace(/(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?) rad\b(?! ?\/)/g, (_, x) => `${d(x)}°`)
    .replace(/\b(rom_min|rom_max|max_torque|max_speed|period_s|hold_s|attempt_s)\b/g, (k) => `“${PARAM_WORDS[k]}”`)
    .replace(/\b(hip|knee|ankle|shoulder|elbow|wrist)_[a-z_]+\b/g, (j) => jointName(j))
    .replace(/(^|[\s(\[])-(\d)/g, '$1−$2');
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
  }, h('td', {}, p.id), h('td', {}, SIDE_WORDS[p.affected_side] || p.affected_side), h('td', {}, `${p.height.toFixed(2)} m`),
  h('td', {}, `${p.mass.toFixed(1)} kg`), h('td', {}, p.limits.map((l) => jointName(l.joint)).join(', ')))));
  $('no-patients').hidden = patients.length > 0;
}

const SIDE_WORDS = { left: 'left', right: 'right', bilateral: 'both sides', none: 'none' };

// jointName is a joint's anatomical name ("Hip flexion/extension"), as
// GET /robot labels the robot's joints (report.JointLabel); a joint the
// robot does not list keeps its name in words.
const jointName = (j) => {
  const l = state.robot && state.robot.labels && state.robot.labels[j];
  if (l) return l;
  const w = String(j).replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
};

// The limits the API accepts for a patient (rehab.Patient.Validate), in
// the form's units, so that a slip is said here, in degrees, beside its
// field: ±360° (2π rad), torque (0, 1000] N·m, speed (0, 20 rad/s].
const LIMITS = { height: [0.5, 2.5], mass: [10, 300], angle: 360, torque: 1000, speed: Math.round(deg(20)) };

// limitRow is one joint of the new-patient form; l holds degrees. The
// joint is chosen among the robot's (by its anatomical name) when the
// robot lists them, typed otherwise.
function limitRow(l = {}) {
  const i = () => [...$('pf-limits').tBodies[0].rows].indexOf(tr);
  const robotJoints = (state.robot && state.robot.joints) || [];
  const nameIn = robotJoints.length
    ? h('select', { class: 'j-name' }, ...robotJoints.map((j) => h('option', { value: j.joint }, jointName(j.joint))))
    : h('input', { class: 'j-name', value: l.joint || '', placeholder: 'knee_flexion' });
  if (l.joint) nameIn.value = l.joint;
  const f = (cls, v, step, min, max) => h('input', { class: cls, type: 'number', step, min, max, value: v === undefined ? '' : v });
  const tr = h('tr', {},
    h('td', {}, nameIn),
    h('td', {}, f('j-min', l.min, 1, -LIMITS.angle, LIMITS.angle)), h('td', {}, f('j-max', l.max, 1, -LIMITS.angle, LIMITS.angle)),
    h('td', {}, f('j-torque', l.torque, 1, 1, LIMITS.torque)), h('td', {}, f('j-speed', l.speed, 5, 5, LIMITS.speed)),
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
  if (!document.body.classList.contains('can-edit')) return;
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
    const bad = (k, message) => showError(form, $('pf-status'), { field: `limits[${i}].${k}`, status: 400, message });
    for (const k of ['rom_min', 'rom_max', 'max_torque', 'max_speed']) {
      if (!Number.isFinite(l[k])) return bad(k, 'enter a number');
    }
    // Said here in the page's units (degrees, °/s) as typed; the API
    // would say them in radians.
    const typed = (cls) => rows[i].querySelector(cls).value.trim();
    if (Math.abs(deg(l.rom_min)) > LIMITS.angle) return bad('rom_min', `${typed('.j-min')}° is beyond ±${LIMITS.angle}°`);
    if (Math.abs(deg(l.rom_max)) > LIMITS.angle) return bad('rom_max', `${typed('.j-max')}° is beyond ±${LIMITS.angle}°`);
    if (l.rom_min >= l.rom_max) return bad('rom_max', `${typed('.j-max')}° must be above “range from” (${typed('.j-min')}°)`);
    if (!(l.max_torque > 0 && l.max_torque <= LIMITS.torque)) return bad('max_torque', `${typed('.j-torque')} N·m is outside 0…${LIMITS.torque} N·m`);
    if (!(l.max_speed > 0 && deg(l.max_speed) <= LIMITS.speed)) return bad('max_speed', `${typed('.j-speed')} °/s is outside 0…${LIMITS.speed} °/s`);
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
  $('p-summary').textContent = `${p.height.toFixed(2)} m · ${p.mass.toFixed(1)} kg · affected side: ${SIDE_WORDS[p.affected_side] || p.affected_side}`;
  $('p-limits').tBodies[0].replaceChildren(...p.limits.map((l) => h('tr', {},
    h('td', {}, jointName(l.joint)), h('td', {}, `${fmt(deg(l.rom_min), 0)}° to ${fmt(deg(l.rom_max), 0)}°`),
    h('td', {}, `${fmt(l.max_torque, 0)} N·m`), h('td', {}, `${fmt(deg(l.max_speed), 0)} °/s`))));
  document.querySelectorAll('#patients tbody tr').forEach((tr) => tr.classList.toggle('sel', tr.dataset.id === p.id));
  await loadSessions();
  if (!state.session || state.session.patient_id !== p.id) $('session').hidden = true;
}

// ---------------------------------------------------------------------------
// prescriptions

// The parameters the form offers, in the clinician's units, with the
// ranges the API accepts (rehab/exercise/check.go: MinPeriodS…MaxPeriodS,
// MaxHoldS, MinAttemptS…MaxAttemptS, viscous ≤ 100 N·m·s/rad, a joint
// corridor ≤ 0.5 rad). The API reads 0 as "the mode's default", so no
// input here goes down to 0.
const PARAMS = {
  period: { key: 'period_s', label: 'Time per repetition (s)', unit: 's', value: 4, min: 2, max: 600, step: 0.5,
    help: 'out and back, not counting the holds' },
  hold: { key: 'hold_s', label: 'Hold at each end (s)', unit: 's', value: 0.5, min: 0.1, max: 60, step: 0.1 },
  attempt: { key: 'attempt_s', label: 'Time allowed per movement (s)', unit: 's', value: 10, min: 1, max: 120, step: 1,
    help: 'after this the robot moves on to the next target' },
  // Resistance as the torque the patient feels at 60 °/s (a brisk
  // movement), not a damping coefficient: b = T / (60 °/s in rad/s).
  resistance: { key: 'viscous', label: 'Resistance (N·m at 60 °/s)', unit: 'N·m', value: 5, min: 1, max: 100, step: 1,
    toAPI: (v) => v / (60 * RAD), help: 'the robot resists with this torque when the joint moves at 60 °/s, more when faster' },
  width: { key: 'width', label: 'Corridor half-width (°)', unit: '°', value: 3, min: 1, max: 28, step: 1, toAPI: (v) => v * RAD },
};

const MODES = {
  passive: { label: 'Passive range of motion — the robot moves the relaxed limb', assistance: 100, params: ['period', 'hold'] },
  'active-assisted': { label: 'Active-assisted — the patient moves, the robot helps as needed', assistance: 50, params: ['period', 'hold'] },
  active: { label: 'Active — the patient moves, the robot only follows', assistance: 0, params: ['attempt'] },
  resistive: { label: 'Resistive — the patient moves against a resistance', assistance: 0, params: ['resistance', 'attempt'] },
  'path-guidance': { label: 'Path guidance — the patient moves inside a corridor', assistance: 20, params: ['width', 'attempt'] },
};
const modeName = (m) => (MODES[m] ? MODES[m].label.split(' — ')[0] : m);

function exerciseItem(mode = 'passive') {
  const li = h('li', { class: 'exercise' });
  const modeSel = h('select', { class: 'x-mode' }, ...Object.entries(MODES).map(([k, m]) => h('option', { value: k }, m.label)));
  modeSel.value = mode;
  const joints = h('span', { class: 'x-joints' }, ...state.patient.limits.map((l) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', value: l.joint, checked: true }), jointName(l.joint))));
  // Repetitions and assistance: what rehab.Protocol.Validate accepts.
  const reps = h('input', { class: 'x-reps', type: 'number', min: 1, max: 1000, step: 1, value: 5 });
  const assist = h('input', { class: 'x-assist', type: 'number', min: 0, max: 100, step: 5, value: MODES[mode].assistance });
  const params = h('span', { class: 'x-params' });
  const extra = h('input', { class: 'x-extra', placeholder: '{"peak_speed": 0.5}', title: 'more parameters as JSON, SI units (radians, seconds)' });
  const renderParams = () => {
    const m = MODES[modeSel.value];
    params.replaceChildren(...m.params.map((name) => {
      const p = PARAMS[name];
      return h('label', { title: p.help || '' }, p.label, ' ',
        h('input', { type: 'number', step: p.step, min: p.min, max: p.max, 'data-param': name, value: p.value }));
    }));
    assist.value = m.assistance;
    li.updateFields && li.updateFields();
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
    // No raw JSON in the default form: what the fields above do not cover
    // is for engineers, folded away.
    h('details', { class: 'advanced' }, h('summary', {}, 'Advanced'),
      h('label', { class: 'wide' }, 'More parameters (JSON, SI units: radians, seconds) ', extra)));
  li.updateFields = () => {
    const k = [...$('rx-exercises').children].indexOf(li);
    const f = `protocol.exercises[${k}]`;
    modeSel.dataset.field = `${f}.mode`;
    li.querySelector('.x-joints-field').dataset.field = `${f}.joints`;
    reps.dataset.field = `${f}.repetitions`;
    assist.dataset.field = `${f}.assistance`;
    extra.dataset.field = `${f}.params`;
    li.querySelectorAll('[data-param]').forEach((inp) => { inp.dataset.field = `${f}.params.${PARAMS[inp.dataset.param].key}`; });
    li.dataset.field = f;
  };
  return li;
}

function openPrescription() {
  if (!document.body.classList.contains('can-edit')) return;
  const form = $('rx-form');
  form.reset();
  clearErrors(form);
  $('rx-status').textContent = '';
  $('rx-exercises').replaceChildren(exerciseItem('passive'));
  $('rx-exercises').firstChild.updateFields();
  form.hidden = false;
  $('rx-name').focus();
}

// readExercise reads one exercise of the form, refusing here, in the
// units typed and beside the field, what the API would refuse.
function readExercise(li) {
  const mode = li.querySelector('.x-mode').value;
  const params = {};
  const bad = (el, message) => { throw { field: el.dataset.field, status: 400, message }; };
  for (const inp of li.querySelectorAll('[data-param]')) {
    const p = PARAMS[inp.dataset.param];
    const v = num(inp);
    if (!Number.isFinite(v)) bad(inp, 'enter a number');
    if (v < p.min || v > p.max) bad(inp, `${inp.value.trim()} ${p.unit} is outside ${p.min}…${p.max} ${p.unit}`);
    params[p.key] = p.toAPI ? p.toAPI(v) : v;
  }
  const extra = li.querySelector('.x-extra').value.trim();
  if (extra) {
    let more;
    try { more = JSON.parse(extra); } catch { more = null; }
    if (!more || typeof more !== 'object' || Array.isArray(more)) {
      bad(li.querySelector('.x-extra'), 'not a JSON object such as {"peak_speed": 0.5}');
    }
    Object.assign(params, more);
  }
  const repsIn = li.querySelector('.x-reps');
  const assistIn = li.querySelector('.x-assist');
  const ex = {
    mode,
    joints: [...li.querySelectorAll('.x-joints input:checked')].map((c) => c.value),
    repetitions: num(repsIn),
    assistance: num(assistIn) / 100,
  };
  if (!Number.isInteger(ex.repetitions) || ex.repetitions < 1 || ex.repetitions > 1000) bad(repsIn, 'enter a whole number from 1 to 1000');
  if (!Number.isFinite(ex.assistance) || ex.assistance < 0 || ex.assistance > 1) bad(assistIn, 'enter a percentage from 0 to 100 %');
  if (!ex.joints.length) bad(li.querySelector('.x-joints-field'), 'tick at least one joint');
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
  state.notes = [];
  renderNotes();
  $('session').hidden = false;
  $('s-title').textContent = `Session ${s.protocol.name ? '“' + s.protocol.name + '”' : s.id}`;
  $('s-error').textContent = '';
  $('report').hidden = true;
  document.querySelectorAll('#sessions tbody tr').forEach((tr) => tr.classList.toggle('sel', tr.dataset.id === s.id));
  renderSession();
  if (isFinal(s.status)) {
    await loadNotes(s.id);
    await loadReport();
  } else poll();
}

// loadNotes fetches what the runner told the clinician about an ended
// session (GET /live keeps them for the sessions this server ran).
async function loadNotes(id) {
  try {
    const v = await api('GET', `/sessions/${encodeURIComponent(id)}/live?after=1e9`);
    if (state.session && state.session.id === id) { state.notes = v.notes || []; renderNotes(); }
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
  }
}

// renderNotes lists the runner's notes (a range shortened by a limit, a
// joint that stopped short and why, why the session ended early) with the
// time and exercise they concern.
function renderNotes() {
  const notes = state.notes || [];
  const exs = state.session ? state.session.protocol.exercises : [];
  $('s-notes').replaceChildren(...notes.map((n) => h('li', {},
    h('span', { class: 'hint' }, `${fmt(n.t, 0)} s${exs[n.exercise] ? ` · exercise ${n.exercise + 1} (${modeName(exs[n.exercise].mode)})` : ''}: `),
    inDegrees(n.text))));
  $('s-notes-box').hidden = notes.length === 0;
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
    const what = modeName(e.mode);
    now = `Exercise ${cur.exercise + 1} of ${exs.length}: ${what} — ` +
      (cur.repetition === 0 ? 'moving to the start position' : `repetition ${Math.min(cur.repetition, e.repetitions)} of ${e.repetitions}`);
  } else now = STATUS_WORDS[s.status];
  $('s-now').textContent = now;
  $('s-detail').textContent = `${Math.round(s.percent)} % of the repetitions done · ${fmt(cur.t || 0, 0)} s elapsed` +
    (s.status === 'running' || s.status === 'paused' ? '' : s.ended_at ? ` · ended ${new Date(s.ended_at).toLocaleTimeString()}` : '');
  // Why it ended early, in the runner's words (sessions.end_reason).
  const why = $('s-reason');
  why.hidden = !s.end_reason;
  why.replaceChildren(...(s.end_reason ? [h('strong', {}, 'Ended early: '), inDegrees(s.end_reason)] : []));
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
    $('s-error').textContent = inDegrees(err.message);
  }
}

// poll follows the session while it is not over: GET /live returns the
// session's status and progress with its recent motion since the last poll.
// pollGen retires a superseded loop: a start, pause or resume calls poll
// again while the previous loop may be waiting on its request (through the
// hub's relay that takes a round trip), and that loop must not go on.
let pollGen = 0;
function poll() {
  clearTimeout(pollTimer);
  const gen = ++pollGen;
  const id = state.session.id;
  const tick = async () => {
    if (gen !== pollGen || !state.session || state.session.id !== id) return;
    const after = state.live.length ? state.live[state.live.length - 1].t : -1;
    let v;
    try {
      v = await api('GET', `/sessions/${encodeURIComponent(id)}/live?after=${after}`);
    } catch (err) {
      if (!(err instanceof APIError)) throw err;
      if (gen !== pollGen) return;
      $('s-error').textContent = `lost contact: ${err.message}`;
      pollTimer = setTimeout(tick, 2000);
      return;
    }
    if (gen !== pollGen || !state.session || state.session.id !== id) return;
    state.polls++;
    const prev = state.session.status;
    state.session = v.session;
    state.latest = v.latest;
    if ((v.notes || []).length !== state.notes.length) { state.notes = v.notes || []; renderNotes(); }
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
  // R leaves room for the legend's anatomical names.
  const W = 900, H = 260, L = 46, R = 250, T = 10, B = 28;
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

// One line per metric: what it measures, its unit, its usual range and
// which way is better (the printable report says the same:
// rehab/report.Metrics). SPARC: Balasubramanian et al., IEEE TBME 2012
// and J NeuroEng Rehabil 2015 — about −1.5 for one smooth reach, towards
// −7 and below for a movement broken into sub-movements.
const METRICS = [
  ['Range of motion', 'the angle between the two extremes the joint reached, in degrees; healthy adults reach about 120° of hip flexion, 135° of knee flexion, 150° of elbow flexion (AAOS norms); compare with the prescribed range and earlier sessions — larger is better.'],
  ['Active / passive', 'range reached while the robot gave less than half of the motion (active) or at least half (passive); in a healthy joint they are equal — an active range more than about 10° short of the passive one points to weakness, a passive range short of the norms to stiffness; larger is better.'],
  ['Robot assistance', 'share of the motion the robot provided: 0 % the patient alone, 100 % fully passive; lower over sessions is better: more of the movement is the patient’s own.'],
  ['Movement time', 'how long one movement took (speed above 5 % of its peak), in seconds; a healthy repetition takes about the prescribed time per repetition, longer means the patient was slower — shorter for the same range is better.'],
  ['Peak speed', 'the fastest the joints moved in the repetition, in °/s; a smooth healthy movement peaks at about 1.9 × its average speed (minimum jerk), a much higher ratio means a halting movement; higher, within the patient’s speed limit, is better.'],
  ['Path-length ratio', 'path taken over the straight-line distance to the farthest posture: 1.0 is direct, higher means detours (healthy movements stay near 1.0–1.2); lower is better.'],
  ['Smoothness (SPARC)', 'movement smoothness, about −1.5 for one smooth movement down to −7 or lower for a halting, jerky one; closer to 0 is smoother.'],
  ['Interaction torque (patient ↔ robot)', 'torque between the patient’s limb and the robot, in N·m — not the motor’s torque; near 0 N·m when the patient relaxes into the robot (the limb’s weight and stiffness, a few N·m), high values mean the patient pushed against it (effort, spasticity) and may exceed the patient’s max robot torque, which limits only the robot; lower is better in passive and assisted exercises, higher is the aim in resistive ones.'],
];

// duration renders seconds as "45 s", "12 min 5 s" or "1 h 02 min".
function duration(sec) {
  if (!Number.isFinite(sec) || sec < 0) return '–';
  const n = Math.round(sec);
  if (n < 60) return `${n} s`;
  if (n < 3600) return `${Math.floor(n / 60)} min ${n % 60} s`;
  return `${Math.floor(n / 3600)} h ${String(Math.floor(n / 60) % 60).padStart(2, '0')} min`;
}

async function loadReport() {
  const s = state.session;
  const base = `/sessions/${encodeURIComponent(s.id)}`;
  const r = await api('GET', `${base}/report`);
  const started = r.started_at ? new Date(r.started_at) : null;
  const ended = r.ended_at ? new Date(r.ended_at) : null;
  const dur = started && ended ? (ended - started) / 1000 : r.duration_s;
  const fact = (k, v) => h('div', { class: 'fact' }, h('span', { class: 'k' }, k), h('span', { class: 'v', 'data-fact': k }, v));
  $('r-summary').replaceChildren(
    fact('Date', started ? started.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }) : '–'),
    fact('Start time', started ? started.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '–'),
    fact('Duration', duration(dur)),
    fact('Patient', r.patient_id),
    fact('Height', `${fmt(r.patient_height_m, 2)} m`),
    fact('Mass', `${fmt(r.patient_mass_kg, 1)} kg`),
    fact('Affected side', SIDE_WORDS[r.affected_side] || r.affected_side || '–'),
    fact('Therapist', r.therapist || 'not recorded'),
    fact('Repetitions', `${r.repetitions} done` + (r.mean_sparc !== null ? ` · mean smoothness (SPARC) ${fmt(r.mean_sparc, 2)}` : '')));
  const range = (a, b) => (a === null || a === undefined ? '–' : `${fmt(a, 0)}° to ${fmt(b, 0)}°`);
  $('r-joints').tBodies[0].replaceChildren(...(r.joints || []).map((j) => h('tr', {},
    h('td', {}, j.label || jointName(j.joint)), h('td', { class: 'rom' }, fmt(j.rom_deg, 1, '°')), h('td', {}, fmt(j.active_rom_deg, 1, '°')),
    h('td', {}, fmt(j.passive_rom_deg, 1, '°')), h('td', {}, range(j.limit_min_deg, j.limit_max_deg)),
    h('td', {}, fmt(j.peak_torque_nm, 1, ' N·m')), h('td', {}, fmt(j.mean_torque_nm, 1, ' N·m')))));
  const exName = (i) => `${i + 1}. ${r.exercises && r.exercises[i] ? r.exercises[i].label || modeName(r.exercises[i].mode) : ''}`;
  $('r-exercises').tBodies[0].replaceChildren(...(r.exercises || []).map((e) => h('tr', {},
    h('td', {}, exName(e.index)),
    h('td', {}, `${e.repetitions_done} of ${e.repetitions_prescribed}`),
    h('td', {}, `${Math.round(100 * e.assistance_nominal)} %`), h('td', {}, `${Math.round(100 * e.assistance_measured)} %`))));
  // One range-of-motion column per joint, headed by its name, so that a
  // row stays one line.
  const rj = r.joints || [];
  $('r-reps').tHead.rows[0].replaceChildren(h('th', {}, 'exercise'), h('th', {}, 'repetition'),
    ...rj.map((j) => h('th', {}, `range of motion, ${j.label || jointName(j.joint)}`)),
    ...['robot assistance', 'movement time', 'peak speed', 'path-length ratio', 'smoothness (SPARC)', 'peak interaction torque'].map((x) => h('th', {}, x)));
  $('r-reps').tBodies[0].replaceChildren(...(r.repetition_metrics || []).map((p) => h('tr', {},
    h('td', {}, exName(p.exercise)), h('td', {}, p.repetition),
    ...rj.map((_, k) => h('td', {}, p.joints[k] ? fmt(p.joints[k].rom_deg, 1, '°') : '–')),
    h('td', {}, `${Math.round(100 * p.assistance)} %`), h('td', {}, fmt(p.movement_time_s, 1, ' s')),
    h('td', {}, fmt(p.peak_speed_deg_s, 0, ' °/s')), h('td', {}, fmt(p.path_length_ratio, 2)),
    h('td', {}, fmt(p.sparc, 2)), h('td', {}, fmt(p.peak_torque_nm, 1, ' N·m')))));
  $('r-help').replaceChildren(...METRICS.map(([name, help]) => [h('dt', {}, name), h('dd', {}, help)]).flat());
  // The SVG is the server's own drawing, every text in it escaped; it is
  // fetched with the token (an <img> would not carry it) and parsed as an
  // SVG document, so nothing in it runs as the page's HTML.
  try {
    const res = await fetch(`${API}${base}/report.svg`, { headers: { Authorization: `Bearer ${token}` } });
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
    a.dataset.path = `${API}${path}`;
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
  // A new exercise is of the first kind not yet in the list.
  $('rx-add').addEventListener('click', () => {
    const used = new Set([...$('rx-exercises').querySelectorAll('.x-mode')].map((m) => m.value));
    const next = Object.keys(MODES).find((m) => !used.has(m)) || 'active-assisted';
    const li = exerciseItem(next);
    $('rx-exercises').append(li);
    li.updateFields();
  });
  $('rx-form').addEventListener('submit', createSession);
  for (const a of ['start', 'pause', 'resume', 'stop']) $(`s-${a}`).addEventListener('click', () => control(a));
  setCanEdit(false);
  if (!token) { setConn(false); state.ready = true; return; }
  try {
    // What this token may do, before anything is shown: a viewer (or an
    // operator) may not open patient records, so the page offers none of
    // its controls.
    state.me = await api('GET', '/me');
    if (!state.me.clinical) {
      setConn(true);
      $('conn').className = 'pill bad';
      document.body.classList.add('no-access');
      banner(`This link signs you in as ${state.me.role}: a ${state.me.role} may watch the robot's console but not open patient records ` +
        'or run sessions here. Ask for the clinician link.');
      state.ready = true;
      return;
    }
    setCanEdit(true);
    state.robot = await api('GET', '/robot');
    $('robot').textContent = (state.robot.robot ? `robot: ${state.robot.robot}` : 'robot: –') +
      (REMOTE ? ` · device ${decodeURIComponent(REMOTE[1])} through the hub` : '');
    if (!state.robot.sessions) banner('This server keeps records and reports only: no robot is attached to run sessions.');
    await loadPatients();
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    banner(inDegrees(err.message));
  }
  state.ready = true;
}
init();
