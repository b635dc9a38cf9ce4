// chiron console: a Foxglove WebSocket client (foxglove.websocket.v1) for
// the teleop server. It subscribes to one robot's telemetry, advertises the
// teleop topics and publishes on them exactly as Foxglove Studio would.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import URDFLoader from 'urdf-loader';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './app.css';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const token = params.get('token') || '';

// The client channels' schemas, as teleop/channels.go publishes them
// (CommandSchema, ControlSchema, EStopSchema).
const COMMAND_SCHEMA = '{"type":"object","title":"chiron.TeleopCommand","properties":{"seq":{"type":"integer","minimum":0},"deadman":{"type":"boolean"},"clutch":{"type":"boolean"},"frame":{"type":"string","enum":["tool","base"]},"linear":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"m/s"},"angular":{"type":"array","items":{"type":"number"},"minItems":3,"maxItems":3,"description":"rad/s"},"gripper":{"type":"number","minimum":0,"maximum":1}},"required":["seq","deadman"],"additionalProperties":false}';
const CONTROL_SCHEMA = '{"type":"object","title":"chiron.TeleopControl","properties":{"action":{"type":"string","enum":["take","release","scale","reset","enable"]},"scale":{"type":"number"}},"required":["action"],"additionalProperties":false}';
const ESTOP_SCHEMA = '{"type":"object","title":"chiron.EStop","properties":{"engage":{"type":"boolean"}},"required":["engage"],"additionalProperties":false}';
const TELEMETRY = ['/joint_states', '/tool_pose', '/safety', '/loop_stats', '/teleop/status', '/haptic_feedback'];
const COMMAND_HZ = 100;
const MASTER_LINEAR = 0.1; // m/s of "master" motion per key or full stick
const MASTER_ANGULAR = 1.0; // rad/s

// Everything the page knows, also exposed as window.chiron for tests and
// for whoever opens the developer tools.
const state = {
  connected: false, client: '', role: '', robots: [], prefixes: [], models: {},
  robot: null, prefix: '',
  joints: null, tool: null, safety: null, loop: null, status: null, haptic: null,
  // From /joint_states (a sensor_msgs/msg/JointState), by joint name: a
  // joint whose reading is not finite is left out of the message's arrays,
  // as a ROS JointState carrying a subset of the joints does, so the arrays
  // are never read by index into the robot's joint list; "lost" are the
  // model's joints the message does not carry.
  q: {}, lost: [], jointOrder: [], pose: [],
  telemetryCount: 0, lastTelemetry: 0,
  deadman: false, clutch: false, keys: new Set(), gamepad: null,
  seq: 0, sent: 0, log: [], errors: [],
  // The last Reset or Enable this page asked for: {action, at, before}
  // (before: the /safety event lines at the press).
  request: null,
};
window.chiron = state;
window.addEventListener('error', (e) => state.errors.push(String(e.message || e)));
window.addEventListener('unhandledrejection', (e) => state.errors.push(String(e.reason)));

// ---------------------------------------------------------------------------
// Foxglove WebSocket client

let ws = null;
let channels = new Map(); // server channel id → {topic, ...}
let subs = new Map(); // subscription id → topic suffix
let nextSub = 1;
let clientChannels = {}; // topic → client channel id
let reconnectDelay = 500;

function connect() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
  ws = new WebSocket(url, ['foxglove.websocket.v1']);
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => {
    state.connected = true;
    reconnectDelay = 500;
    setConn('connected', true);
  };
  ws.onclose = (ev) => {
    state.connected = false;
    state.deadman = false;
    channels = new Map(); subs = new Map(); clientChannels = {};
    setConn(ev.code === 1006 && !token ? 'no token: open the URL printed by chiron (…/?token=…)' : `disconnected (${ev.code}${ev.reason ? ': ' + ev.reason : ''}); retrying`, false);
    setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 5000);
  };
  ws.onmessage = (ev) => {
    if (typeof ev.data === 'string') onJSON(JSON.parse(ev.data));
    else onBinary(new DataView(ev.data));
  };
}

function send(obj) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj));
}

const enc = new TextEncoder();
const dec = new TextDecoder();

// publish sends a client message: opcode 0x01, channel id (u32 LE), payload.
function publish(suffix, obj) {
  const id = clientChannels[state.prefix + suffix];
  if (id === undefined || !ws || ws.readyState !== WebSocket.OPEN) return false;
  const payload = enc.encode(JSON.stringify(obj));
  const buf = new Uint8Array(5 + payload.length);
  const dv = new DataView(buf.buffer);
  dv.setUint8(0, 0x01);
  dv.setUint32(1, id, true);
  buf.set(payload, 5);
  ws.send(buf);
  return true;
}

