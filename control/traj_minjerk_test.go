package control

import (
	"math"
	"testing"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
)

func TestMinJerkProfile(t *testing.T) {
	const T = 2.0
	// Boundary conditions: rest to rest, s from 0 to 1.
	for _, c := range []struct{ t, s, sd, sdd float64 }{{0, 0, 0, 0}, {T, 1, 0, 0}, {T / 2, 0.5, 1.875 / T, 0}, {-1, 0, 0, 0}, {T + 1, 1, 0, 0}} {
		s, sd, sdd := MinJerk(c.t, T)
		if math.Abs(s-c.s) > 1e-12 || math.Abs(sd-c.sd) > 1e-12 || math.Abs(sdd-c.sdd) > 1e-12 {
			t.Errorf("t=%v: (%v, %v, %v), want (%v, %v, %v)", c.t, s, sd, sdd, c.s, c.sd, c.sdd)
		}
	}
	// Derivatives by central differences, and the peaks.
	peakV, peakA := 0.0, 0.0
	const h = 1e-6
	for k := 1; k < 1000; k++ {
		tt := T * float64(k) / 1000
		s0, _, _ := MinJerk(tt-h, T)
		_, sd, sdd := MinJerk(tt, T)
		s2, _, _ := MinJerk(tt+h, T)
		_, sdA, _ := MinJerk(tt+h, T)
		_, sdB, _ := MinJerk(tt-h, T)
		if math.Abs((s2-s0)/(2*h)-sd) > 1e-6 || math.Abs((sdA-sdB)/(2*h)-sdd) > 1e-5 {
			t.Fatalf("t=%v: derivatives inconsistent", tt)
		}
		peakV, peakA = math.Max(peakV, sd), math.Max(peakA, math.Abs(sdd))
	}
	if math.Abs(peakV*T-MinJerkPeakVelocity) > 1e-6 || math.Abs(peakA*T*T-MinJerkPeakAcceleration) > 1e-3 {
		t.Errorf("peaks ṡ·T = %v, |s̈|·T² = %v", peakV*T, peakA*T*T)
	}
}

