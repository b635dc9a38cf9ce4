package kinematics

// The Featherstone algorithms as they were written before the fast paths of
// dynamics_body.go (spatial vectors passed through small helpers, inertias
// re-derived from the chain at every call): a plain, independent reference
// that the fast paths must reproduce to rounding on every chain.

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// refKinematics sets X, S and I of every body for q from the chain, with no
// caching.
func (d *Dynamics) refKinematics(q []float64) {
	var pose Frame
	for i := range d.body {
		j := &d.chain.Joints[i]
		b := &d.body[i]
		jointPose(&pose, j, q[i])
		b.X.set(&pose)
		if j.Type == Prismatic {
			b.S = spVec{0, 0, 0, j.Axis[0], j.Axis[1], j.Axis[2]}
		} else {
			b.S = spVec{j.Axis[0], j.Axis[1], j.Axis[2], 0, 0, 0}
		}
		b.I.set(&j.Body)
	}
}

// rnea is the recursive Newton–Euler algorithm (Featherstone 2008, Table 5.1)
// writing into tau. qd or qdd nil means zero; gravity selects whether the
// gravity field acts; ext, when not nil, is a wrench the environment applies to
// the tip. It assumes kinematics(q) has run.
func (d *Dynamics) refRNEA(tau, qd, qdd []float64, gravity bool, ext *[6]float64) {
	var vp, ap spVec // parent velocity and acceleration; the base is at rest
	if gravity {
		ap = d.baseAcceleration()
	}
	for i := range d.body {
		b := &d.body[i]
		b.v = b.X.motion(&vp)
		b.a = b.X.motion(&ap)
		if qd != nil {
			var vJ spVec
			for k := range vJ {
				vJ[k] = b.S[k] * qd[i]
			}
			for k := range b.v {
				b.v[k] += vJ[k]
			}
			c := spCrossMotion(&b.v, &vJ)
			for k := range b.a {
				b.a[k] += c[k]
			}
		}
		if qdd != nil {
			for k := range b.a {
				b.a[k] += b.S[k] * qdd[i]
			}
		}
		// Newton–Euler equation of body i: f = I·a + v ×* I·v.
		b.f = b.I.mul(&b.a)
		if qd != nil {
			iv := b.I.mul(&b.v)
			bias := spCrossForce(&b.v, &iv)
			for k := range b.f {
				b.f[k] += bias[k]
			}
		}
		vp, ap = b.v, b.a
	}
	n := len(d.body)
	if ext != nil && n > 0 {
		fe := d.tipWrench(ext)
		for k := range fe {
			d.body[n-1].f[k] -= fe[k]
		}
	}
	// Backward pass: each joint carries the net force of everything outboard.
	for i := n - 1; i >= 0; i-- {
		b := &d.body[i]
		tau[i] = spDot(&b.S, &b.f)
		if i > 0 {
			fp := b.X.forceT(&b.f)
			p := &d.body[i-1].f
			for k := range p {
				p[k] += fp[k]
			}
		}
	}
}

// crba is the composite-rigid-body algorithm writing M into dst (DoF×DoF).
// It assumes kinematics(q) has run and reads only X, S and I, which rnea
// leaves alone.
func (d *Dynamics) refCRBA(dst *mat.SymDense) {
	n := len(d.body)
	for i := range d.body {
		d.body[i].Ic = d.body[i].I
	}
	// Composite inertias, tip to base: what joint i moves when the joints
	// outboard of it are locked.
	for i := n - 1; i > 0; i-- {
		d.body[i-1].Ic.addTransformed(&d.body[i].X, &d.body[i].Ic)
	}
	for i := 0; i < n; i++ {
		b := &d.body[i]
		// F is the spatial force that accelerates the composite body i at
		// unit joint acceleration; carried inboard it gives row i of M.
		F := b.Ic.mul(&b.S)
		dst.SetSym(i, i, spDot(&b.S, &F))
		for j := i; j > 0; j-- {
			F = d.body[j].X.forceT(&F)
			dst.SetSym(i, j-1, spDot(&d.body[j-1].S, &F))
		}
	}
}

