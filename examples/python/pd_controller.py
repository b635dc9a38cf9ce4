#!/usr/bin/env python3
"""A chiron controller in Python: joint PD with gravity compensation and a
bounded integral term, run by chiron's "external" controller kind in lockstep
(protocol chiron-lockstep/1, documented in
`go doc github.com/chiron-robotics/chiron/control/registry/external`).

Standard library and NumPy only. chiron starts this program, sends one JSON
hello line (answer "ok"), then one binary request per control cycle (3+6n
little-endian float64: t, reset, has_setpoint, q, qd, tau, gravity, q_ref,
qd_ref) and waits for the reply (5n float64: q_cmd, qd_cmd, tau_ff, kp, kd),
which each drive executes as tau = tau_ff + kp*(q_cmd - q) + kd*(qd_cmd - qd).
The simulation runs on virtual time, so how long this takes changes only the
wall time of a run, never its result. The safety supervisor gates every reply.

config (controller_params.config in a scenario):
  stiffness_scale  stiffness as a fraction of chiron's default joint stiffness
                   (sized for the loop rate; > 1 may be unstable). Default 1.
  ki               integral gain, 1/s: the integral of the position error,
                   times ki*kp, is added to the feed-forward torque. Default 0.
  integral_max     bound of that integral, rad (anti-windup). Default 0.05.
  die_at_s         (for tests) exit with status 7 at this loop time.
"""
import json
import os
import sys

import numpy as np

PROTOCOL = "chiron-lockstep/1"


def read_exact(fd, view):
    """Fill view from file descriptor fd; False at end of file (chiron
    closed the pipe)."""
    got = 0
    while got < len(view):
        k = os.readv(fd, [view[got:]])
        if not k:
            return False
        got += k
    return True


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    hello = json.loads(stdin.readline())
    if hello.get("protocol") != PROTOCOL:
        stdout.write(("want protocol %s, got %r\n" % (PROTOCOL, hello.get("protocol"))).encode())
        stdout.flush()
        return 1
    n = int(hello["joints"])
    cfg = hello.get("config") or {}
    scale = float(cfg.get("stiffness_scale", 1.0))
    ki = float(cfg.get("ki", 0.0))
    imax = float(cfg.get("integral_max", 0.05))
    die_at = cfg.get("die_at_s")
    if not scale > 0:
        stdout.write(b"config.stiffness_scale: want > 0\n")
        stdout.flush()
        return 1
    # Damping scales with the square root of stiffness: the default damping
    # ratio is kept.
    kp = np.asarray(hello["default_kp"], dtype=float) * scale
    kd = np.asarray(hello["default_kd"], dtype=float) * np.sqrt(scale)
    stdout.write(b"ok\n")
    stdout.flush()

    # One request buffer, refilled in place, and views of it and of the
    # reply made once: the loop allocates little, and each exchange is one
    # read and one write system call on the raw pipe descriptors.
    buf = bytearray(8 * int(hello["request_floats"]))
    view = memoryview(buf)
    req = np.frombuffer(buf, dtype="<f8")
    q = req[3:3 + n]
    g = req[3 + 3 * n:3 + 4 * n]
    q_ref = req[3 + 4 * n:3 + 5 * n]
    qd_ref = req[3 + 5 * n:3 + 6 * n]
    reply = np.zeros(5 * n, dtype="<f8")
    out = memoryview(reply).cast("B")
    r_target, r_velocity, r_tau = reply[0:n], reply[n:2 * n], reply[2 * n:3 * n]
    reply[3 * n:4 * n] = kp
    reply[4 * n:5 * n] = kd
    hold = np.zeros(n)
    integral = np.zeros(n)
    err = np.zeros(n)
    last_t = None
    fin, fout = stdin.fileno(), stdout.fileno()
    while read_exact(fin, view):
        t, reset, has_setpoint = req[0], req[1], req[2]
        if die_at is not None and t >= die_at:
            return 7
        if reset:
            hold[:] = q
            integral[:] = 0
            last_t = None
        if has_setpoint:
            r_target[:] = q_ref
            r_velocity[:] = qd_ref
        else:
            r_target[:] = hold
            r_velocity[:] = 0.0
        r_tau[:] = g
        if ki:
            if last_t is not None:
                np.subtract(r_target, q, out=err)
                err *= t - last_t
                integral += err
                np.clip(integral, -imax, imax, out=integral)
            r_tau += ki * kp * integral
        last_t = t
        written = 0
        while written < len(out):
            written += os.write(fout, out[written:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
