#!/usr/bin/env python3
"""sdkcheck: do the official client libraries talk correctly to `chiron firmware-sim`?

A manual conformance tool. For each protocol it starts `chiron firmware-sim`
itself (on the Panda and on chiron's PSM), drives it with the vendor's or the
community's reference library, and prints one line per numbered step:

    PASS|FAIL <model> <protocol> NN <step name>: <detail>

then `<protocol>: N/M steps passed` (both models together); exit 1 if any
step failed.

    dynamixel  ROBOTIS DynamixelSDK (python, Protocol 2.0)
    canopen    canopen 2.4.1 (CiA 301 / CiA 402 BaseNode402) on python-can 4.6.1 slcan
    mit        CubeMars / MIT mini-cheetah raw frames on python-can 4.6.1 slcan,
               run with --mit-reply 8 and --mit-reply 6

The libraries are not chiron's and are not in the repository: fetch them with
tools/sdkcheck/fetch-libs.sh (default /tmp/sdkcheck-libs) and run with
Debian's /usr/bin/python3 (see README.md).

Nothing here copies chiron's codecs: the Dynamixel and CANopen bytes are the
libraries', the MIT frames are packed and decoded from the MIT mini-cheetah /
CubeMars AK-series manual layout below.
"""

import argparse
import math
import os
import queue
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def _setup_path(libs):
    """Put the pinned library sources first on sys.path."""
    for sub in ("dynamixel/python/src", "canopen", "python-can"):
        p = os.path.join(libs, sub)
        if not os.path.isdir(p):
            sys.exit(f"sdkcheck: {p} missing: run tools/sdkcheck/fetch-libs.sh {libs}")
        sys.path.insert(0, p)


def lib_refs(libs):
    out = {}
    for name in ("dynamixel", "python-can", "canopen"):
        try:
            with open(os.path.join(libs, name, "REF")) as f:
                out[name] = f.read().strip()
        except OSError:
            out[name] = "?"
    return out


# ---------------------------------------------------------------- models

def _shared_robots():
    for d in (os.environ.get("SDKCHECK_SHARED_ROBOTS"),
              os.path.join(os.path.dirname(REPO), "shared", "robots"),
              "/work/shared/robots"):
        if d and os.path.isdir(d):
            return d
    return "/work/shared/robots"


class Joint:
    def __init__(self, name, kind, lo, hi):
        self.name, self.kind, self.lo, self.hi = name, kind, lo, hi

    @property
    def prismatic(self):
        return self.kind == "prismatic"

    def toward_middle(self, q, step):
        """q moved by |step| toward the middle of the range."""
        mid = 0.5 * (self.lo + self.hi)
        return q + (step if q <= mid else -step)


def urdf_chain(path, base, tip):
    root = ET.parse(path).getroot()
    by_child = {}
    for j in root.findall("joint"):
        by_child[j.find("child").get("link")] = j
    chain, link = [], tip
    while link != base:
        j = by_child[link]
        if j.get("type") in ("revolute", "prismatic", "continuous"):
            lim = j.find("limit")
            lo = float(lim.get("lower", -math.pi)) if lim is not None else -math.pi
            hi = float(lim.get("upper", math.pi)) if lim is not None else math.pi
            if j.get("type") == "continuous":
                lo, hi = -math.pi, math.pi
            chain.append(Joint(j.get("name"), j.get("type"), lo, hi))
        link = j.find("parent").get("link")
    return list(reversed(chain))


def dh_chain(path):
    import json
    with open(path) as f:
        d = json.load(f)
    return [Joint(j["name"], j["type"], j["min"], j["max"]) for j in d["joints"]]


def models():
    sr = _shared_robots()
    panda = os.path.join(sr, "panda", "panda.urdf")
    psm = os.path.join(REPO, "robots", "psm.json")
    return {
        "panda": {"args": ["--model", panda, "--base", "panda_link0", "--tip", "panda_link8"],
                  "joints": urdf_chain(panda, "panda_link0", "panda_link8")},
        "psm": {"args": ["--model", psm], "joints": dh_chain(psm)},
    }


# ---------------------------------------------------------------- the simulator

class Sim:
    """`chiron firmware-sim` as a child process."""

    def __init__(self, chiron, model_args, protocol, extra=()):
        self.cmd = [chiron, "firmware-sim", *model_args, "--protocol", protocol, *extra]
        self.p = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, bufsize=1)
        self.lines = queue.Queue()
        self.log = []
        self.path = self.watchdog = None
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 20
        while self.path is None or (protocol == "cubemars" and self.watchdog is None):
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                self.stop()
                raise RuntimeError(f"firmware-sim not ready: {' '.join(self.cmd)}: {self.log}")
            if line is None:
                raise RuntimeError(f"firmware-sim exited: {' '.join(self.cmd)}: {self.log}")
            if line.startswith("ready "):
                self.path = line.split()[1]
            elif line.startswith("watchdog /"):
                self.watchdog = line.split()[1]

    def _read(self):
        for line in self.p.stdout:
            line = line.rstrip("\n")
            self.log.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(5)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()


class WatchdogFeeder:
    """Keeps firmware-sim's Safe Torque Off relay closed: toggles the trigger pin
    (D7) of its StandardFirmata board every 20 ms (relay timeout 100 ms).
    Firmata: SET_PIN_MODE 0xF4 pin mode(1=OUTPUT); DIGITAL_MESSAGE 0x90|port, lsb7, msb7."""

    def __init__(self, path, pin=7):
        import serial
        self.s = serial.Serial(path, 57600, timeout=0)
        self.pin = pin
        self.s.write(bytes([0xF4, pin, 0x01]))
        self.stopped = threading.Event()
        self.t = threading.Thread(target=self._run, daemon=True)
        self.t.start()

    def _run(self):
        level = 0
        port, bit = divmod(self.pin, 8)
        while not self.stopped.wait(0.02):
            level ^= 1
            v = level << bit
            try:
                self.s.write(bytes([0x90 | port, v & 0x7F, (v >> 7) & 0x7F]))
                self.s.reset_input_buffer()  # the board's pin reports
            except Exception:
                return

    def stop(self):
        self.stopped.set()
        self.t.join()
        self.s.close()


# ---------------------------------------------------------------- step bookkeeping

class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


class Report:
    def __init__(self):
        self.results = []  # (protocol, model, ok)

    def run(self, protocol, model, n, name, fn, *a):
        t0 = time.monotonic()
        try:
            detail = fn(*a)
            ok = True
        except Fail as e:
            ok, detail = False, str(e)
        except Exception as e:  # a library error is a failed step, not a crash
            ok, detail = False, f"{type(e).__name__}: {e}"
            if os.environ.get("SDKCHECK_DEBUG"):
                traceback.print_exc()
        dt = time.monotonic() - t0
        print(f"{'PASS' if ok else 'FAIL'} {model} {protocol} {n:02d} {name}: {detail} [{dt:.2f}s]",
              flush=True)
        self.results.append((protocol, model, ok))
        return ok

    def summary(self, protocol):
        r = [x for x in self.results if x[0] == protocol]
        per = {}
        for _, m, ok in r:
            a = per.setdefault(m, [0, 0])
            a[0] += ok
            a[1] += 1
        parts = ", ".join(f"{m} {a[0]}/{a[1]}" for m, a in per.items())
        print(f"{protocol}: {sum(x[2] for x in r)}/{len(r)} steps passed ({parts})", flush=True)

    def failed(self):
        return any(not x[2] for x in self.results)


def run_steps(report, protocol, model, steps):
    for i, (name, fn) in enumerate(steps, 1):
        report.run(protocol, model, i, name, fn)


# ================================================================ Dynamixel