func TestJointMinJerkRespectsLimits(t *testing.T) {
	vmax := []float64{1, 2, 0.5}
	amax := []float64{10, 1, 10}
	m, err := NewJointMinJerk(vmax, amax)
	if err != nil {
		t.Fatal(err)
	}
	q0, q1 := []float64{0, 0, 1}, []float64{1, 0.5, 0}
	d, err := m.Plan(q0, q1, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Joint 2 (1 rad at 0.5 rad/s) decides: T = 1.875·1/0.5 = 3.75 s; joint
	// 1's acceleration would need only √(5.7735·0.5/1) = 1.70 s.
	if math.Abs(d.Seconds()-3.75) > 1e-6 {
		t.Fatalf("duration %v, want 3.75 s", d)
	}
	sp := NewSetpoint(3)
	peakV, peakA := make([]float64, 3), make([]float64, 3)
	for k := 0; k <= 4000; k++ {
		m.Sample(time.Duration(k)*time.Millisecond, sp)
		for i := range 3 {
			peakV[i] = math.Max(peakV[i], math.Abs(sp.Qd[i]))
			peakA[i] = math.Max(peakA[i], math.Abs(sp.Qdd[i]))
		}
	}
	for i := range 3 {
		if peakV[i] > vmax[i]+1e-9 || peakA[i] > amax[i]+1e-9 {
			t.Errorf("joint %d peaks %v rad/s, %v rad/s² exceed %v, %v", i, peakV[i], peakA[i], vmax[i], amax[i])
		}
	}
	if math.Abs(peakV[2]-vmax[2]) > 1e-3 {
		t.Errorf("limiting joint peaks at %v, want its limit %v (shortest duration)", peakV[2], vmax[2])
	}
	if maxAbsDiff(sp.Q, q1) != 0 || sp.Qd[0] != 0 {
		t.Errorf("end %v %v", sp.Q, sp.Qd)
	}
	// The acceleration limit decides for a short move on a fast joint.
	if d, _ = m.Plan([]float64{0, 0, 0}, []float64{0, 0.1, 0}, 0); math.Abs(d.Seconds()-math.Sqrt(MinJerkPeakAcceleration*0.1/1)) > 1e-6 {
		t.Errorf("acceleration-limited duration %v", d)
	}
	if d, _ = m.Plan(q0, q0, time.Second); d != time.Second {
		t.Errorf("minimum duration not honoured: %v", d)
	}
	if _, err := m.Plan(q0, []float64{1}, 0); err == nil {
		t.Error("short target accepted")
	}
	if _, err := NewJointMinJerk([]float64{1}, []float64{0}); err == nil {
		t.Error("zero acceleration limit accepted")
	}
	if a := testing.AllocsPerRun(100, func() { m.Plan(q0, q1, 0); m.Sample(time.Second, sp) }); a != 0 {
		t.Errorf("Plan+Sample allocate %v times", a)
	}
}

func TestCartesianMinJerk(t *testing.T) {
	a := kinematics.Frame{R: kinematics.RPY(0.1, -0.2, 0.3), P: [3]float64{0.4, 0, 0.5}}
	b := kinematics.Frame{R: kinematics.RPY(-0.5, 0.4, 1.2), P: [3]float64{0.5, 0.2, 0.3}}
	m, err := NewCartesianMinJerk(CartesianLimits{Velocity: 0.2, Acceleration: 0.5, AngularVelocity: 1, AngularAcceleration: 2})
	if err != nil {
		t.Fatal(err)
	}
	d, err := m.Plan(&a, &b, 0)
	if err != nil {
		t.Fatal(err)
	}
	dist := 0.3 // |(0.1, 0.2, −0.2)|
	ang := norm3(kinematics.RotationError(&b.R, &a.R))
	want := math.Max(math.Max(1.875*dist/0.2, math.Sqrt(MinJerkPeakAcceleration*dist/0.5)),
		math.Max(1.875*ang/1, math.Sqrt(MinJerkPeakAcceleration*ang/2)))
	if math.Abs(d.Seconds()-want) > 1e-6 {
		t.Fatalf("duration %v, want %v s", d, want)
	}
	p0, _, _ := m.SampleFrame(0)
	p1, tw1, _ := m.SampleFrame(d)
	if dist3(p0.P, a.P) > 1e-12 || norm3(kinematics.RotationError(&p0.R, &a.R)) > 1e-12 ||
		dist3(p1.P, b.P) > 1e-12 || norm3(kinematics.RotationError(&p1.R, &b.R)) > 1e-9 || tw1 != ([6]float64{}) {
		t.Fatalf("end points %+v %+v", p0, p1)
	}
	// The twist is the derivative of the pose, the path a straight line and a
	// single-axis rotation, and the limits hold.
	const h = time.Microsecond
	sp := NewSetpoint(1)
	for k := 1; k < 100; k++ {
		tt := d * time.Duration(k) / 100
		pa, _, _ := m.SampleFrame(tt - h)
		pb, _, _ := m.SampleFrame(tt + h)
		m.Sample(tt, sp)
		if !sp.HasPose || !sp.HasTwist {
			t.Fatal("sample without pose or twist")
		}
		rv := kinematics.RotationError(&pb.R, &pa.R)
		for i := range 3 {
			lin := (pb.P[i] - pa.P[i]) / (2 * h.Seconds())
			angv := rv[i] / (2 * h.Seconds())
			if math.Abs(lin-sp.Twist[i]) > 1e-6 || math.Abs(angv-sp.Twist[3+i]) > 1e-5 {
				t.Fatalf("t=%v: twist %v, finite differences lin %v ang %v (axis %d)", tt, sp.Twist, lin, angv, i)
			}
		}
		if v := norm3([3]float64{sp.Twist[0], sp.Twist[1], sp.Twist[2]}); v > 0.2+1e-9 {
			t.Fatalf("speed %v > 0.2 m/s", v)
		}
		if w := norm3([3]float64{sp.Twist[3], sp.Twist[4], sp.Twist[5]}); w > 1+1e-9 {
			t.Fatalf("angular speed %v > 1 rad/s", w)
		}
	}
	if n := testing.AllocsPerRun(100, func() { m.Plan(&a, &b, 0); m.Sample(time.Second, sp) }); n != 0 {
		t.Errorf("Plan+Sample allocate %v times", n)
	}
}
