package patientsim

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/chiron-robotics/chiron/control"
	"github.com/chiron-robotics/chiron/firmware-sim/plant"
)

// Config describes a simulated patient. Slices have one value per joint of
// the robot the patient wears; nil optional slices mean zero.
type Config struct {
	// Seed seeds every random element; equal seeds give equal runs.
	Seed uint64

	// MaxTorque is the unimpaired maximum voluntary torque per joint, N·m.
	// Required, > 0.
	MaxTorque []float64
	// Strength is the fraction of MaxTorque the patient can still produce
	// (weakness): 1 is unimpaired, 0.2 severe paresis. 0 means 1.
	Strength float64
	// Kp (N·m/rad) and Kd (N·m·s/rad) are the gains with which the patient
	// tracks the intended movement, before saturation. nil means
	// MaxTorque/0.1 and MaxTorque/1.5: full torque at 0.1 rad (≈6°) of
	// error, a stiff but not robotic arm.
	Kp, Kd []float64

	// ReactionDelay is the time from a new goal to movement onset; 0 means
	// 250 ms (simple visual reaction time of stroke survivors is ~250–400
	// ms). ReactionJitter, a fraction, spreads it uniformly by ±jitter.
	ReactionDelay  time.Duration
	ReactionJitter float64
	// TrackingLag is the lag with which a moving target is pursued (Track);
	// 0 means 30 ms.
	TrackingLag time.Duration
	// PeakSpeed is the peak joint speed of intended movements, rad/s; their
	// duration is the minimum-jerk duration for the largest joint
	// excursion (control.MinJerkDuration), at least 0.4 s. 0 means 1 rad/s.
	PeakSpeed float64

	// Passive limb mechanics about Rest (rad), see Limb.
	Stiffness, Damping, Rest []float64
	// Spasticity: resistance SpasticGain·(|q̇| − SpasticThreshold) above
	// the threshold speed (N·m·s/rad, rad/s), applied by the plant.
	SpasticGain, SpasticThreshold []float64

	// Tremor: amplitude per joint (N·m), centre frequency (Hz, 4–12 when
	// any amplitude is set) and bandwidth (Hz; the instantaneous frequency
	// wanders with this standard deviation, correlation time 1 s; 0 is a
	// pure sinusoid).
	TremorAmplitude []float64
	TremorFrequency float64
	TremorBandwidth float64

	// Fatigue: FatigueWork (J) is the positive voluntary work that lowers
	// the capacity by a factor e when done at once; 0 disables fatigue.
	// RecoveryTime is the time constant of recovery; 0 means 60 s.
	FatigueWork  float64
	RecoveryTime time.Duration
}

// ErrConfig is wrapped by configuration errors.
var ErrConfig = errors.New("patientsim: invalid configuration")

// Patient is a simulated patient. It is not safe for concurrent use: the
// goroutine that steps the plant calls Apply or Torque; SetGoal and Relax
// must be called from the same goroutine (in lockstep, between steps).
type Patient struct {
	cfg      Config
	n        int
	rng      *rand.Rand
	kp, kd   []float64
	strength float64

	goal       []float64
	hasGoal    bool
	onset      time.Duration // when the cued movement is to start
	start      time.Duration // when the current plan started
	planned    bool          // a plan (or hold) is being tracked
	pending    bool          // a cued goal waits for the reaction delay
	tracking   bool          // pursuing a moving target (Track)
	traj       *control.JointMinJerk
	sp         *control.Setpoint
	active     bool // voluntary effort on
	last       time.Duration
	started    bool
	capacity   float64
	work       float64
	phase      []float64
	freqOffset float64
	tau, vol   []float64
}