function onJSON(m) {
  switch (m.op) {
    case 'serverInfo': {
      const md = m.metadata || {};
      state.client = md.client || '';
      state.role = md.role || '';
      state.robots = (md.robots || '').split(',').filter(Boolean);
      state.prefixes = (md.prefixes || '').split(',');
      $('whoami').textContent = `${state.client} (${state.role})`;
      fillRobots();
      advertiseClientChannels();
      updateButtons();
      break;
    }
    case 'advertise':
      for (const c of m.channels) channels.set(c.id, c);
      resubscribe();
      break;
    case 'unadvertise':
      for (const id of m.channelIds) channels.delete(id);
      break;
    case 'status':
      addLog(m.level, m.message);
      break;
  }
}

function onBinary(dv) {
  const op = dv.getUint8(0);
  if (op === 0x02) return; // time (simulation): the page uses arrival time
  if (op !== 0x01) return;
  const sub = dv.getUint32(1, true);
  const topic = subs.get(sub);
  if (!topic) return;
  const msg = JSON.parse(dec.decode(new Uint8Array(dv.buffer, dv.byteOffset + 13)));
  state.telemetryCount++;
  state.lastTelemetry = performance.now();
  receive(topic, msg);
}

// receive takes one telemetry message of the selected robot (topic without
// the robot's prefix). Also window.chiron.receive, with window.chiron.render
// to redraw the panel at once: a test, or someone replaying a recording in
// the developer tools, can show a message without a server. It only changes
// what the page shows.
function receive(topic, msg) {
  switch (topic) {
    case '/joint_states': state.joints = msg; onJoints(msg); break;
    case '/tool_pose': state.tool = msg; break;
    case '/safety': state.safety = msg; break;
    case '/loop_stats': state.loop = msg; break;
    case '/teleop/status': state.status = msg; break;
    case '/haptic_feedback': state.haptic = msg; break;
  }
}
state.receive = receive;

function advertiseClientChannels() {
  const chans = [];
  let id = 1;
  state.prefixes.forEach((p) => {
    for (const [suffix, name, schema] of [
      ['/teleop/command', 'chiron.TeleopCommand', COMMAND_SCHEMA],
      ['/teleop/control', 'chiron.TeleopControl', CONTROL_SCHEMA],
      ['/teleop/estop', 'chiron.EStop', ESTOP_SCHEMA],
    ]) {
      clientChannels[p + suffix] = id;
      chans.push({ id: id++, topic: p + suffix, encoding: 'json', schemaName: name, schema, schemaEncoding: 'jsonschema' });
    }
  });
  send({ op: 'advertise', channels: chans });
}

// resubscribe subscribes to the selected robot's telemetry only.
function resubscribe() {
  if (subs.size) send({ op: 'unsubscribe', subscriptionIds: [...subs.keys()] });
  subs = new Map();
  const want = [];
  for (const [cid, c] of channels) {
    for (const t of TELEMETRY) {
      if (c.topic === state.prefix + t) {
        const sid = nextSub++;
        subs.set(sid, t);
        want.push({ id: sid, channelId: cid });
      }
    }
  }
  if (want.length) send({ op: 'subscribe', subscriptions: want });
}

// ---------------------------------------------------------------------------
// Robot selection and model

function fillRobots() {
  const sel = $('robot');
  const keep = state.robot;
  sel.innerHTML = '';
  state.robots.forEach((name, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = name + (state.prefixes[i] ? ` (${state.prefixes[i]})` : '');
    sel.appendChild(o);
  });
  let idx = Math.max(0, state.robots.indexOf(keep));
  const asked = params.get('robot');
  if (!keep && asked && state.robots.includes(asked)) idx = state.robots.indexOf(asked);
  sel.value = String(idx);
  selectRobot(idx);
}

function selectRobot(i) {
  state.robot = state.robots[i];
  state.prefix = state.prefixes[i] || '';
  state.joints = state.tool = state.safety = state.loop = state.status = state.haptic = null;
  state.q = {}; state.lost = []; state.jointOrder = []; state.pose = [];
  state.deadman = false;
  state.request = null;
  resetPlot();
  buildJointTable([]);
  resubscribe();
  showModel();
}

$('robot').addEventListener('change', (e) => selectRobot(Number(e.target.value)));

