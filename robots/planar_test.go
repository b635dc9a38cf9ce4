package robots

import (
	"math"
	"testing"

	"github.com/chiron-robotics/chiron/kinematics"
)

func TestShippedPlanarURDFIsGenerated(t *testing.T) {
	want, err := PlanarURDF(DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	checkShipped(t, "planar_2dof.urdf", want)
}

func TestPlanarKinematicsAndNoGravity(t *testing.T) {
	c, err := Planar(DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	w := kinematics.NewWorkspace(c)
	d := kinematics.NewDynamics(c)
	tau := make([]float64, 2)
	for _, q := range [][]float64{{0, math.Pi / 2}, {0.3, 1.2}, {2.5, 0.4}} {
		var fr kinematics.Frame
		w.FK(&fr, q)
		x := 0.4*math.Cos(q[0]) + 0.4*math.Cos(q[0]+q[1])
		y := 0.4*math.Sin(q[0]) + 0.4*math.Sin(q[0]+q[1])
		if math.Abs(fr.P[0]-x) > 1e-9 || math.Abs(fr.P[1]-y) > 1e-9 || math.Abs(fr.P[2]) > 1e-12 {
			t.Errorf("q=%v: handle %v, want (%g, %g, 0)", q, fr.P, x, y)
		}
		d.Gravity(tau, q)
		if math.Abs(tau[0]) > 1e-9 || math.Abs(tau[1]) > 1e-9 {
			t.Errorf("q=%v: gravity torque %v in a horizontal plane", q, tau)
		}
	}
	var total float64
	for _, j := range c.Joints {
		total += j.Body.Mass
	}
	if math.Abs(total-4) > 1e-9 {
		t.Fatalf("moving mass %g kg, want 4", total)
	}
	if _, err := Planar(PlanarSpec{Link1: -1}); err == nil {
		t.Fatal("negative link accepted")
	}
	if _, err := Planar(PlanarSpec{Link1: 2}); err == nil {
		t.Fatal("2 m link accepted")
	}
}

func TestPlanarMassMatrixClosedForm(t *testing.T) {
	c, err := Planar(DefaultPlanarSpec)
	if err != nil {
		t.Fatal(err)
	}
	d := kinematics.NewDynamics(c)
	// Closed form (e.g. Spong, Hutchinson & Vidyasagar, §7.3) with link 2 and
	// the handle as one body of mass m2, COM lc2, inertia I2 about the COM.
	l1, m1, lc1 := 0.4, 2.0, 0.2
	I1 := m1 * l1 * l1 / 12
	mb, mh, l2 := 1.5, 0.5, 0.4
	m2 := mb + mh
	lc2 := (mb*0.2 + mh*0.4) / m2
	I2 := mb*l2*l2/12 + mb*(0.2-lc2)*(0.2-lc2) + mh*(l2-lc2)*(l2-lc2)
	// The URDF holds 6 significant digits: compare to 1e-6.
	for _, q2 := range []float64{0.5, math.Pi / 2, 2.5} {
		q := []float64{0.1, q2}
		qd := []float64{0, 0}
		tau := make([]float64, 2)
		d.InverseDynamics(tau, q, qd, []float64{1, 0}) // first column of M
		m11 := m1*lc1*lc1 + m2*(l1*l1+lc2*lc2+2*l1*lc2*math.Cos(q2)) + I1 + I2
		m21 := m2*(lc2*lc2+l1*lc2*math.Cos(q2)) + I2
		if math.Abs(tau[0]-m11) > 1e-6 || math.Abs(tau[1]-m21) > 1e-6 {
			t.Errorf("q2=%g: M col 1 = %v, want %g %g", q2, tau, m11, m21)
		}
	}
}