// aba is the articulated-body algorithm in body coordinates (Featherstone
// 2008, Table 7.1, for a serial chain of 1-DoF joints).
func (d *Dynamics) refABA(qdd, q, qd, tau []float64, ext *[6]float64) {
	n := len(d.body)
	d.refKinematics(q)
	// Pass 1, base to tip: velocities, velocity-product accelerations, and
	// each body's own inertia and bias force as the starting articulated
	// quantities.
	var vp spVec
	for i := range d.body {
		b := &d.body[i]
		var vJ spVec
		for k := range vJ {
			vJ[k] = b.S[k] * qd[i]
		}
		b.v = b.X.motion(&vp)
		for k := range b.v {
			b.v[k] += vJ[k]
		}
		b.c = spCrossMotion(&b.v, &vJ)
		b.I.mat6(&b.IA)
		iv := b.I.mul(&b.v)
		b.f = spCrossForce(&b.v, &iv)
		vp = b.v
	}
	if ext != nil && n > 0 {
		fe := d.tipWrench(ext)
		for k := range fe {
			d.body[n-1].f[k] -= fe[k]
		}
	}
	// Pass 2, tip to base: articulated-body inertias Iᴬ and bias forces pᴬ.
	// Body i's joint is free, so only the part of Iᴬ that the joint cannot
	// relieve, Iᴬ − U·Uᵀ/D, passes to the parent.
	for i := n - 1; i >= 0; i-- {
		b := &d.body[i]
		b.U = spMat6Vec(&b.IA, &b.S)
		b.D = spDot(&b.S, &b.U)
		b.u = tau[i] - spDot(&b.S, &b.f)
		if i == 0 {
			break
		}
		var Ia [36]float64
		for r := 0; r < 6; r++ {
			for c := 0; c < 6; c++ {
				Ia[6*r+c] = b.IA[6*r+c] - b.U[r]*b.U[c]/b.D
			}
		}
		pa := spMat6Vec(&Ia, &b.c)
		ud := b.u / b.D
		for k := range pa {
			pa[k] += b.f[k] + b.U[k]*ud
		}
		p := &d.body[i-1]
		spAddTransformed6(&p.IA, &b.X, &Ia)
		fp := b.X.forceT(&pa)
		for k := range fp {
			p.f[k] += fp[k]
		}
	}
	// Pass 3, base to tip: accelerations, with gravity as a base acceleration.
	ap := d.baseAcceleration()
	for i := range d.body {
		b := &d.body[i]
		a := b.X.motion(&ap)
		for k := range a {
			a[k] += b.c[k]
		}
		qdd[i] = (b.u - spDot(&b.U, &a)) / b.D
		for k := range a {
			a[k] += b.S[k] * qdd[i]
		}
		b.a = a
		ap = a
	}
}

// TestFastPathsMatchReference: Gravity, Coriolis, InverseDynamics(Ext),
// MassMatrix and ForwardDynamics(Ext) equal the reference algorithms above to
// rounding (1e-12 relative to the largest element of the result, 1e-12
// absolute below 1) on the shared robots, chiron's PSM (prismatic insertion)
// and exoskeleton, and random chains with arbitrary axes and mixed joint
// types, so the specialised code paths (axis-aligned revolute joints, cached
// inertias, gravity without the velocity pass) are each checked against the
// general ones.
func TestFastPathsMatchReference(t *testing.T) {
	for _, tc := range dynCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			n := c.DoF()
			d := NewDynamics(c)
			rng := rand.New(rand.NewPCG(31, uint64(n)))
			got, want := make([]float64, n), make([]float64, n)
			M, Mref := mat.NewSymDense(n, nil), mat.NewSymDense(n, nil)
			wr := [6]float64{3, -2, 5, 0.4, -0.3, 0.2}
			for trial := 0; trial < 20; trial++ {
				q, qd, qdd := dynState(rng, c)
				tau := make([]float64, n)
				for k := range tau {
					tau[k] = 20*rng.Float64() - 10
				}
				for _, alg := range []struct {
					name string
					fast func(out []float64)
					ref  func(out []float64)
				}{
					{"Gravity", func(o []float64) { d.Gravity(o, q) },
						func(o []float64) { d.refKinematics(q); d.refRNEA(o, nil, nil, true, nil) }},
					{"Coriolis", func(o []float64) { d.Coriolis(o, q, qd) },
						func(o []float64) { d.refKinematics(q); d.refRNEA(o, qd, nil, false, nil) }},
					{"InverseDynamics", func(o []float64) { d.InverseDynamics(o, q, qd, qdd) },
						func(o []float64) { d.refKinematics(q); d.refRNEA(o, qd, qdd, true, nil) }},
					{"InverseDynamicsExt", func(o []float64) { d.InverseDynamicsExt(o, q, qd, qdd, wr) },
						func(o []float64) { d.refKinematics(q); d.refRNEA(o, qd, qdd, true, &wr) }},
					{"ForwardDynamics", func(o []float64) { d.ForwardDynamics(o, q, qd, tau) },
						func(o []float64) { d.refABA(o, q, qd, tau, nil) }},
					{"ForwardDynamicsExt", func(o []float64) { d.ForwardDynamicsExt(o, q, qd, tau, wr) },
						func(o []float64) { d.refABA(o, q, qd, tau, &wr) }},
				} {
					alg.ref(want)
					alg.fast(got)
					scale := 1.0
					for _, w := range want {
						scale = math.Max(scale, math.Abs(w))
					}
					for k := range got {
						if !(math.Abs(got[k]-want[k]) <= 1e-12*scale) { // NaN fails too
							t.Fatalf("trial %d %s joint %d: got %.17g, reference %.17g", trial, alg.name, k, got[k], want[k])
						}
					}
				}
				d.MassMatrix(M, q)
				d.refKinematics(q)
				d.refCRBA(Mref)
				scale := math.Max(1, mat.Norm(Mref, math.Inf(1)))
				for i := 0; i < n; i++ {
					for j := 0; j < n; j++ {
						if !(math.Abs(M.At(i, j)-Mref.At(i, j)) <= 1e-12*scale) {
							t.Fatalf("trial %d M(%d,%d): got %.17g, reference %.17g", trial, i, j, M.At(i, j), Mref.At(i, j))
						}
					}
				}
			}
		})
	}
}