async function loadModels() {
  try {
    // /model needs the same token as the telemetry it describes.
    const r = await fetch('model', { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const j = await r.json();
    for (const m of j.robots) state.models[m.name] = m;
    showModel();
  } catch (err) {
    $('view-msg').textContent = `model unavailable: ${err}`;
  }
}

// ---------------------------------------------------------------------------
// 3D view: URDF visuals through urdf-loader, else cylinders between the
// joint frames computed here from the chain (forward kinematics).

let renderer = null, scene, camera, controls, robotGroup = null, view3d = null;

function init3D() {
  const host = $('view');
  try {
    renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  } catch (err) {
    $('view-msg').textContent = '3D view unavailable: this browser has no WebGL';
    return;
  }
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 1.5));
  host.appendChild(renderer.domElement);
  scene = new THREE.Scene();
  scene.background = new THREE.Color(0x151b22);
  camera = new THREE.PerspectiveCamera(45, 1, 0.01, 20);
  camera.up.set(0, 0, 1); // robot base frames are z-up
  camera.position.set(0.9, -0.9, 0.7);
  controls = new OrbitControls(camera, renderer.domElement);
  controls.target.set(0, 0, 0);
  controls.addEventListener('change', () => { dirty = true; });
  scene.add(new THREE.HemisphereLight(0xffffff, 0x334455, 1.2));
  const sun = new THREE.DirectionalLight(0xffffff, 1.5);
  sun.position.set(1, -1, 2);
  scene.add(sun);
  const grid = new THREE.GridHelper(2, 20, 0x44505e, 0x2a323c);
  grid.rotation.x = Math.PI / 2;
  scene.add(grid);
  scene.add(new THREE.AxesHelper(0.15));
  const resize = () => {
    const w = host.clientWidth, h = host.clientHeight;
    renderer.setSize(w, h, false);
    renderer.domElement.style.width = w + 'px';
    renderer.domElement.style.height = h + 'px';
    camera.aspect = w / Math.max(h, 1);
    camera.updateProjectionMatrix();
    dirty = true;
  };
  new ResizeObserver(resize).observe(host);
  resize();
}

const linkMat = new THREE.MeshStandardMaterial({ color: 0x9fb4c8, metalness: 0.3, roughness: 0.5 });
const jointMat = new THREE.MeshStandardMaterial({ color: 0xe0a030 });
const tipMat = new THREE.MeshStandardMaterial({ color: 0x2fb56b });
const rcmMat = new THREE.MeshStandardMaterial({ color: 0xe0463c, transparent: true, opacity: 0.6 });

function mat4(a) {
  const m = new THREE.Matrix4();
  m.set(...a);
  return m;
}

function showModel() {
  if (!renderer) return;
  if (robotGroup) scene.remove(robotGroup);
  robotGroup = new THREE.Group();
  scene.add(robotGroup);
  view3d = null;
  lastQ = '';
  dirty = true;
  const m = state.models[state.robot];
  if (!m) return;
  const reach = m.joints.reduce((s, j) => s + new THREE.Vector3(j.origin[3], j.origin[7], j.origin[11]).length(), 0) +
    new THREE.Vector3(m.tip[3], m.tip[7], m.tip[11]).length() + (m.min_insertion ? 0.35 : 0);
  const r = Math.max(reach, 0.3);
  camera.position.set(1.4 * r, -1.4 * r, 0.9 * r);
  controls.target.set(0, 0, m.min_insertion ? -0.1 : 0);
  controls.update();
  $('view-msg').textContent = `${m.name}${m.min_insertion ? ' — mechanical RCM (red), min insertion ' + (m.min_insertion * 1000).toFixed(0) + ' mm' : ''}`;

  if (m.urdf) {
    // urdf-loader builds the link/joint tree and poses it; links without
    // visual geometry (or with meshes, which are not served) get primitive
    // shapes: a cylinder from each link's origin to each child joint, a
    // sphere at every joint, and one at every leaf link (the tool).
    const loader = new URDFLoader();
    loader.loadMeshCb = (path, manager, done) => done(null, new Error(`mesh ${path} is not served`));
    try {
      const urdf = loader.parse(m.urdf);
      const radius = Math.max(0.006, 0.012 * r / 0.6);
      const parents = new Set();
      for (const j of Object.values(urdf.joints)) {
        const link = j.parent;
        parents.add(link);
        const c = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, 1, 16), linkMat);
        placeCylinder(c, new THREE.Vector3(), j.position.clone());
        link.add(c);
        const s = new THREE.Mesh(new THREE.SphereGeometry(radius * 1.6, 16, 12), j.jointType === 'fixed' ? linkMat : jointMat);
        s.position.copy(j.position);
        link.add(s);
      }
      for (const l of Object.values(urdf.links)) {
        if (!parents.has(l)) l.add(new THREE.Mesh(new THREE.SphereGeometry(radius * 1.3, 16, 12), tipMat));
      }
      robotGroup.add(urdf);
      view3d = { kind: 'urdf', urdf, model: m };
      poseModel(initialPose(m));
      return;
    } catch (err) {
      addLog(1, `urdf-loader: ${err}; drawing the chain instead`);
    }
  }
  // Skeleton: one joint marker and one cylinder per link.
  const n = m.joints.length;
  const radius = Math.max(0.004, 0.012 * r / 0.6);
  const links = [], markers = [];
  for (let i = 0; i <= n; i++) {
    const c = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, 1, 16), linkMat);
    robotGroup.add(c);
    links.push(c);
  }
  for (let i = 0; i < n; i++) {
    const s = new THREE.Mesh(new THREE.SphereGeometry(radius * 1.6, 16, 12), jointMat);
    robotGroup.add(s);
    markers.push(s);
  }
  const tip = new THREE.Mesh(new THREE.SphereGeometry(radius * 1.3, 16, 12), tipMat);
  robotGroup.add(tip);
  if (m.min_insertion) {
    const rcm = new THREE.Mesh(new THREE.SphereGeometry(radius * 2.2, 20, 16), rcmMat);
    robotGroup.add(rcm);
  }
  view3d = { kind: 'chain', model: m, links, markers, tip, origins: m.joints.map((j) => mat4(j.origin)), tipM: mat4(m.tip) };
  poseModel(initialPose(m));
}

