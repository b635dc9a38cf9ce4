package kinematics

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// withShaft returns a copy of c whose tip is moved length m along the tip's z
// axis: a straight instrument on the flange, tip frame at the instrument tip.
func withShaft(c *Chain, length float64) *Chain {
	cc := *c
	cc.Joints = append([]Joint(nil), c.Joints...)
	ext := Frame{R: Identity().R, P: [3]float64{0, 0, length}}
	cc.Tip.Mul(&c.Tip, &ext)
	return &cc
}

func TestShaftFrame(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for i := 0; i < 200; i++ {
		port := [3]float64{r.NormFloat64(), r.NormFloat64(), r.NormFloat64()}
		tip := [3]float64{r.NormFloat64(), r.NormFloat64(), r.NormFloat64()}
		if i == 0 {
			tip = [3]float64{port[0], port[1], port[2] - 0.2} // straight down
		}
		roll := (r.Float64()*2 - 1) * math.Pi
		f, err := ShaftFrame(port, tip, roll)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkRotation(&f.R); err != nil {
			t.Fatal(err)
		}
		if e, ins := ShaftRCMError(&f, port); e > 1e-12 || math.Abs(ins-math.Sqrt(sq3(sub3(tip, port)))) > 1e-12 {
			t.Fatalf("shaft misses the port by %g (insertion %g)", e, ins)
		}
		if got := ShaftRoll(&f.R); math.Abs(WrapAngle(got-roll)) > 1e-9 {
			t.Fatalf("ShaftRoll %g, want %g", got, roll)
		}
	}
	if _, err := ShaftFrame([3]float64{1, 2, 3}, [3]float64{1, 2, 3}, 0); !errors.Is(err, ErrInsideMinInsertion) {
		t.Fatalf("tip at the port: %v", err)
	}
}

func sq3(v [3]float64) float64 { return v[0]*v[0] + v[1]*v[1] + v[2]*v[2] }

// TestSolveRCMGeneralArm: a Panda holding a 25 cm straight instrument. Goals
// come from random configurations (so they are reachable): port 12 cm back
// along the shaft from the tip, roll read off the pose. Every solution's
// shaft passes within 1e-6 m of the port, measured independently by FK.
func TestSolveRCMGeneralArm(t *testing.T) {
	_, panda := loadRef(t, "panda")
	c := withShaft(panda, 0.25)
	_, poses := ikTargets(c, nil, ikTestTargets/4, 21)
	clk := &virtualClock{step: ikVirtualStep}
	ik := NewIK(c, IKOptions{Now: clk.Now, Rand: rand.New(rand.NewPCG(1, 1))})
	w := NewWorkspace(c)
	q := make([]float64, c.DoF())
	seed := midRange(c)
	solved := 0
	for i := range poses {
		p := &poses[i]
		z := [3]float64{p.R[2], p.R[5], p.R[8]}
		port := Port{Point: [3]float64{p.P[0] - 0.12*z[0], p.P[1] - 0.12*z[1], p.P[2] - 0.12*z[2]}, MinInsertion: 0.02}
		res, err := ik.SolveRCM(q, seed, port, p.P, ShaftRoll(&p.R))
		if err != nil {
			continue
		}
		solved++
		var f Frame
		w.FK(&f, q)
		e, ins := ShaftRCMError(&f, port.Point)
		if e > 1e-6 || math.Abs(e-res.RCMError) > 1e-15 {
			t.Fatalf("goal %d: shaft %g m from the port (reported %g)", i, e, res.RCMError)
		}
		if math.Abs(ins-0.12) > 1e-6 || math.Abs(WrapAngle(ShaftRoll(&f.R)-ShaftRoll(&p.R))) > 1e-5 {
			t.Fatalf("goal %d: insertion %g, roll %g want %g", i, ins, ShaftRoll(&f.R), ShaftRoll(&p.R))
		}
	}
	t.Logf("solved %d/%d RCM goals", solved, len(poses))
	if float64(solved) < 0.995*float64(len(poses)) {
		t.Errorf("RCM solve rate %d/%d below 0.995", solved, len(poses))
	}
}