def dynamixel_check(report, chiron, mname, m):
    import dynamixel_sdk as dx

    # e-Manual X-series control table (XM430-W350) addresses
    MODEL, FW, ID, OPMODE, MAXPOS = 0, 6, 7, 11, 48
    TORQUE, LED, REGISTERED, HWERR = 64, 65, 69, 70
    VEL_I, VEL_P, POS_D, POS_I, POS_P = 76, 78, 80, 82, 84
    PROF_VEL, GOAL_POS, MOVING, PRES_POS = 112, 116, 122, 132
    joints = m["joints"]
    n = len(joints)
    ids = list(range(1, n + 1))
    sim = Sim(chiron, m["args"], "dynamixel")
    port = dx.PortHandler(sim.path)
    ph = dx.PacketHandler(2.0)
    check(port.openPort() and port.setBaudRate(57600), "cannot open the pty")
    res = ph.getTxRxResult
    err = ph.getRxPacketError

    def ok(r, what):
        data = r[:-2] if len(r) == 3 else None
        comm, e = r[-2], r[-1]
        check(comm == dx.COMM_SUCCESS, f"{what}: {res(comm)}")
        check(e == 0, f"{what}: status error {e:#x} {err(e)}")
        return r[0] if data else None

    def rd(i, addr, size):
        f = {1: ph.read1ByteTxRx, 2: ph.read2ByteTxRx, 4: ph.read4ByteTxRx}[size]
        return ok(f(port, i, addr), f"read id {i} @{addr}")

    def wr(i, addr, size, v):
        f = {1: ph.write1ByteTxRx, 2: ph.write2ByteTxRx, 4: ph.write4ByteTxRx}[size]
        ok(f(port, i, addr, v & (1 << 8 * size) - 1), f"write id {i} @{addr}={v}")

    def s32(v):
        return v - (1 << 32) if v & 0x80000000 else v

    def le(v, size):
        return list((v & (1 << 8 * size) - 1).to_bytes(size, "little"))

    def ping():
        got = {}
        for i in ids:
            model, comm, e = ph.ping(port, i)
            check(comm == dx.COMM_SUCCESS and e == 0, f"id {i}: {res(comm)} {err(e)}")
            got[i] = model
        check(len(set(got.values())) == 1, f"model numbers {got}")
        return f"ids 1..{n} answer, model number {got[1]}"

    def bping():
        data, comm = ph.broadcastPing(port)
        check(comm == dx.COMM_SUCCESS, res(comm))
        check(sorted(data) == ids, f"answered {sorted(data)}, want {ids}")
        return f"{len(data)} servos: " + ", ".join(f"{k}:{v[0]}/fw{v[1]}" for k, v in sorted(data.items()))

    def ident():
        out = []
        for i in ids:
            model, _, _ = ph.ping(port, i)
            m0, fw, id_ = rd(i, MODEL, 2), rd(i, FW, 1), rd(i, ID, 1)
            check(m0 == model, f"id {i}: model number {m0}, ping said {model}")
            check(id_ == i, f"id {i}: ID item {id_}")
            out.append(fw)
        check(len(set(out)) == 1, f"firmware versions {out}")
        return f"model {m0}, firmware version {out[0]}, ID item = ID on all {n}"

    def rw_items(items):
        done = []
        for addr, size, val in items:
            for i in ids:
                old = rd(i, addr, size)
                wr(i, addr, size, val)
                back = rd(i, addr, size)
                back = s32(back) if size == 4 else back
                check(back == val, f"id {i} @{addr}: wrote {val} read {back}")
                wr(i, addr, size, old)
                check(rd(i, addr, size) == old, f"id {i} @{addr}: restore {old}")
            done.append(f"@{addr}={val}")
        return "write, read back, restore on all ids: " + " ".join(done)

    def rw4():
        # Profile Velocity, and Goal Position (torque off: stored, no motion)
        items = [(PROF_VEL, 4, 77)]
        s = rw_items(items)
        for i in ids:
            p = s32(rd(i, PRES_POS, 4))
            g = max(0, min(4095, p + 10))
            wr(i, GOAL_POS, 4, g)
            check(s32(rd(i, GOAL_POS, 4)) == g, f"id {i}: goal {g}")
        return s + f" Goal Position(116) 4-byte write/read on all ids"

    def regwrite_action():
        i = ids[0]
        check(rd(i, LED, 1) == 0, "LED not off to start")
        ok(("", *ph.regWriteTxRx(port, i, LED, 1, [1])), "reg write")
        reg, led = rd(i, REGISTERED, 1), rd(i, LED, 1)
        check(reg == 1 and led == 0, f"after reg write: Registered {reg}, LED {led} (want 1, 0)")
        comm = ph.action(port, dx.BROADCAST_ID)
        check(comm == dx.COMM_SUCCESS, f"action: {res(comm)}")
        time.sleep(0.02)
        reg, led = rd(i, REGISTERED, 1), rd(i, LED, 1)
        check(reg == 0 and led == 1, f"after action: Registered {reg}, LED {led} (want 0, 1)")
        wr(i, LED, 1, 0)
        return f"id {i}: reg write LED=1 held (Registered Instruction 69 = 1), broadcast action applied it"

    def sync():
        gw = dx.GroupSyncWrite(port, ph, PROF_VEL, 8)  # Profile Velocity + Goal Position
        want = {}
        for i in ids:
            p = s32(rd(i, PRES_POS, 4))
            want[i] = (40 + i, max(0, min(4095, p)))
            check(gw.addParam(i, le(want[i][0], 4) + le(want[i][1], 4)), "addParam")
        comm = gw.txPacket()
        check(comm == dx.COMM_SUCCESS, f"sync write: {res(comm)}")
        gr = dx.GroupSyncRead(port, ph, PROF_VEL, PRES_POS + 4 - PROF_VEL)
        for i in ids:
            gr.addParam(i)
        comm = gr.txRxPacket()
        check(comm == dx.COMM_SUCCESS, f"sync read: {res(comm)}")
        for i in ids:
            check(gr.isAvailable(i, PRES_POS, 4), f"id {i}: present position not available")
            pv, gp = gr.getData(i, PROF_VEL, 4), s32(gr.getData(i, GOAL_POS, 4))
            check((pv, gp) == want[i], f"id {i}: sync read {pv},{gp} want {want[i]}")
            pp = s32(gr.getData(i, PRES_POS, 4))
            pp2 = s32(rd(i, PRES_POS, 4))
            check(abs(pp - pp2) < 400, f"id {i}: sync read present {pp}, read {pp2}")
        return f"sync write 112..119 to {n} ids, sync read 112..135 (24 B) matches; present positions " + \
            ",".join(str(s32(gr.getData(i, PRES_POS, 4))) for i in ids)

    def indirect():
        # The SDK's own indirect_address example for the X series: Indirect
        # Address 1-5 (168..) -> Goal Position 116..119 and LED 65, written
        # with GroupSyncWrite at Indirect Data 1 (224, 5 B); Indirect
        # Address 6-10 (178..) -> Present Position 132..135 and Moving 122,
        # read with GroupSyncRead at Indirect Data 6 (229, 5 B).
        IND_ADDR_W, IND_ADDR_R, IND_DATA_W, IND_DATA_R = 168, 178, 224, 229
        for i in ids:
            for k, a in enumerate([GOAL_POS, GOAL_POS + 1, GOAL_POS + 2, GOAL_POS + 3, LED]):
                wr(i, IND_ADDR_W + 2 * k, 2, a)
            for k, a in enumerate([PRES_POS, PRES_POS + 1, PRES_POS + 2, PRES_POS + 3, MOVING]):
                wr(i, IND_ADDR_R + 2 * k, 2, a)
        gw = dx.GroupSyncWrite(port, ph, IND_DATA_W, 5)
        want = {}
        for i in ids:
            g = s32(rd(i, GOAL_POS, 4))
            want[i] = g + 7 if g < 2048 else g - 7  # inside the position limits
            check(gw.addParam(i, le(want[i], 4) + [1]), "addParam")
        comm = gw.txPacket()
        check(comm == dx.COMM_SUCCESS, f"sync write: {res(comm)}")
        for i in ids:
            g, led = s32(rd(i, GOAL_POS, 4)), rd(i, LED, 1)
            check((g, led) == (want[i], 1), f"id {i}: Goal Position {g}, LED {led} after the indirect write of {want[i]}, 1")
        gr = dx.GroupSyncRead(port, ph, IND_DATA_R, 5)
        for i in ids:
            gr.addParam(i)
        comm = gr.txRxPacket()
        check(comm == dx.COMM_SUCCESS, f"sync read: {res(comm)}")
        for i in ids:
            check(gr.isAvailable(i, IND_DATA_R, 4), f"id {i}: indirect present position not available")
            pp, pp2 = s32(gr.getData(i, IND_DATA_R, 4)), s32(rd(i, PRES_POS, 4))
            # an unpowered joint may be falling between the two reads (as in sync())
            check(abs(pp - pp2) < 400, f"id {i}: indirect present position {pp}, direct {pp2}")
            wr(i, LED, 1, 0)
            wr(i, IND_ADDR_W, 2, IND_DATA_W)  # Indirect Address 1 back to its power-on value
        return f"Goal Position + LED through Indirect Data 1-5 by GroupSyncWrite, Present Position + Moving through 6-10 by GroupSyncRead on {n} ids"

    def bulk():
        gw = dx.GroupBulkWrite(port, ph)
        plan = {}
        for k, i in enumerate(ids):
            addr, size, val = [(LED, 1, 1), (POS_P, 2, 850 + i), (PROF_VEL, 4, 90 + i)][k % 3]
            plan[i] = (addr, size, val)
            check(gw.addParam(i, addr, size, le(val, size)), "addParam")
        comm = gw.txPacket()
        check(comm == dx.COMM_SUCCESS, f"bulk write: {res(comm)}")
        gr = dx.GroupBulkRead(port, ph)
        for i in ids:
            addr, size, _ = plan[i]
            check(gr.addParam(i, addr, size), "addParam")
        comm = gr.txRxPacket()
        check(comm == dx.COMM_SUCCESS, f"bulk read: {res(comm)}")
        for i in ids:
            addr, size, val = plan[i]
            check(gr.isAvailable(i, addr, size), f"id {i}: not available")
            got = gr.getData(i, addr, size)
            check(got == val, f"id {i} @{addr}: bulk read {got}, wrote {val}")
        # restore defaults
        for i in ids:
            addr, size, _ = plan[i]
            wr(i, addr, size, {LED: 0, POS_P: 800, PROF_VEL: 0}[addr])
        return "bulk write/read of mixed items (LED 1 B, Position P 2 B, Profile Velocity 4 B) on " + \
            f"{n} ids match"

    def fast_sync():
        check(hasattr(dx.GroupSyncRead, "fastSyncRead"), "SDK has no fastSyncRead")
        gr = dx.GroupSyncRead(port, ph, GOAL_POS, 20)  # Goal Position..Present Position
        for i in ids:
            gr.addParam(i)
        comm = gr.fastSyncRead()
        check(comm == dx.COMM_SUCCESS, f"fast sync read: {res(comm)}")
        for i in ids:
            gp = s32(gr.getData(i, GOAL_POS, 4))
            gp2 = s32(rd(i, GOAL_POS, 4))
            check(gp == gp2, f"id {i}: fast sync goal {gp}, read {gp2}")
            pp, pp2 = s32(gr.getData(i, PRES_POS, 4)), s32(rd(i, PRES_POS, 4))
            check(abs(pp - pp2) < 400, f"id {i}: fast sync present {pp}, read {pp2}")
        return f"0x8A over {n} ids, Goal..Present Position (20 B each) match single reads"

    def fast_bulk():
        # DynamixelSDK 4.0.5's fastBulkReadRx finds each ID's length with
        # param.index(id) on the flat [id, addr_l, addr_h, len_l, len_h, ...]
        # list, so an ID equal to an earlier address or length byte is
        # mis-parsed (see fast_bulk_raw). This plan keeps every address and
        # length byte outside 2..N: LED (65, 1 B), gains block 80..87 (8 B),
        # Goal..Present Position 116..135 (20 B).
        check(hasattr(dx.GroupBulkRead, "fastBulkRead"), "SDK has no fastBulkRead")
        gr = dx.GroupBulkRead(port, ph)
        plan = {}
        for k, i in enumerate(ids):
            plan[i] = [(LED, 1), (POS_D, 8), (GOAL_POS, 20)][k % 3]
            gr.addParam(i, *plan[i])
        comm = gr.fastBulkRead()
        check(comm == dx.COMM_SUCCESS, f"fast bulk read: {res(comm)}")
        for i in ids:
            addr, size = plan[i]
            for a, sz in {LED: [(LED, 1)], POS_D: [(POS_D, 2), (POS_I, 2), (POS_P, 2)],
                          GOAL_POS: [(GOAL_POS, 4)]}[addr]:
                check(gr.isAvailable(i, a, sz), f"id {i} @{a}: not available")
                got, want = gr.getData(i, a, sz), rd(i, a, sz)
                check(got == want, f"id {i} @{a}: fast bulk {got}, read {want}")
        return f"0x9A over {n} ids, LED / Position D..P gains block / Goal..Present Position match single reads"

    def fast_bulk_raw():
        # The same instruction with 1/2/4-byte items (ID, Position P Gain,
        # Goal Position), the reply framed by hand per the e-Manual: one
        # status packet from 0xFE, per device ERR ID DATA CRC, each block's
        # CRC over the packet so far, the last one the packet's own.
        plan = {}
        param = []
        for k, i in enumerate(ids):
            plan[i] = [(ID, 1), (POS_P, 2), (GOAL_POS, 4)][k % 3]
            a, sz = plan[i]
            param += [i, a & 0xFF, a >> 8, sz & 0xFF, sz >> 8]
        comm = ph.bulkReadTx(port, param, len(param), True)
        check(comm == dx.COMM_SUCCESS, f"tx: {res(comm)}")
        rx, comm = ph.rxPacket(port, True)
        check(comm == dx.COMM_SUCCESS, f"rx: {res(comm)}")
        raw = bytes(rx)
        check(raw[4] == 0xFE and raw[7] == 0x55, f"not a status packet from 0xFE: {raw[:8].hex(' ')}")
        idx = 8
        for i in ids:
            a, sz = plan[i]
            e, id_ = raw[idx], raw[idx + 1]
            check(id_ == i and e == 0, f"block {i}: id {id_} err {e}: {raw.hex(' ')}")
            data = int.from_bytes(raw[idx + 2: idx + 2 + sz], "little")
            check(data == rd(i, a, sz), f"id {i} @{a}: {data}")
            end = idx + 2 + sz
            crc = raw[end] | raw[end + 1] << 8
            check(crc == ph.updateCRC(0, list(raw), end), f"id {i}: block CRC {crc:#06x}")
            idx = end + 2
        check(idx == len(raw), f"{len(raw) - idx} trailing bytes")
        # what the SDK's parser makes of this (correct) packet
        class _P:  # replays the packet
            def __init__(s, b): s.b = list(b)
            def readPort(s, k): out, s.b = s.b[:k], s.b[k:]; return out
            def isPacketTimeout(s): return True
        parsed, _ = ph.fastBulkReadRx(_P(raw), param)
        wrong = sorted(i for i in ids if len(parsed.get(i, [])) != plan[i][1])
        note = (f"; SDK fastBulkReadRx on this packet mis-parses ids {wrong} (param.index aliasing)"
                if wrong else "; SDK parser agrees")
        return f"{len(raw)} B status packet, {n} blocks ERR ID DATA CRC, block CRCs = CRC of packet so far" + note

    tip = ids[-1]
    state = {}

    def motion():
        i = tip
        j = joints[i - 1]
        check(rd(i, OPMODE, 1) == 3, "operating mode is not position (3)")
        p0 = s32(rd(i, PRES_POS, 4))
        wr(i, GOAL_POS, 4, p0)
        wr(i, TORQUE, 1, 1)
        # 4096 counts/rev centred at 2048 for q = 0 (prismatic: 10 mm per rad of shaft)
        lead = 0.01 if j.prismatic else 1.0
        q0 = (p0 - 2048) * 2 * math.pi / 4096 * lead
        goal = p0 + (150 if j.toward_middle(q0, 0.1 * lead) > q0 else -150)
        wr(i, GOAL_POS, 4, goal)
        t0 = time.monotonic()
        trace = []
        while time.monotonic() - t0 < 5:
            p = s32(rd(i, PRES_POS, 4))
            trace.append(p)
            if abs(p - goal) <= 3 and rd(i, MOVING, 1) == 0:
                break
            time.sleep(0.02)
        else:
            raise Fail(f"id {i}: goal {goal} from {p0}, present {trace[-5:]}")
        state["goal"] = goal
        return f"id {i} (tip): torque on, goal {p0}→{goal}, present {p} after {time.monotonic() - t0:.2f}s, Moving 0"

    def clear():
        i = tip
        check(hasattr(ph, "clearMultiTurn"), "SDK has no clearMultiTurn")
        comm, e = ph.clearMultiTurn(port, i)
        check(comm == dx.COMM_SUCCESS, res(comm))
        check(e == 0, f"status error {e:#x} {err(e)}")
        p = s32(rd(i, PRES_POS, 4))
        check(0 <= p < 4096, f"present position {p} after clear")
        g = s32(rd(i, GOAL_POS, 4))
        return f"id {i} holding: Clear (0x10 01 'DXL\"') → no error, present {p}, goal {g} (one turn)"

    def reboot():
        i = tip
        wr(i, LED, 1, 1)
        comm, e = ph.reboot(port, i)
        check(comm == dx.COMM_SUCCESS and e == 0, f"reboot: {res(comm)} {err(e)}")
        t0 = time.monotonic()
        while True:
            model, comm, e = ph.ping(port, i)
            if comm == dx.COMM_SUCCESS:
                break
            check(time.monotonic() - t0 < 3, "no ping after reboot")
        tq, led = rd(i, TORQUE, 1), rd(i, LED, 1)
        check(tq == 0 and led == 0, f"after reboot Torque Enable {tq}, LED {led}: RAM not reset")
        return f"id {i}: status ok, pings after {time.monotonic() - t0:.2f}s, RAM reset (torque 0, LED 0)"

    def no_such_id():
        bad = n + 1
        t0 = time.monotonic()
        v, comm, e = ph.read4ByteTxRx(port, bad, PRES_POS)
        check(comm == dx.COMM_RX_TIMEOUT, f"id {bad}: {res(comm)} (want COMM_RX_TIMEOUT)")
        _, comm2, _ = ph.ping(port, bad)
        check(comm2 == dx.COMM_RX_TIMEOUT, f"ping id {bad}: {res(comm2)}")
        return f"read/ping id {bad}: {res(comm)} after {time.monotonic() - t0:.3f}s"

    def status_error(what, r, want):
        comm, e = r[-2], r[-1]
        check(comm == dx.COMM_SUCCESS, f"{what}: {res(comm)}")
        check(e & 0x7F == want, f"{what}: status error {e:#x} ({err(e)}), want {want:#x}")
        return f"{what}: error {e:#x} ({err(e)})"

    def goal_range():
        i = ids[0]
        mx = rd(i, MAXPOS, 4)
        before = rd(i, GOAL_POS, 4)
        s = status_error(f"id {i} Goal Position {mx + 100} > Max Position Limit {mx}",
                         ph.write4ByteTxRx(port, i, GOAL_POS, mx + 100), 6)
        check(rd(i, GOAL_POS, 4) == before, "refused write changed the goal")
        return s + ", goal unchanged"

    def readonly():
        i = ids[0]
        a = status_error(f"id {i} write Present Position(132)",
                         ph.write4ByteTxRx(port, i, PRES_POS, 0), 7)
        b = status_error(f"write Model Number(0)", ph.write2ByteTxRx(port, i, MODEL, 1), 7)
        return a + "; " + b

    def data_range():
        return status_error(f"id {ids[0]} LED(65)=2 (range 0–1)",
                            ph.write1ByteTxRx(port, ids[0], LED, 2), 4)

    def data_length():
        return status_error(f"id {ids[0]} 2 of Goal Position's 4 bytes",
                            ph.writeTxRx(port, ids[0], GOAL_POS, 2, [0, 8]), 5)

    def bad_instruction():
        i = ids[0]
        tx = [0] * 10
        tx[dx.PKT_ID], tx[dx.PKT_LENGTH_L], tx[dx.PKT_LENGTH_H], tx[dx.PKT_INSTRUCTION] = i, 3, 0, 0x7E
        rx, comm, e = ph.txRxPacket(port, tx)
        return status_error(f"id {i} instruction 0x7E", (comm, e), 2)

    def eeprom_locked():
        i = ids[1] if n > 1 else ids[0]
        wr(i, TORQUE, 1, 1)
        try:
            s = status_error(f"id {i} torque on, write Operating Mode(11)",
                             ph.write1ByteTxRx(port, i, OPMODE, 3), 7)
        finally:
            wr(i, TORQUE, 1, 0)
        return s

    def factory_reset():
        # 0x02: reset all but ID and baud rate. Harmless here: the last step,
        # one servo, the simulator is discarded afterwards.
        i = tip
        wr(i, TORQUE, 1, 0)
        wr(i, POS_P, 2, 1234)
        wr(i, 10, 1, 1)  # Drive Mode (EEPROM): reverse
        comm, e = ph.factoryReset(port, i, 0x02)
        check(comm == dx.COMM_SUCCESS and e == 0, f"factory reset: {res(comm)} {err(e)}")
        t0 = time.monotonic()
        while ph.ping(port, i)[1] != dx.COMM_SUCCESS:
            check(time.monotonic() - t0 < 3, "no ping after factory reset")
        pp, dm, id_ = rd(i, POS_P, 2), rd(i, 10, 1), rd(i, ID, 1)
        check(pp == 800 and dm == 0 and id_ == i, f"after reset: P {pp}, Drive Mode {dm}, ID {id_}")
        return f"id {i} option 0x02: Position P Gain 1234→800, Drive Mode 1→0, ID {id_} kept"

    steps = [
        ("ping every ID (model number)", ping),
        ("broadcast ping", bping),
        ("read Model Number(0) / Firmware Version(6) / ID(7)", ident),
        ("1-byte items Torque Enable(64), LED(65): write, read back",
         lambda: rw_items([(TORQUE, 1, 1), (TORQUE, 1, 0), (LED, 1, 1)])),
        ("2-byte gains Position P/I/D(84/82/80), Velocity P/I(78/76): write, read back",
         lambda: rw_items([(POS_P, 2, 900), (POS_I, 2, 100), (POS_D, 2, 50), (VEL_P, 2, 120),
                           (VEL_I, 2, 2000)])),
        ("4-byte items Profile Velocity(112), Goal Position(116): write, read back", rw4),
        ("reg write + action", regwrite_action),
        ("GroupSyncWrite goals + GroupSyncRead present positions", sync),
        ("GroupBulkWrite + GroupBulkRead mixed items", bulk),
        ("indirect address (the SDK's indirect_address example)", indirect),
        ("GroupSyncRead.fastSyncRead (Fast Sync Read 0x8A)", fast_sync),
        ("GroupBulkRead.fastBulkRead (Fast Bulk Read 0x9A)", fast_bulk),
        ("Fast Bulk Read 0x9A with 1/2/4-byte items: reply framing per e-Manual", fast_bulk_raw),
        ("motion: torque on, goal 150 counts away, poll Present Position", motion),
        ("clearMultiTurn (Clear 0x10)", clear),
        ("reboot", reboot),
        ("error: non-existent ID times out", no_such_id),
        ("error: goal beyond Max Position Limit → Data Limit Error (6)", goal_range),
        ("error: write read-only item → Access Error (7)", readonly),
        ("error: value outside item range → Data Range Error (4)", data_range),
        ("error: partial item write → Data Length Error (5)", data_length),
        ("error: unknown instruction → Instruction Error (2)", bad_instruction),
        ("error: EEPROM write with torque on → Access Error (7)", eeprom_locked),
        ("factory reset 0x02 (except ID, baud)", factory_reset),
    ]
    try:
        run_steps(report, "dynamixel", mname, steps)
    finally:
        port.closePort()
        sim.stop()