// initialPose is the pose a freshly drawn model takes: the joints' last
// readings, else mid-range.
function initialPose(m) {
  return m.joints.map((j) => (j.name in state.q ? state.q[j.name] : Math.max(j.lower, Math.min(j.upper, (j.lower + j.upper) / 2))));
}

const Y = new THREE.Vector3(0, 1, 0);

function placeCylinder(c, a, b) {
  const d = new THREE.Vector3().subVectors(b, a);
  const len = d.length();
  c.visible = len > 1e-4;
  if (!c.visible) return;
  c.position.copy(a).addScaledVector(d, 0.5);
  c.scale.set(1, len, 1);
  c.quaternion.setFromUnitVectors(Y, d.normalize());
}

// poseModel poses the model at q, in the model's joint order (finite values
// only: see modelPose).
let lastQ = '';
function poseModel(q) {
  state.pose = q;
  if (!view3d) return;
  const key = q.map((v) => v.toFixed(5)).join(',');
  if (key === lastQ) return;
  lastQ = key;
  dirty = true;
  const m = view3d.model;
  if (view3d.kind === 'urdf') {
    m.joints.forEach((j, i) => view3d.urdf.setJointValue(j.name, q[i]));
    return;
  }
  let T = new THREE.Matrix4();
  const pts = [new THREE.Vector3()];
  const motion = new THREE.Matrix4();
  m.joints.forEach((j, i) => {
    T = T.clone().multiply(view3d.origins[i]);
    pts.push(new THREE.Vector3().setFromMatrixPosition(T));
    view3d.markers[i].position.copy(pts[pts.length - 1]);
    const ax = new THREE.Vector3(...j.axis);
    if (j.type === 'prismatic') motion.makeTranslation(ax.x * q[i], ax.y * q[i], ax.z * q[i]);
    else motion.makeRotationAxis(ax.normalize(), q[i]);
    T = T.clone().multiply(motion);
  });
  T = T.clone().multiply(view3d.tipM);
  pts.push(new THREE.Vector3().setFromMatrixPosition(T));
  view3d.tip.position.copy(pts[pts.length - 1]);
  // Link k joins the origin of joint k−1's frame (or the base) with joint k's
  // (or the tip). Coincident frames (modified DH) give hidden, empty links.
  for (let k = 0; k < view3d.links.length; k++) placeCylinder(view3d.links[k], pts[k], pts[k + 1]);
}

// Render on demand (new pose, camera moved, resize): a software WebGL
// renderer on a busy control machine must not burn a core at 60 fps.
let dirty = true, lastRender = 0;
function render(now) {
  requestAnimationFrame(render);
  if (renderer && dirty && !(now - lastRender < 33)) { // ≤ 30 fps
    dirty = false;
    lastRender = now;
    renderer.render(scene, camera);
  }
}