// New checks cfg and returns a relaxed patient for n joints.
func New(n int, cfg Config) (*Patient, error) {
	if n <= 0 || len(cfg.MaxTorque) != n {
		return nil, fmt.Errorf("patient: %d max torques for %d joints: %w", len(cfg.MaxTorque), n, ErrConfig)
	}
	for name, v := range map[string][]float64{"kp": cfg.Kp, "kd": cfg.Kd, "stiffness": cfg.Stiffness,
		"damping": cfg.Damping, "rest": cfg.Rest, "spastic gain": cfg.SpasticGain,
		"spastic threshold": cfg.SpasticThreshold, "tremor amplitude": cfg.TremorAmplitude} {
		if v != nil && len(v) != n {
			return nil, fmt.Errorf("patient: %s has %d values for %d joints: %w", name, len(v), n, ErrConfig)
		}
		for _, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) || (name != "rest" && x < 0) {
				return nil, fmt.Errorf("patient: %s value %g: %w", name, x, ErrConfig)
			}
		}
	}
	for i, m := range cfg.MaxTorque {
		if !(m > 0) || math.IsInf(m, 0) {
			return nil, fmt.Errorf("patient: max torque %g at joint %d: %w", m, i, ErrConfig)
		}
	}
	if cfg.Strength == 0 {
		cfg.Strength = 1
	}
	if !(cfg.Strength > 0 && cfg.Strength <= 1) {
		return nil, fmt.Errorf("patient: strength %g outside (0, 1]: %w", cfg.Strength, ErrConfig)
	}
	if cfg.ReactionDelay == 0 {
		cfg.ReactionDelay = 250 * time.Millisecond
	}
	if cfg.TrackingLag == 0 {
		cfg.TrackingLag = 30 * time.Millisecond
	}
	if cfg.PeakSpeed == 0 {
		cfg.PeakSpeed = 1
	}
	if cfg.RecoveryTime == 0 {
		cfg.RecoveryTime = 60 * time.Second
	}
	if cfg.ReactionDelay < 0 || cfg.TrackingLag < 0 || !(cfg.ReactionJitter >= 0 && cfg.ReactionJitter < 1) || !(cfg.PeakSpeed > 0) ||
		cfg.FatigueWork < 0 || cfg.RecoveryTime < 0 || cfg.TremorBandwidth < 0 {
		return nil, fmt.Errorf("patient: negative or out-of-range timing, speed, fatigue or tremor setting: %w", ErrConfig)
	}
	for _, a := range cfg.TremorAmplitude {
		if a > 0 && !(cfg.TremorFrequency >= 4 && cfg.TremorFrequency <= 12) {
			return nil, fmt.Errorf("patient: tremor frequency %g Hz outside 4–12 Hz: %w", cfg.TremorFrequency, ErrConfig)
		}
	}
	p := &Patient{cfg: cfg, n: n, rng: rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15)),
		kp: make([]float64, n), kd: make([]float64, n), strength: cfg.Strength,
		goal: make([]float64, n), sp: control.NewSetpoint(n), capacity: 1,
		phase: make([]float64, n), tau: make([]float64, n), vol: make([]float64, n)}
	for i := range n {
		p.kp[i], p.kd[i] = cfg.MaxTorque[i]/0.1, cfg.MaxTorque[i]/1.5
		if cfg.Kp != nil {
			p.kp[i] = cfg.Kp[i]
		}
		if cfg.Kd != nil {
			p.kd[i] = cfg.Kd[i]
		}
		p.phase[i] = 2 * math.Pi * p.rng.Float64()
	}
	lim := make([]float64, n)
	for i := range lim {
		lim[i] = cfg.PeakSpeed
	}
	acc := make([]float64, n)
	for i := range acc {
		acc[i] = math.Inf(1)
	}
	var err error
	if p.traj, err = control.NewJointMinJerk(lim, acc); err != nil {
		return nil, fmt.Errorf("patient: %w", err)
	}
	return p, nil
}

// Joints returns the number of joints.
func (p *Patient) Joints() int { return p.n }

// Limb returns the patient's passive limb mechanics for plant.Config.Limb.
func (p *Patient) Limb() *plant.Limb {
	cp := func(v []float64) []float64 {
		if v == nil {
			return nil
		}
		return append([]float64(nil), v...)
	}
	return &plant.Limb{Stiffness: cp(p.cfg.Stiffness), Damping: cp(p.cfg.Damping), Rest: cp(p.cfg.Rest),
		SpasticGain: cp(p.cfg.SpasticGain), SpasticThreshold: cp(p.cfg.SpasticThreshold)}
}

// SetGoal cues a new goal posture at now: after the reaction delay the
// patient starts a minimum-jerk movement from wherever the limb then is.
// A goal equal to the current one is ignored (the cue did not change).
func (p *Patient) SetGoal(now time.Duration, goal []float64) {
	if len(goal) != p.n {
		panic(fmt.Sprintf("patientsim: goal with %d values for %d joints", len(goal), p.n))
	}
	if p.hasGoal && p.active && !p.tracking && equal(goal, p.goal) {
		return
	}
	copy(p.goal, goal)
	if p.tracking {
		// Until the reaction delay has passed the patient holds where the
		// pursuit left them; the trajectory planned before the pursuit is
		// stale (pursuing it sent the limb at full strength towards a
		// posture of minutes ago: issue 14).
		p.planned = false
	}
	p.hasGoal, p.active, p.pending, p.tracking = true, true, true, false
	d := float64(p.cfg.ReactionDelay) * (1 + p.cfg.ReactionJitter*(2*p.rng.Float64()-1))
	p.onset = now + time.Duration(d)
}