// TestChainEditsTakeEffect: the cached body inertias and axes follow edits to
// the chain (a payload on the last body, a flipped axis) at the next call, as
// the Dynamics documentation promises.
func TestChainEditsTakeEffect(t *testing.T) {
	c := dynRandomChain(rand.New(rand.NewPCG(41, 43)), 5)
	for i := range c.Joints {
		c.Joints[i].Type, c.Joints[i].Axis = Revolute, [3]float64{0, 0, 1}
		c.Joints[i].Lower, c.Joints[i].Upper = -2.5, 2.5
	}
	n := c.DoF()
	d := NewDynamics(c)
	q, qd, qdd := dynState(rand.New(rand.NewPCG(47, 53)), c)
	got, want := make([]float64, n), make([]float64, n)
	for _, edit := range []struct {
		name string
		f    func()
	}{
		{"payload", func() { c.Joints[n-1].Body.Mass += 2; c.Joints[n-1].Body.COM[0] += 0.1 }},
		{"axis flipped", func() { c.Joints[1].Axis = [3]float64{0, 0, -1} }},
		{"general axis", func() { c.Joints[2].Axis = [3]float64{0.6, 0, 0.8} }},
		{"prismatic", func() { c.Joints[3].Type = Prismatic }},
		{"rotational inertia", func() { c.Joints[0].Body.I[4] += 0.5 }},
	} {
		d.InverseDynamics(got, q, qd, qdd) // fills the cache before the edit
		edit.f()
		d.InverseDynamics(got, q, qd, qdd)
		fresh := NewDynamics(c)
		fresh.refKinematics(q)
		fresh.refRNEA(want, qd, qdd, true, nil)
		for k := range got {
			if !(math.Abs(got[k]-want[k]) <= 1e-12*math.Max(1, math.Abs(want[k]))) { // NaN fails too
				t.Fatalf("after %s: joint %d got %.17g, a fresh workspace %.17g", edit.name, k, got[k], want[k])
			}
		}
	}
}

// TestBodyTransformsMatchJointPose: the per-axis closed forms of
// Dynamics.kinematics give jointPose's transform bit for bit for revolute
// joints about ±x, ±y, ±z, and the general path for other axes and prismatic
// joints.
func TestBodyTransformsMatchJointPose(t *testing.T) {
	rng := rand.New(rand.NewPCG(59, 61))
	c := dynRandomChain(rng, 9)
	axes := [][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {-1, 0, 0}, {0, -1, 0}, {0, 0, -1}}
	for i := range 6 {
		c.Joints[i].Type, c.Joints[i].Axis = Revolute, axes[i]
		c.Joints[i].Lower, c.Joints[i].Upper = -2.5, 2.5
	}
	c.Joints[6].Type = Continuous
	c.Joints[7].Type, c.Joints[7].Lower, c.Joints[7].Upper = Prismatic, -0.3, 0.3
	d := NewDynamics(c)
	for trial := 0; trial < 50; trial++ {
		q, _, _ := dynState(rng, c)
		d.kinematics(q)
		for i := range c.Joints {
			var want Frame
			jointPose(&want, &c.Joints[i], q[i])
			if d.body[i].X.R != want.R || d.body[i].X.r != want.P {
				t.Fatalf("trial %d joint %d (axis %v, %v): X = %v %v, jointPose %v %v", trial, i, c.Joints[i].Axis, c.Joints[i].Type, d.body[i].X.R, d.body[i].X.r, want.R, want.P)
			}
		}
	}
}