// ---------------------------------------------------------------------------
// Joint plot (uPlot): positions over the last 10 s.

const PLOT_SECONDS = 10;
let plot = null, plotData = null, plotNames = [];

function resetPlot() {
  if (plot) { plot.destroy(); plot = null; }
  plotData = null;
  plotNames = [];
}

function ensurePlot(names) {
  if (plot && names.join(',') === plotNames.join(',')) return;
  resetPlot();
  plotNames = names;
  plotData = [[], ...names.map(() => [])];
  const colors = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8', '#fff176', '#90a4ae', '#f06292'];
  const host = $('plots');
  plot = new uPlot({
    width: host.clientWidth - 16, height: 220,
    scales: { x: { time: false } },
    axes: [{ stroke: '#8b95a3', label: 's' }, { stroke: '#8b95a3', label: 'rad / m' }],
    series: [{}, ...names.map((n, i) => ({ label: n, stroke: colors[i % colors.length], width: 1.5, points: { show: false } }))],
    legend: { live: false },
  }, plotData, host);
  new ResizeObserver(() => plot && plot.setSize({ width: host.clientWidth - 16, height: 220 })).observe(host);
}

// onJoints maps a /joint_states message by joint name. The plot has one
// series per joint of the robot (jointNames) and a gap where a joint was
// lost.
const t0 = performance.now();
function onJoints(msg) {
  const names = Array.isArray(msg.name) ? msg.name : [];
  const pos = Array.isArray(msg.position) ? msg.position : [];
  // Servers before the sensor_msgs/msg/JointState shape named lost joints
  // in "lost"; now a joint of the model that the message leaves out is lost.
  const lost = new Set(Array.isArray(msg.lost) ? msg.lost.filter((n) => typeof n === 'string') : []);
  const m = state.models[state.robot];
  if (m) for (const j of m.joints) if (!names.includes(j.name)) lost.add(j.name);
  const q = {};
  names.forEach((n, i) => {
    if (typeof n !== 'string') return;
    const p = pos[i];
    // A server older than the "lost" list sent null for such a joint.
    if (typeof p === 'number' && Number.isFinite(p)) q[n] = p;
    else lost.add(n);
  });
  for (const n of lost) delete q[n];
  state.q = q;
  state.lost = [...lost];
  for (const n of [...Object.keys(q), ...lost]) if (!state.jointOrder.includes(n)) state.jointOrder.push(n);
  const order = jointNames();
  ensurePlot(order);
  const t = (performance.now() - t0) / 1000;
  plotData[0].push(t);
  order.forEach((n, i) => plotData[i + 1].push(n in q ? q[n] : null));
  while (plotData[0].length && plotData[0][0] < t - PLOT_SECONDS) plotData.forEach((s) => s.shift());
}

// jointNames lists the selected robot's joints: the model's, in loop order,
// then any other name telemetry carried.
function jointNames() {
  const m = state.models[state.robot];
  const names = m ? m.joints.map((j) => j.name) : [];
  for (const n of state.jointOrder) if (!names.includes(n)) names.push(n);
  return names;
}

// modelPose is the pose to draw, in the model's joint order: a joint's
// reading, or where it was drawn last while its reading is lost.
function modelPose(m) {
  return m.joints.map((j, i) => (j.name in state.q ? state.q[j.name] : state.pose.length === m.joints.length ? state.pose[i] : initialPose(m)[i]));
}

// ---------------------------------------------------------------------------
// Panel

const SAFETY_WORDS = {
  enabled: ['Ready — drives enabled', 'ok'],
  enabling: ['Enabling drives…', 'warn'],
  disabled: ['Drives off', 'warn'],
  protective_stop: ['Protective stop — arm held in place', 'warn'],
  estop: ['EMERGENCY STOP — drives off', 'bad'],
  fault: ['Fault — drives off, reset needed', 'bad'],
};
// fix formats a number with d decimals, or "—" for anything that is not a
// finite number: the page never shows "NaN".
function fix(v, d) {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—';
}