// Track makes the patient pursue a moving target shown to them (the cursor
// of an assisted-reaching game), posture q with velocity qd, called every
// step while it moves. A predictable, visible target is tracked with
// little lag (Miall, Weir & Stein 1993: pursuit of predictable targets is
// anticipatory); the patient aims at q − lag·q̇, Config.TrackingLag.
func (p *Patient) Track(q, qd []float64) {
	if len(q) != p.n || len(qd) != p.n {
		panic(fmt.Sprintf("patientsim: target with %d/%d values for %d joints", len(q), len(qd), p.n))
	}
	lag := p.cfg.TrackingLag.Seconds()
	for i := range q {
		p.sp.Q[i] = q[i] - lag*qd[i]
		p.sp.Qd[i] = qd[i]
	}
	p.active, p.planned, p.pending, p.tracking = true, true, false, true
}

// Relax stops voluntary effort (the patient lets the robot move the limb).
func (p *Patient) Relax() { p.active, p.planned, p.pending, p.tracking = false, false, false, false }

// Capacity returns the fatigue capacity: 1 fresh, towards 0 exhausted.
func (p *Patient) Capacity() float64 { return p.capacity }

// Work returns the positive voluntary work done so far, J.
func (p *Patient) Work() float64 { return p.work }

// MaxVoluntary returns the torque the patient can produce now at joint i:
// MaxTorque·Strength·capacity.
func (p *Patient) MaxVoluntary(i int) float64 {
	return p.cfg.MaxTorque[i] * p.strength * p.capacity
}

// Intention writes the intended position at the last step into dst and
// reports whether a movement is intended.
func (p *Patient) Intention(dst []float64) bool {
	copy(dst, p.sp.Q)
	return p.active && p.planned
}

// Voluntary returns the voluntary part of the last torque (view).
func (p *Patient) Voluntary() []float64 { return p.vol }

// Torque computes the patient's joint torque at now for the limb state
// (q, q̇), advances fatigue and tremor to now, and returns it (a view valid
// until the next call). now must not decrease.
func (p *Patient) Torque(now time.Duration, q, qd []float64) []float64 {
	dt := 0.0
	if p.started {
		dt = (now - p.last).Seconds()
	}
	p.last, p.started = now, true
	// Until the reaction delay has passed the patient keeps doing what they
	// were doing: holding the end of the previous movement, or, on the
	// first cue, the posture they were in.
	if p.active && !p.planned {
		if _, err := p.traj.Plan(q, q, 0); err == nil {
			p.start, p.planned = now, true
		}
	}
	if p.pending && now >= p.onset {
		if _, err := p.traj.Plan(q, p.goal, 400*time.Millisecond); err == nil {
			p.start, p.pending = now, false
		}
	}
	if p.active && !p.tracking {
		p.traj.Sample(now-p.start, p.sp)
	}
	// Tremor: instantaneous frequency f0 + δf, δf an Ornstein–Uhlenbeck
	// process (correlation time 1 s, standard deviation = bandwidth).
	if p.cfg.TremorBandwidth > 0 && dt > 0 {
		p.freqOffset += -p.freqOffset*dt + p.cfg.TremorBandwidth*math.Sqrt(2*dt)*p.rng.NormFloat64()
	}
	power := 0.0
	for i := range p.n {
		v := 0.0
		if p.active && p.planned {
			m := p.MaxVoluntary(i)
			v = p.kp[i]*(p.sp.Q[i]-q[i]) + p.kd[i]*(p.sp.Qd[i]-qd[i])
			v = math.Max(-m, math.Min(m, v))
		}
		p.vol[i] = v
		if pw := v * qd[i]; pw > 0 {
			power += pw
		}
		tr := 0.0
		if p.cfg.TremorAmplitude != nil && p.cfg.TremorAmplitude[i] > 0 {
			p.phase[i] += 2 * math.Pi * (p.cfg.TremorFrequency + p.freqOffset) * dt
			p.phase[i] = math.Mod(p.phase[i], 2*math.Pi)
			tr = p.cfg.TremorAmplitude[i] * math.Sin(p.phase[i])
		}
		p.tau[i] = v + tr
	}
	// Fatigue: dc/dt = −c·P⁺/W_f + (1 − c)/τ_r.
	p.work += power * dt
	if p.cfg.FatigueWork > 0 {
		p.capacity *= math.Exp(-power * dt / p.cfg.FatigueWork)
	}
	p.capacity += (1 - p.capacity) * (1 - math.Exp(-dt/p.cfg.RecoveryTime.Seconds()))
	return p.tau
}

// Apply computes the torque at now from the plant's true state and applies
// it with plant.SetExternalTorque; call it once per control cycle, before
// the plant is stepped to the next cycle.
func (p *Patient) Apply(now time.Duration, pl *plant.Plant) {
	pl.SetExternalTorque(p.Torque(now, pl.Position(), pl.Velocity()))
}

func equal(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
