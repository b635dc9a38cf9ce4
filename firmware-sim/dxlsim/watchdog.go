package dxlsim

import (
	"time"

	"github.com/chiron-robotics/chiron/drivers/dynamixel"
)

// Bus Watchdog (98), e-Manual, X-series, "Bus Watchdog(98)": 0 disables it
// (and clears a trip); 1–127 enables it in units of 20 ms. It watches only
// while Torque Enable (64) is 1. When no instruction packet arrives for
// longer than the set time the servo stops — the goal PWM, current and
// velocity become 0, so the drive applies no torque — address 98 reads -1
// (0xFF), and the goal items (Goal PWM 100, Goal Current 102, Goal Velocity
// 104, Goal Position 116) become read-only: writing them answers Data Range
// Error until 0 is written to 98. Torque Enable is not changed by a trip.
const (
	watchdogUnit    = 20 * time.Millisecond
	watchdogTripped = 0xFF // -1 as the signed byte the e-Manual documents
)

// Step advances the simulator by d (Sim.Step) and then expires the Bus
// Watchdog of every servo whose silence has exceeded its setting: the
// servos' own clock, which a real servo runs whether or not the host
// speaks. Step takes the simulator's lock itself and may run concurrently
// with Serve. Owners that call Sim.Step directly call Tick after it.
func (s *Server) Step(d time.Duration) {
	s.sim.Step(d)
	s.sim.Lock()
	defer s.sim.Unlock()
	s.expireWatchdogs()
}

// Tick expires the Bus Watchdogs at the simulator's time, for owners that
// step the Sim themselves (a lockstep robot, a real-time runner): call it
// after each Sim.Step. It takes the simulator's lock.
func (s *Server) Tick() {
	s.sim.Lock()
	defer s.sim.Unlock()
	s.expireWatchdogs()
}

// expireWatchdogs trips the Bus Watchdog of every servo whose torque is on,
// whose watchdog is set (1–127) and which has heard no instruction for
// longer than 98 × 20 ms. Call under the simulator's lock.
func (s *Server) expireWatchdogs() {
	now := s.sim.Plant().Time()
	for i := range s.servos {
		sv := &s.servos[i]
		wd := sv.mem[addrBusWatchdog]
		if sv.mem[addrTorqueEnable] == 0 || wd == 0 || wd > 127 {
			continue
		}
		if now-sv.heard > time.Duration(wd)*watchdogUnit {
			s.tripWatchdog(sv)
		}
	}
}

// tripWatchdog stops sv as the e-Manual's servo does on a Bus Watchdog
// timeout: 98 reads 0xFF, Goal PWM, Current and Velocity become 0, and the
// drive applies no torque. Torque Enable stays as it was.
func (s *Server) tripWatchdog(sv *servo) {
	sv.mem[addrBusWatchdog] = watchdogTripped
	sv.mem.put(addrGoalPWM, 2, 0)
	sv.mem.put(addrGoalCurrent, 2, 0)
	sv.mem.put(addrGoalVelocity, 4, 0)
	s.apply(sv)
}

// watchdogRefuses returns Data Range Error for a write to the item at addr
// while the Bus Watchdog is tripped (was, 98 before the write, is 0xFF) and
// still tripped by the write so far (now, 98 as the earlier items of the
// same write leave it): the goal items are read-only then, and 98 itself
// accepts only 0, which clears the trip. (Whether the real servo accepts a
// new period 1–127 in place of 0 is not documented; the simulation asks for
// the documented 0 first.)
func watchdogRefuses(addr uint16, was, now byte) dynamixel.StatusCode {
	if was != watchdogTripped {
		return 0
	}
	switch addr {
	case addrBusWatchdog:
		if now != 0 {
			return dynamixel.DataRangeError
		}
	case addrGoalPWM, addrGoalCurrent, addrGoalVelocity, addrGoalPosition:
		if now == watchdogTripped {
			return dynamixel.DataRangeError
		}
	}
	return 0
}