// safetyHint says what an operator can do about the state s (nothing for a
// role that may not operate). Releasing the e-stop resets nothing: the
// supervisor stays in Fault until the operator in control asks it to Reset,
// then to Enable, and it decides on each request.
function safetyHint(s) {
  if (!canOperate()) return '';
  const take = inControl() ? '' : 'take control, ';
  switch (s.state) {
    case 'estop':
      return `To recover: release the e-stop (RELEASE E-STOP), ${take}press Reset, then Enable; the arm then holds where it is.`;
    case 'fault':
      return `Once the cause is fixed and the e-stop released: ${take}press Reset, then Enable.`;
    case 'protective_stop':
      return `Release the deadman and press it again to resume once the cause is gone, or ${take}press Reset, then Enable.`;
    case 'disabled':
      return `${take ? 'Take control and press' : 'Press'} Enable: the drives then hold the arm where it is.`;
  }
  return '';
}

// refusalHint reports a refusal, by the supervisor, of the last Reset or
// Enable this page asked for. Enable is refused while a joint still moves
// (the PSM's insertion joint can sag while the drives are off): the
// operator waits for the arm to settle and presses Enable again.
function refusalHint(s) {
  const r = state.request;
  if (!r) return '';
  // A refusal like the previous one updates that event's count ("×2"), so
  // any event line not there at the press is new.
  const refused = (s.events || []).some((e) => !r.before.has(e) && e.includes(`request refused: ${r.action} requested`));
  if (!refused) return '';
  return r.action === 'enable' ?
    'The supervisor refused Enable (a joint still moving, or a cause still present: see events); press Enable again once the arm is still.' :
    'The supervisor refused Reset: the cause is still present (see events).';
}

// buildJointTable makes one row per joint name; rows[i] holds its cells.
let rows = [];
function buildJointTable(names) {
  const tb = $('joints').querySelector('tbody');
  tb.innerHTML = '';
  tableNames = names.join(',');
  rows = names.map((n, i) => {
    const tr = document.createElement('tr');
    tr.dataset.joint = n;
    const name = document.createElement('td');
    name.textContent = n;
    const value = document.createElement('td');
    value.id = `joint-${i}`;
    value.textContent = '–';
    const bar = document.createElement('td');
    bar.className = 'bar';
    bar.innerHTML = `<div><span id="jbar-${i}"></span></div>`;
    tr.append(name, value, bar);
    tb.appendChild(tr);
    return { tr, value, mark: bar.querySelector('span') };
  });
}

let tableNames = '';
function updatePanel() {
  const s = state.safety;
  if (s) {
    // A request that worked needs no more words.
    const r = state.request;
    if (r && (s.state === 'enabled' || s.state === 'enabling' || (r.action === 'reset' && s.state === 'disabled'))) state.request = null;
    const [words, cls] = SAFETY_WORDS[s.state] || [s.state, 'warn'];
    $('safety-state').textContent = words;
    $('safety-reason').textContent = [s.reason, refusalHint(s), safetyHint(s)].filter(Boolean).join(' — ');
    $('safety').className = 'safety ' + cls;
    $('estop').classList.toggle('engaged', s.state === 'estop');
    $('estop').textContent = s.state === 'estop' ? 'RELEASE E-STOP' : 'E-STOP';
    const ev = $('events');
    const text = (s.events || []).slice(-12).reverse();
    if (ev.dataset.v !== text.join('\n')) {
      ev.dataset.v = text.join('\n');
      ev.innerHTML = '';
      for (const e of text) { const li = document.createElement('li'); li.textContent = e; ev.appendChild(li); }
    }
  }
  if (state.joints) {
    const names = jointNames();
    if (tableNames !== names.join(',')) buildJointTable(names);
    const m = state.models[state.robot];
    const lost = new Set(state.lost);
    names.forEach((n, i) => {
      const row = rows[i];
      const mj = m && m.joints.find((x) => x.name === n);
      const p = state.q[n];
      const has = typeof p === 'number';
      row.tr.classList.toggle('lost', lost.has(n));
      row.value.textContent = lost.has(n) ? 'lost' : !has ? '–' :
        mj && mj.type === 'prismatic' ? `${fix(p * 1000, 1)} mm` : `${fix(p * 180 / Math.PI, 2)}°`;
      row.value.title = lost.has(n) ? 'reading not finite: left out of /joint_states' : '';
      // The marker stays where it was while the reading is lost.
      row.mark.hidden = !mj;
      if (has && mj && mj.upper > mj.lower) {
        // Clamped: a joint beyond a limit (one sagging with the drives off)
        // shows at the end of its bar, not outside the panel.
        const f = Math.max(0, Math.min(1, (p - mj.lower) / (mj.upper - mj.lower)));
        row.mark.style.left = `calc(${(100 * f).toFixed(1)}% - 2px)`;
      }
    });
    if (m) poseModel(modelPose(m));
  }
  if (state.tool) {
    // /tool_pose is a foxglove.PoseInFrame, published only while the pose
    // is finite: with a joint lost the last one is stale, so it is not
    // shown. (Older servers sent {valid, position: [x, y, z]}.)
    const t = state.tool;
    const pp = t.pose && t.pose.position;
    const p = pp ? [pp.x, pp.y, pp.z] : t.position;
    const ok = t.valid !== false && state.lost.length === 0 && Array.isArray(p) && p.length === 3 &&
      p.every((v) => typeof v === 'number' && Number.isFinite(v));
    $('tool').textContent = ok ? `x ${fix(p[0] * 1000, 1)}  y ${fix(p[1] * 1000, 1)}  z ${fix(p[2] * 1000, 1)} mm` : '— (pose invalid: a joint reading is lost)';
    $('tool').classList.toggle('invalid', !ok);
  }
  if (state.loop) {
    $('wake').textContent = fix(state.loop.wake_p99_us, 0);
    $('compute').textContent = fix(state.loop.compute_p99_us, 0);
    $('overruns').textContent = fix(state.loop.overruns, 0);
  }
  const st = state.status;
  if (st) {
    $('latency').textContent = fix(st.latency_ms, 1);
    $('operator').textContent = st.operator || 'nobody';
    $('engaged').textContent = st.engaged ? 'moving (engaged)' : st.clutch ? 'clutched' : 'holding';
    if (Number.isFinite(st.scale) && Math.abs(Number($('scale').value) - st.scale) > 1e-6 && document.activeElement !== $('scale')) {
      $('scale').value = st.scale;
      $('scale-value').textContent = st.scale.toFixed(2);
    }
  }
  if (state.haptic) {
    const h = state.haptic;
    $('haptic').textContent = h.valid === false ? 'haptic cue invalid (tool pose not finite)' :
      h.penetration_m > 0 ? `workspace wall: ${fix(h.penetration_m * 1000, 1)} mm in` :
        h.nearest_joint ? `nearest joint limit: ${h.nearest_joint}` : '';
  }
  if (state.connected && performance.now() - state.lastTelemetry > 1000) setConn('connected — no telemetry', false);
  else if (state.connected) setConn('live', true);
  updateButtons();
  if (plot && plotData) plot.setData(plotData);
}
state.render = updatePanel;