func TestSolveRCMRefusesInsideMinInsertion(t *testing.T) {
	_, panda := loadRef(t, "panda")
	ik := NewIK(withShaft(panda, 0.25), IKOptions{})
	q := make([]float64, panda.DoF())
	port := Port{Point: [3]float64{0.5, 0, 0.3}, MinInsertion: 0.03}
	for _, tip := range [][3]float64{{0.5, 0, 0.28}, {0.5, 0, 0.3}} {
		_, err := ik.SolveRCM(q, midRange(panda), port, tip, 0)
		var ie *InsertionError
		if !errors.As(err, &ie) || !errors.Is(err, ErrInsideMinInsertion) || ie.Min != 0.03 || math.Abs(ie.Distance-(0.3-tip[2])) > 1e-12 {
			t.Fatalf("tip %v: got %v", tip, err)
		}
		t.Log(err)
	}
}

// TestMechanicalRCMPSM: the PSM keeps its shaft through the base origin by
// construction; check it from FK over random configurations, solve random
// reachable goals outside the minimum insertion, and refuse those inside.
func TestMechanicalRCMPSM(t *testing.T) {
	_, c := loadRef(t, "psm")
	if c.MinInsertion <= 0 || c.InsertionJoint < 0 {
		t.Fatalf("psm: MinInsertion %g, insertion joint %d", c.MinInsertion, c.InsertionJoint)
	}
	qs, poses := ikTargets(c, nil, ikTestTargets, 31)
	clk := &virtualClock{step: ikVirtualStep}
	ik := NewIK(c, IKOptions{Now: clk.Now, Rand: rand.New(rand.NewPCG(1, 1))})
	w := NewWorkspace(c)
	q := make([]float64, c.DoF())
	seed := midRange(c)
	var solved, tried, refused int
	var worst float64
	for i := range poses {
		// The RCM holds for the sampled configuration itself.
		if e, _ := MechanicalRCMError(w, qs[i]); e > 1e-6 {
			t.Fatalf("config %d: shaft %g m from the RCM", i, e)
		}
		dist := math.Sqrt(sq3(poses[i].P))
		res, err := ik.SolveMechanicalRCM(q, seed, &poses[i])
		if dist < c.MinInsertion {
			var ie *InsertionError
			if !errors.As(err, &ie) || ie.Distance != dist || ie.Min != c.MinInsertion {
				t.Fatalf("goal %d at %g m: got %v, want an InsertionError", i, dist, err)
			}
			refused++
			continue
		}
		tried++
		if err != nil {
			continue
		}
		solved++
		worst = math.Max(worst, res.RCMError)
		if res.RCMError > 1e-6 {
			t.Fatalf("goal %d: solution's shaft %g m from the RCM", i, res.RCMError)
		}
	}
	t.Logf("psm: solved %d/%d goals outside the minimum insertion, refused %d inside; worst RCM error %.3g m", solved, tried, refused, worst)
	if refused == 0 {
		t.Error("no goal inside the minimum insertion was sampled")
	}
	if float64(solved) < 0.995*float64(tried) {
		t.Errorf("PSM solve rate %d/%d below 0.995", solved, tried)
	}
}

func TestSolveMechanicalRCMNeedsInsertionJoint(t *testing.T) {
	_, c := loadRef(t, "ur5")
	ik := NewIK(c, IKOptions{})
	f := Identity()
	if _, err := ik.SolveMechanicalRCM(make([]float64, c.DoF()), midRange(c), &f); !errors.Is(err, ErrNoMechanicalRCM) {
		t.Fatalf("got %v", err)
	}
}

// BenchmarkIKRCM times SolveRCM (Panda with a shaft) and SolveMechanicalRCM (PSM).
func BenchmarkIKRCM(b *testing.B) {
	_, panda := loadRef(b, "panda")
	c := withShaft(panda, 0.25)
	_, poses := ikTargets(c, nil, 200, 21)
	ik := NewIK(c, IKOptions{})
	q := make([]float64, c.DoF())
	seed := midRange(c)
	b.Run("panda-port", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p := &poses[i%len(poses)]
			z := [3]float64{p.R[2], p.R[5], p.R[8]}
			port := Port{Point: [3]float64{p.P[0] - 0.12*z[0], p.P[1] - 0.12*z[1], p.P[2] - 0.12*z[2]}}
			ik.SolveRCM(q, seed, port, p.P, ShaftRoll(&p.R))
		}
	})
	_, psm := loadRef(b, "psm")
	_, pp := ikTargets(psm, nil, 200, 31)
	ikp := NewIK(psm, IKOptions{})
	qp := make([]float64, psm.DoF())
	sp := midRange(psm)
	b.Run("psm", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ikp.SolveMechanicalRCM(qp, sp, &pp[i%len(pp)])
		}
	})
}