# ================================================================ CANopen

def canopen_check(report, chiron, mname, m):
    import logging
    import can
    import canopen
    from canopen.sdo.exceptions import SdoAbortedError

    # canopen warns (stderr) when the op mode is not PDO-mapped and when it
    # aborts the SDO the stopped node does not answer: both expected here.
    logging.getLogger("canopen").setLevel(logging.ERROR)

    joints = m["joints"]
    n = len(joints)
    nodes_ids = list(range(1, n + 1))
    edsdir = tempfile.mkdtemp(prefix="sdkcheck-eds-")
    ctx = {}

    def cpr(j):  # counts per rad (per m for a prismatic joint): 17-bit encoder, 1 µm
        return 1e6 if j.prismatic else 2 ** 17 / (2 * math.pi)

    def eds():
        out = subprocess.run([chiron, "firmware-sim", *m["args"], "--protocol", "canopen",
                              "--eds", edsdir], capture_output=True, text=True, timeout=30)
        check(out.returncode == 0, out.stderr.strip())
        files = sorted(os.listdir(edsdir))
        check(files == sorted(f"joint-{i}.eds" for i in nodes_ids), f"files {files}")
        counts = []
        for i in nodes_ids:
            od = canopen.import_od(os.path.join(edsdir, f"joint-{i}.eds"), i)
            counts.append(len(list(od.keys())) // 2)  # keys: index and name
        return f"{n} EDS files, canopen.import_od: {counts[0]} objects each"

    sim = Sim(chiron, m["args"], "canopen")
    bus = can.Bus(interface="slcan", channel=sim.path, bitrate=1000000, sleep_after_open=0)
    net = canopen.Network(bus)
    net.connect()
    nodes = {}
    boot = {}

    def on_boot(cid, data, ts):
        if len(data) == 1 and data[0] == 0:
            boot.setdefault(cid - 0x700, []).append(ts)

    for i in nodes_ids:
        net.subscribe(0x700 + i, on_boot)

    def add_nodes():
        for i in nodes_ids:
            nd = canopen.BaseNode402(i, os.path.join(edsdir, f"joint-{i}.eds"))
            net.add_node(nd)
            nodes[i] = nd
        return f"{n} BaseNode402 on slcan {sim.path} at 1 Mbit/s"

    def wait_boot(since, what):
        t0 = time.monotonic()
        while time.monotonic() - t0 < 2:
            got = [i for i in nodes_ids if any(t >= since for t in boot.get(i, []))]
            if len(got) == n:
                return got
            time.sleep(0.01)
        raise Fail(f"{what}: boot-up from {got} only")

    def nmt_reset(cmd):
        def f():
            since = time.time() - 0.001
            net.nmt.state = cmd  # broadcast NMT
            wait_boot(since, cmd)
            for i in nodes_ids:
                check(nodes[i].sdo[0x1000].raw is not None, "")
            return f"broadcast {cmd}: boot-up (0x700+id, 00) from nodes 1..{n}"
        return f

    def heartbeat():
        for i in nodes_ids:
            nodes[i].sdo[0x1017].raw = 50
        states = []
        for i in nodes_ids:
            states.append(nodes[i].nmt.wait_for_heartbeat(timeout=1))
        check(all(s == "PRE-OPERATIONAL" for s in states), f"states {states}")
        t0 = time.monotonic()
        nodes[1].nmt.wait_for_heartbeat(1)
        nodes[1].nmt.wait_for_heartbeat(1)
        per = time.monotonic() - t0
        return f"0x1017=50 ms on all nodes, heartbeats say PRE-OPERATIONAL, period ≈{per / 2 * 1000:.0f} ms"

    def nmt_states():
        seen = []
        for cmd in ("OPERATIONAL", "STOPPED", "PRE-OPERATIONAL"):
            for i in nodes_ids:
                nodes[i].nmt.state = cmd
            time.sleep(0.12)
            for i in nodes_ids:
                s = nodes[i].nmt.wait_for_heartbeat(1)
                check(s == cmd, f"node {i}: NMT {cmd}, heartbeat says {s}")
            seen.append(cmd)
        return "NMT start/stop/enter pre-op per node, heartbeat state follows: " + " → ".join(seen)

    def sdo_reads():
        out = []
        for i in nodes_ids:
            nd = nodes[i]
            dt = nd.sdo[0x1000].raw
            check(dt == 0x00020192, f"node {i}: 0x1000 = {dt:#x}")
            check(dt == nd.object_dictionary[0x1000].default, "0x1000 differs from EDS")
            ident = [nd.sdo[0x1018][s].raw for s in range(1, 5)]
            for s in (1, 2, 3):
                want = nd.object_dictionary[0x1018][s].default
                check(ident[s - 1] == want, f"node {i}: 0x1018:{s} {ident[s - 1]:#x}, EDS {want:#x}")
            sw, md = nd.sdo[0x6041].raw, nd.sdo[0x6061].raw
            pos, vel = nd.sdo[0x6064].raw, nd.sdo[0x606C].raw
            check(sw & 0x4F == 0x40, f"node {i}: statusword {sw:#06x} not Switch on disabled")
            out.append((i, sw, md, pos, vel))
        i, sw, md, pos, vel = out[0]
        return (f"0x1000=0x00020192, 0x1018 = EDS (vendor {ident[0]:#x}, product {ident[1]:#x}, rev "
                f"{ident[2]:#x}, serial {ident[3]:#x}); 0x6041/6061/6064/606C node 1: {sw:#06x}/{md}/{pos}/{vel}")

    def modes():
        out = []
        for i in nodes_ids:
            nd = nodes[i]
            nd.sdo[0x6060].raw = 8
            check(nd.sdo[0x6061].raw == 8, f"node {i}: 0x6061 after 0x6060=8")
        sup = nodes[1].sdo[0x6502].raw
        out.append(f"0x6060=8 (CSP) → 0x6061=8 on all; 0x6502={sup:#x}")
        if sup & 1:
            nodes[1].sdo[0x6060].raw = 1
            check(nodes[1].sdo[0x6061].raw == 1, "PP not displayed")
            nodes[1].sdo[0x6060].raw = 8
            out.append("PP (1) accepted")
        else:
            try:
                nodes[1].sdo[0x6060].raw = 1
                raise Fail("0x6060=1 (PP, not in 0x6502) accepted")
            except SdoAbortedError as e:
                check(e.code == 0x06090030, f"abort {e.code:#010x}, want 0x06090030")
            check(nodes[1].sdo[0x6061].raw == 8, "mode changed by refused write")
            out.append("PP not supported: 0x6060=1 aborted 0x06090030 (value range)")
        return "; ".join(out)

    def controlword_sdo():
        for i in nodes_ids:
            nd = nodes[i]
            nd.sdo[0x6040].raw = 0x06  # shutdown
            sw = nd.sdo[0x6041].raw
            check(sw & 0x6F == 0x21, f"node {i}: after shutdown statusword {sw:#06x}")
            nd.sdo[0x6040].raw = 0x00  # disable voltage
            sw2 = nd.sdo[0x6041].raw
            check(sw2 & 0x4F == 0x40, f"node {i}: after disable voltage statusword {sw2:#06x}")
        return f"0x6040=0x06 → 0x6041 {sw:#06x} (Ready to switch on); 0x6040=0 → {sw2:#06x} (Switch on disabled)"

    def od_readable():
        total, skipped, consts, fails = 0, 0, 0, []
        for i in nodes_ids:
            nd = nodes[i]
            for obj in nd.object_dictionary.values():
                vars_ = [obj] if isinstance(obj, canopen.objectdictionary.ODVariable) else list(obj.values())
                for v in vars_:
                    if not v.readable:  # access ro, rw, rwr, rww or const
                        skipped += 1
                        continue
                    total += 1
                    try:
                        raw = nd.sdo.upload(v.index, v.subindex)
                    except Exception as e:
                        fails.append(f"{i}:{v.index:04X}:{v.subindex:02X} {e}")
                        continue
                    # constant entries must hold the EDS's value
                    if v.access_type in ("ro", "const") and not v.pdo_mappable and v.default is not None:
                        consts += 1
                        got = v.decode_raw(raw)
                        if got != v.default:
                            fails.append(f"{i}:{v.index:04X}:{v.subindex:02X} = {got!r}, EDS {v.default!r}")
        check(not fails, f"{len(fails)}/{total} unreadable: {fails[:5]}")
        return f"{total} readable entries ({total // n} per node, {skipped // n} write-only skipped) " \
            f"uploaded by SDO, all answered; {consts // n} ro non-mappable entries per node equal the EDS value"

    def gains():
        out = []
        for i in nodes_ids:
            nd = nodes[i]
            for idx, sub in ((0x60FB, 1), (0x60F9, 1), (0x60F9, 2)):
                check(idx in nd.object_dictionary, f"EDS has no {idx:#x}")
                v = nd.sdo[idx][sub]
                old = v.raw
                v.raw = old + 7
                back = v.raw
                check(back == old + 7, f"node {i} {idx:#x}:{sub}: wrote {old + 7} read {back}")
                v.raw = old
                check(v.raw == old, "restore")
                if i == 1:
                    out.append(f"{idx:04X}:{sub:02d}={old}")
        return "read/write/read back/restore on all nodes; node 1 " + " ".join(out)

    def abort(idx, sub, code, what, write=None):
        def f():
            try:
                if write is None:
                    nodes[1].sdo.upload(idx, sub)
                else:
                    nodes[1].sdo.download(idx, sub, write)
            except SdoAbortedError as e:
                check(e.code == code, f"abort {e.code:#010x}, want {code:#010x}")
                return f"{what}: SdoAbortedError {e.code:#010x}"
            raise Fail(f"{what}: no abort")
        return f

    def pdo_read():
        out = []
        for i in nodes_ids:
            nd = nodes[i]
            nd.tpdo.read()
            nd.rpdo.read()
            t1 = [v.index for v in nd.tpdo[1]]
            r1 = [v.index for v in nd.rpdo[1]]
            check(nd.tpdo[1].enabled and 0x6041 in t1 and 0x6064 in t1, f"node {i}: TPDO1 {t1}")
            check(nd.rpdo[1].enabled and 0x6040 in r1, f"node {i}: RPDO1 {r1}")
            if i == 1:
                for p in list(nd.tpdo.values()) + list(nd.rpdo.values()):
                    if p.enabled:
                        out.append(f"{p.name.split('_')[0]} {p.cob_id:#x} type {p.trans_type} "
                                   f"[{', '.join(f'{v.index:04X}' for v in p)}]")
        return "node 1: " + "; ".join(out)

    def pdo_config():
        for i in nodes_ids:
            t = nodes[i].tpdo[2]
            t.clear()
            t.add_variable(0x6061)
            t.add_variable(0x606C)
            t.trans_type = 1
            t.enabled = True
            t.save()
        # read back from the node
        for i in nodes_ids:
            t = nodes[i].tpdo[2]
            t.read()
            check(t.enabled and [v.index for v in t] == [0x6061, 0x606C] and t.trans_type == 1,
                  f"node {i}: TPDO2 read back {[hex(v.index) for v in t]} type {t.trans_type}")
        return f"TPDO2 remapped to [6061, 606C] type 1 with PdoMap.save() in pre-op on {n} nodes, read back"

    def sync_tpdo():
        for i in nodes_ids:
            nodes[i].nmt.state = "OPERATIONAL"
        time.sleep(0.05)
        net.sync.start(0.01)
        ctx["sync"] = True
        for i in nodes_ids:
            nd = nodes[i]
            for k in (1, 2):
                ts = nd.tpdo[k].wait_for_reception(1)
                check(ts, f"node {i}: no TPDO{k} after SYNC")
            sw = nd.tpdo[1]["Statusword"].raw
            pos = nd.tpdo[1]["Position actual value"].raw
            md = nd.tpdo[2][0].raw
            check(sw == nd.sdo[0x6041].raw, f"node {i}: TPDO statusword {sw:#x}")
            check(abs(pos - nd.sdo[0x6064].raw) < 50, f"node {i}: TPDO position {pos}")
            check(md == 8, f"node {i}: TPDO2 mode {md}")
        return f"NMT operational + SYNC 10 ms: TPDO1 (statusword, position) and TPDO2 (mode 8, velocity) " \
            f"from {n} nodes agree with SDO"

    def enable():
        for i in nodes_ids:
            nd = nodes[i]
            nd.setup_402_state_machine(read_pdos=False)
            nd.pdo.subscribe()
            nd.op_mode = "CYCLIC SYNCHRONOUS POSITION"
            check(nd.op_mode == "CYCLIC SYNCHRONOUS POSITION", f"node {i}: op mode {nd.op_mode}")
            # RPDO1 carries the target with the controlword: hold where the joint is
            nd.rpdo[1]["Target position"].raw = nd.sdo[0x6064].raw
        for i in nodes_ids:
            nodes[i].state = "OPERATION ENABLED"
        sts = []
        for i in nodes_ids:
            nodes[i].check_statusword()
            check(nodes[i].state == "OPERATION ENABLED", f"node {i}: {nodes[i].state}")
            sts.append(nodes[i].statusword)
        return f"op_mode CSP; state → OPERATION ENABLED on {n} nodes (statusword {sts[0]:#06x})"

    # Arrival band: 50 counts (0.0024 rad, 50 µm). The drives' PI cascade
    # settles a step with a slow integral swing of ~20 counts (PSM wrist
    # joints), which is tuning, not protocol.
    TOL = 50

    def csp_move():
        out = []
        targets = {}
        for i in nodes_ids:
            nd, j = nodes[i], joints[i - 1]
            p0 = nd.sdo[0x6064].raw
            q0 = p0 / cpr(j)
            step = 0.002 if j.prismatic else 0.02
            tgt = round(j.toward_middle(q0, step) * cpr(j))
            targets[i] = (p0, tgt)
            nd.rpdo[1]["Target position"].raw = tgt
            nd.rpdo[1].transmit()
        t0 = time.monotonic()
        pending = set(nodes_ids)
        last = {}
        while pending and time.monotonic() - t0 < 4:
            time.sleep(0.05)
            for i in list(pending):
                p = nodes[i].tpdo[1]["Position actual value"].raw
                last[i] = p
                if abs(p - targets[i][1]) <= TOL:
                    pending.discard(i)
        check(not pending, "not arrived: " + ", ".join(
            f"node {i} {targets[i][0]}→{targets[i][1]} at {last[i]}" for i in sorted(pending)))
        time.sleep(0.3)
        for i in nodes_ids:
            p = nodes[i].sdo[0x6064].raw
            check(abs(p - targets[i][1]) <= TOL, f"node {i}: SDO position {p}, target {targets[i][1]}")
            out.append(p - targets[i][1])
        return f"RPDO1 targets 0.02 rad / 2 mm toward mid-range, all arrived in {time.monotonic() - t0:.2f}s; " \
            f"SDO 0x6064 − target: {out} counts"

    def disable():
        for i in nodes_ids:
            nodes[i].state = "SWITCH ON DISABLED"
        for i in nodes_ids:
            nodes[i].check_statusword()
            check(nodes[i].state == "SWITCH ON DISABLED", f"node {i}: {nodes[i].state}")
            check(nodes[i].sdo[0x6041].raw & 0x4F == 0x40, f"node {i}: SDO statusword")
        return f"state → SWITCH ON DISABLED on {n} nodes (TPDO and SDO statusword agree)"

    def stopped_no_pdo():
        for i in nodes_ids:
            nodes[i].nmt.state = "STOPPED"
        time.sleep(0.1)
        t0 = time.time()
        time.sleep(0.2)
        got = [i for i in nodes_ids if (nodes[i].tpdo[1].timestamp or 0) > t0]
        check(not got, f"TPDO from stopped nodes {got}")
        try:
            nodes[1].sdo[0x1000].raw
            raise Fail("SDO answered in STOPPED")
        except canopen.SdoCommunicationError:
            pass
        for i in nodes_ids:
            nodes[i].nmt.state = "PRE-OPERATIONAL"
        return "NMT stop: no TPDO on SYNC, no SDO answer (SdoCommunicationError), heartbeat only"

    steps = [
        ("EDS via --eds, parsed by canopen.import_od", eds),
        ("RemoteNode/BaseNode402 per node on the slcan bus", add_nodes),
        ("NMT reset node → boot-up", nmt_reset("RESET")),
        ("NMT reset communication → boot-up", nmt_reset("RESET COMMUNICATION")),
        ("heartbeat producer 0x1017 → heartbeats", heartbeat),
        ("NMT operational / stopped / pre-operational by heartbeat", nmt_states),
        ("SDO upload 0x1000, 0x1018, 0x6041, 0x6061, 0x6064, 0x606C", sdo_reads),
        ("SDO download 0x6060 modes of operation (CSP, PP)", modes),
        ("SDO download 0x6040 controlword → 0x6041", controlword_sdo),
        ("every ro/rw EDS entry readable by SDO", od_readable),
        ("gains 0x60FB:01, 0x60F9:01/02 read/write back", gains),
        ("SDO abort: no object 0x2000 → 0x06020000", abort(0x2000, 0, 0x06020000, "upload 0x2000:00")),
        ("SDO abort: no sub-index 0x1018:09 → 0x06090011", abort(0x1018, 9, 0x06090011, "upload 0x1018:09")),
        ("SDO abort: write read-only 0x1000 → 0x06010002",
         abort(0x1000, 0, 0x06010002, "download 0x1000:00", write=b"\0\0\0\0")),
        ("PDO configuration read (tpdo.read, rpdo.read)", pdo_read),
        ("PDO configuration write (TPDO2 remap, save)", pdo_config),
        ("SYNC → TPDO1/TPDO2", sync_tpdo),
        ("CiA 402 BaseNode402 → OPERATION ENABLED (CSP)", enable),
        ("CSP move by RPDO1 target, read back by TPDO and SDO", csp_move),
        ("CiA 402 BaseNode402 → SWITCH ON DISABLED", disable),
        ("NMT stopped: no PDO, no SDO", stopped_no_pdo),
    ]
    try:
        run_steps(report, "canopen", mname, steps)
    finally:
        try:
            net.sync.stop()
        except Exception:
            pass
        net.disconnect()
        sim.stop()


# ================================================================ MIT / CubeMars

# CubeMars AK80-9 MIT-mode ranges (AK Series Actuator Driver Manual, MIT mode;
# the MIT mini-cheetah convention): firmware-sim's cubemars drives are AK80-9s.
AK80_9 = dict(P=12.5, V=50.0, T=18.0, KP=500.0, KD=5.0)


def f2u(x, lo, hi, bits):
    x = min(max(x, lo), hi)
    return int((x - lo) * ((1 << bits) - 1) / (hi - lo))


def u2f(u, lo, hi, bits):
    return u * (hi - lo) / ((1 << bits) - 1) + lo


def mit_pack(p, v, kp, kd, t, r=AK80_9):
    """MIT command: p16 v12 kp12 kd12 t12, big-endian nibble packing."""
    pu = f2u(p, -r["P"], r["P"], 16)
    vu = f2u(v, -r["V"], r["V"], 12)
    kpu = f2u(kp, 0, r["KP"], 12)
    kdu = f2u(kd, 0, r["KD"], 12)
    tu = f2u(t, -r["T"], r["T"], 12)
    return bytes([pu >> 8, pu & 0xFF, vu >> 4, ((vu & 0xF) << 4) | (kpu >> 8), kpu & 0xFF,
                  kdu >> 4, ((kdu & 0xF) << 4) | (tu >> 8), tu & 0xFF])


def mit_unpack(d, r=AK80_9):
    """Reply: id, p16, v12, t12 (current/torque), [temperature °C+40, error]."""
    out = dict(id=d[0], p=u2f((d[1] << 8) | d[2], -r["P"], r["P"], 16),
               v=u2f((d[3] << 4) | (d[4] >> 4), -r["V"], r["V"], 12),
               t=u2f(((d[4] & 0xF) << 8) | d[5], -r["T"], r["T"], 12))
    if len(d) >= 8:
        out["temp"] = d[6] - 40
        out["err"] = d[7]
    return out


ENTER = bytes([0xFF] * 7 + [0xFC])
EXIT = bytes([0xFF] * 7 + [0xFD])
ZERO = bytes([0xFF] * 7 + [0xFE])
P_LSB = 25.0 / 65535  # one count of the 16-bit position


def mit_check(report, chiron, mname, m, reply_len):
    import can

    joints = m["joints"]
    n = len(joints)
    ids = list(range(1, n + 1))
    sim = Sim(chiron, m["args"], "cubemars", ["--mit-reply", str(reply_len)])
    bus = can.Bus(interface="slcan", channel=sim.path, bitrate=1000000, sleep_after_open=0)
    feeder = None
    last = {}

    def lead(i):  # output radians per joint unit: a prismatic joint rides a 10 mm/rad pulley
        return 100.0 if joints[i - 1].prismatic else 1.0

    def drain():
        while bus.recv(0) is not None:
            pass

    def xfer(i, data, timeout=0.1):
        drain()
        bus.send(can.Message(arbitration_id=i, data=data, is_extended_id=False))
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            r = bus.recv(timeout)
            if r is None:
                break
            if r.arbitration_id == 0 and not r.is_extended_id and r.dlc >= 1 and r.data[0] == i:
                return r
        return None

    def must(i, data, what):
        r = xfer(i, data)
        check(r is not None, f"motor {i}: no reply to {what} ({data.hex(' ')})")
        check(r.dlc == reply_len, f"motor {i}: reply DLC {r.dlc}, want {reply_len}: {bytes(r.data).hex(' ')}")
        d = mit_unpack(bytes(r.data))
        check(d["id"] == i, f"reply id {d['id']}")
        last[i] = (d, bytes(r.data))
        return d

    def hold_cmd(i, p, kp=None, kd=None):
        j = joints[i - 1]
        kp = kp if kp is not None else (200.0 if not j.prismatic else 5.0)
        kd = kd if kd is not None else (2.0 if not j.prismatic else 0.5)
        return mit_pack(p, 0, kp, kd, 0)

    def enter():
        out = []
        for i in ids:
            d = must(i, ENTER, "enter motor mode")
            out.append(f"{i}:{last[i][1].hex()}")
        return f"FF×7 FC → {reply_len}-byte reply on CAN ID 0 from motors 1..{n}; " + " ".join(out[:2]) + " …"

    def decode():
        out = []
        for i in ids:
            d, raw = last[i]
            check(-AK80_9["P"] <= d["p"] <= AK80_9["P"], f"motor {i}: p {d['p']}")
            check(abs(d["v"]) <= AK80_9["V"], f"motor {i}: v {d['v']} rad/s beyond ±{AK80_9['V']}")
            # Unpowered, a revolute joint is near rest; a prismatic one (the
            # PSM's insertion, 10 mm/rad) may be sliding under gravity.
            check(joints[i - 1].prismatic or abs(d["v"]) < 5, f"motor {i}: v {d['v']} rad/s at rest")
            if reply_len == 8:
                check(0 <= d["temp"] <= 80, f"motor {i}: temperature {d['temp']} °C")
                check(d["err"] == 0, f"motor {i}: error byte {d['err']}")
            else:
                check(len(raw) == 6, "6-byte reply")
            out.append(f"{d['p']:+.3f}")
        extra = f", temperature {last[1][0]['temp']} °C, error 0" if reply_len == 8 else ""
        return f"positions (rad) {' '.join(out)}{extra}"

    def zero_cmd():
        out = []
        for i in ids:
            d = must(i, mit_pack(0, 0, 0, 0, 0), "zero command")
            check(abs(d["t"]) < 0.05, f"motor {i}: torque {d['t']:.3f} N·m with kp=kd=t=0")
            out.append(f"{d['t']:+.3f}")
        return f"p=0 kp=0 kd=0 t=0 ({mit_pack(0, 0, 0, 0, 0).hex(' ')}): replies, torque ≈ 0 N·m: " + " ".join(out)

    def start_feeding():
        nonlocal feeder
        feeder = WatchdogFeeder(sim.watchdog)
        t0 = time.monotonic()
        while not any("relay closed" in l for l in sim.log):
            check(time.monotonic() - t0 < 2, f"relay did not close: {sim.log[-3:]}")
            time.sleep(0.01)
        return f"Firmata D7 toggled every 20 ms on {sim.watchdog}: 'relay closed' (STO released)"

    holds = {}

    def hold():
        for i in ids:
            d = must(i, hold_cmd(i, 0), "probe")
            p0 = d["p"]
            holds[i] = p0
            must(i, hold_cmd(i, p0), "hold")
        time.sleep(0.5)
        worst, out = 0, []
        for i in ids:
            d = must(i, hold_cmd(i, holds[i]), "hold")
            e = (d["p"] - holds[i])
            tol = 0.05 if not joints[i - 1].prismatic else 0.5  # 0.5 output rad = 5 mm
            check(abs(e) < tol, f"motor {i}: drifted {e:+.4f} rad from {holds[i]:+.4f} (τ {d['t']:+.2f})")
            out.append(f"{e:+.4f}")
        return f"kp/kd hold at present position for 0.5 s; drift (output rad): {' '.join(out)}"

    def move():
        i = ids[-1]
        j = joints[i - 1]
        p0 = holds[i]
        step = 0.2
        q0 = p0 / lead(i)
        tgt = j.toward_middle(q0, step / lead(i)) * lead(i)
        t0 = time.monotonic()
        while time.monotonic() - t0 < 3:
            d = must(i, hold_cmd(i, tgt), "move")
            if abs(d["p"] - tgt) < 0.01 and abs(d["v"]) < 0.1:
                break
            time.sleep(0.005)
        else:
            raise Fail(f"motor {i}: {p0:+.3f}→{tgt:+.3f} at {d['p']:+.3f}")
        holds[i] = tgt
        return f"motor {i} (tip): {p0:+.3f}→{tgt:+.3f} rad, at {d['p']:+.4f} after {time.monotonic() - t0:.2f}s"

    def set_zero():
        out = []
        for i in ids:
            d = must(i, ZERO, "set zero")
            check(abs(d["p"]) <= 3 * P_LSB, f"motor {i}: position {d['p']:+.5f} after set zero")
            # hold the same physical place in the new frame
            holds[i] = 0.0
            d2 = must(i, hold_cmd(i, 0.0), "hold at new zero")
            out.append(f"{d['p']:+.5f}")
        time.sleep(0.3)
        for i in ids:
            d = must(i, hold_cmd(i, 0.0), "hold at new zero")
            tol = 0.05 if not joints[i - 1].prismatic else 0.5
            check(abs(d["p"]) < tol, f"motor {i}: {d['p']:+.4f} rad from the new zero after 0.3 s")
        return f"FF×7 FE → reply position ≈ 0 ({' '.join(out)}), holding p=0 stays put"

    def exit_mode():
        for i in ids:
            d = must(i, EXIT, "exit motor mode")
        return f"FF×7 FD → reply from motors 1..{n}"

    def no_motor():
        r = xfer(n + 1, ENTER, timeout=0.2)
        check(r is None, f"reply from absent motor {n + 1}: {r}")
        return f"enter motor mode to ID {n + 1}: no reply in 200 ms"

    steps = [
        ("enter motor mode (FF×7 FC)", enter),
        (f"decode {reply_len}-byte reply (p16 v12 t12" + (" temp err)" if reply_len == 8 else ")"), decode),
        ("zero command p=0 kp=0 kd=0 t=0", zero_cmd),
        ("feed the STO watchdog relay (Firmata D7)", start_feeding),
        ("kp/kd hold: position stays", hold),
        ("kp/kd move of the tip motor by 0.2 rad", move),
        ("set zero (FF×7 FE) in motor mode", set_zero),
        ("exit motor mode (FF×7 FD)", exit_mode),
        ("absent motor ID: no reply", no_motor),
    ]
    try:
        run_steps(report, f"mit{reply_len}", mname, steps)
    finally:
        if feeder:
            feeder.stop()
        bus.shutdown()
        sim.stop()


# ================================================================ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["dynamixel", "canopen", "mit", "all"])
    ap.add_argument("--chiron", default=os.environ.get("CHIRON", "/tmp/chiron"),
                    help="chiron binary (env CHIRON; default /tmp/chiron)")
    ap.add_argument("--libs", default=os.environ.get("SDKCHECK_LIBS", "/tmp/sdkcheck-libs"),
                    help="where fetch-libs.sh put the libraries (env SDKCHECK_LIBS)")
    ap.add_argument("--models", default="panda,psm", help="comma-separated: panda, psm")
    a = ap.parse_args()
    _setup_path(a.libs)
    check_bin = os.path.isfile(a.chiron) and os.access(a.chiron, os.X_OK)
    if not check_bin:
        sys.exit(f"sdkcheck: no chiron binary at {a.chiron} (go build -o {a.chiron} ./cmd/chiron)")
    refs = lib_refs(a.libs)
    print(f"sdkcheck: chiron {a.chiron}; DynamixelSDK {refs['dynamixel']}; python-can {refs['python-can']}; "
          f"canopen {refs['canopen']}; python {sys.version.split()[0]}", flush=True)
    ms = models()
    chosen = [x.strip() for x in a.models.split(",") if x.strip()]
    report = Report()
    t0 = time.monotonic()
    protos = ["dynamixel", "canopen", "mit"] if a.what == "all" else [a.what]
    for proto in protos:
        for name in chosen:
            m = ms[name]
            if proto == "dynamixel":
                dynamixel_check(report, a.chiron, name, m)
            elif proto == "canopen":
                canopen_check(report, a.chiron, name, m)
            else:
                mit_check(report, a.chiron, name, m, 8)
                mit_check(report, a.chiron, name, m, 6)
    print("---")
    for proto in protos:
        if proto == "mit":
            report.summary("mit8")
            report.summary("mit6")
            r = [x for x in report.results if x[0].startswith("mit")]
            print(f"mit: {sum(x[2] for x in r)}/{len(r)} steps passed (8- and 6-byte replies)")
        else:
            report.summary(proto)
    print(f"sdkcheck: {time.monotonic() - t0:.1f}s")
    sys.exit(1 if report.failed() else 0)


if __name__ == "__main__":
    main()