function inControl() {
  return !!(state.status && state.client && state.status.operator === state.client);
}

function canOperate() {
  return state.role === 'operator' || state.role === 'admin';
}

// A Reset or Enable button is shown when the state calls for it (Reset in
// Fault or a protective stop, Enable with the drives off) to a role that
// may operate, and can be pressed by the client in control only: the
// server refuses the request from anyone else. After a press it waits
// REQUEST_WAIT_MS for the supervisor, so a double click is one request.
const REQUEST_WAIT_MS = 800;
function updateButtons() {
  const mine = inControl();
  $('take').disabled = !canOperate() || mine || !state.connected;
  $('release').disabled = !mine;
  $('deadman').disabled = !mine;
  $('clutch').disabled = !mine;
  $('scale').disabled = !mine;
  $('deadman').classList.toggle('held', state.deadman && mine);
  $('clutch').classList.toggle('held', state.clutch && mine);
  const s = state.safety ? state.safety.state : '';
  const r = state.request;
  for (const [id, wanted] of [['reset', s === 'fault' || s === 'protective_stop'], ['enable', s === 'disabled']]) {
    const b = $(id);
    b.hidden = !(wanted && canOperate() && state.connected);
    b.disabled = !mine || !!(r && r.action === id && performance.now() - r.at < REQUEST_WAIT_MS);
    b.title = mine ? b.dataset.title : 'Take control first: only the operator in control may ' + id;
  }
  $('recover').hidden = $('reset').hidden && $('enable').hidden;
}

function setConn(text, ok) {
  const c = $('conn');
  c.textContent = text;
  c.className = 'pill ' + (ok ? 'ok' : 'bad');
}

function addLog(level, text) {
  state.log.push({ level, text });
  if (state.log.length > 50) state.log.shift();
  const ul = $('log');
  const li = document.createElement('li');
  li.className = level >= 2 ? 'err' : level === 1 ? 'warn' : '';
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  ul.prepend(li);
  while (ul.children.length > 30) ul.lastChild.remove();
}

// ---------------------------------------------------------------------------
// Operator input: deadman (Space or held button), clutch (C or held button),
// keyboard WASD/QE, gamepad; commands at COMMAND_HZ while in control.

$('take').addEventListener('click', () => publish('/teleop/control', { action: 'take' }));
// Reset and Enable ask the safety supervisor; its answer is /safety.
for (const action of ['reset', 'enable']) {
  $(action).addEventListener('click', () => {
    if (!inControl()) return;
    state.deadman = false;
    state.request = { action, at: performance.now(), before: new Set((state.safety && state.safety.events) || []) };
    publish('/teleop/control', { action });
    updateButtons();
  });
}
$('release').addEventListener('click', () => { state.deadman = false; publish('/teleop/control', { action: 'release' }); });
$('estop').addEventListener('click', () => {
  const engaged = state.safety && state.safety.state === 'estop';
  state.deadman = false;
  publish('/teleop/estop', { engage: !engaged });
});
$('scale').addEventListener('input', (e) => { $('scale-value').textContent = Number(e.target.value).toFixed(2); });
$('scale').addEventListener('change', (e) => publish('/teleop/control', { action: 'scale', scale: Number(e.target.value) }));

function holdButton(el, set) {
  el.addEventListener('pointerdown', (e) => { el.setPointerCapture(e.pointerId); set(true); });
  for (const ev of ['pointerup', 'pointercancel', 'lostpointercapture']) el.addEventListener(ev, () => set(false));
}
holdButton($('deadman'), (v) => { state.deadman = v; });
holdButton($('clutch'), (v) => { state.clutch = v; });

const MOTION_KEYS = new Set(['KeyW', 'KeyA', 'KeyS', 'KeyD', 'KeyQ', 'KeyE']);
window.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
  if (e.code === 'Escape') { state.deadman = false; publish('/teleop/estop', { engage: true }); return; }
  if (e.code === 'Space') { state.deadman = true; e.preventDefault(); return; }
  if (e.code === 'KeyC') { state.clutch = true; return; }
  if (MOTION_KEYS.has(e.code)) { state.keys.add(e.code); e.preventDefault(); }
});
window.addEventListener('keyup', (e) => {
  if (e.code === 'Space') { state.deadman = false; e.preventDefault(); return; }
  if (e.code === 'KeyC') { state.clutch = false; return; }
  state.keys.delete(e.code);
});
// Losing focus must never leave the deadman held.
const releaseAll = () => { state.deadman = false; state.clutch = false; state.keys.clear(); };
window.addEventListener('blur', releaseAll);
document.addEventListener('visibilitychange', () => { if (document.hidden) releaseAll(); });

function keyAxis(pos, neg) {
  return (state.keys.has(pos) ? 1 : 0) - (state.keys.has(neg) ? 1 : 0);
}

const dz = (v) => (Math.abs(v) < 0.12 ? 0 : v);
function readGamepad() {
  const pads = navigator.getGamepads ? navigator.getGamepads() : [];
  const gp = [...pads].find((p) => p && p.connected);
  state.gamepad = gp ? gp.id : null;
  if (!gp) return null;
  const b = (i) => !!(gp.buttons[i] && gp.buttons[i].pressed);
  return {
    // Standard mapping: right trigger (7) deadman, left bumper (4) clutch,
    // left stick x/y, right stick y for z, right stick x for yaw.
    deadman: b(7), clutch: b(4),
    linear: [dz(gp.axes[0] || 0), -dz(gp.axes[1] || 0), -dz(gp.axes[3] || 0)],
    angular: [0, 0, -dz(gp.axes[2] || 0)],
  };
}

function sendCommand() {
  if (!inControl()) return;
  const gp = readGamepad();
  const linear = [keyAxis('KeyD', 'KeyA'), keyAxis('KeyW', 'KeyS'), keyAxis('KeyQ', 'KeyE')].map((v) => v * MASTER_LINEAR);
  let angular = [0, 0, 0];
  let deadman = state.deadman, clutch = state.clutch;
  if (gp) {
    for (let i = 0; i < 3; i++) linear[i] += gp.linear[i] * MASTER_LINEAR;
    angular = gp.angular.map((v) => v * MASTER_ANGULAR);
    deadman = deadman || gp.deadman;
    clutch = clutch || gp.clutch;
  }
  state.seq++;
  if (publish('/teleop/command', { seq: state.seq, deadman, clutch, frame: $('frame').value, linear, angular })) state.sent++;
}

// ---------------------------------------------------------------------------

init3D();
render();
loadModels();
connect();
setInterval(sendCommand, 1000 / COMMAND_HZ);
setInterval(updatePanel, 50);
