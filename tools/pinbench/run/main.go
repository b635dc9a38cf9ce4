// Command run times chiron, Pinocchio and Orocos KDL side by side on the same
// chains and states, interleaved: the C++ pinbench runs as a server
// (-serve) and, in every round and for every algorithm, chiron (in this
// process), Pinocchio (both of its conventions for CRBA and ABA, the faster
// counts) and KDL are timed back to back in an order that rotates from round
// to round. The table reports per-call medians over the rounds and the median
// of the per-round ratios (ratios of figures measured milliseconds apart, so a
// machine whose load drifts still compares like with like).
// Before timing it checks that the three libraries agree on the first states
// (largest |Δ| per algorithm against chiron).
//
//	make -C tools/pinbench PINOCCHIO=/path/to/pinocchio-install
//	go run ./tools/pinbench/run -bin tools/pinbench/pinbench -robots panda,ur5 -rounds 9
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chiron-robotics/chiron/kinematics"
	"github.com/chiron-robotics/chiron/tools/pinbench/dynfile"
	"gonum.org/v1/gonum/mat"
)

// algs are the compared algorithms in table order, with their table labels.
var algs = []struct{ key, label string }{
	{"fk", "FK (tip pose)"},
	{"jacobian", "Jacobian (tip, base axes)"},
	{"gravity", "gravity g(q)"},
	{"rnea", "inverse dynamics (RNEA)"},
	{"crba", "mass matrix (CRBA)"},
	{"aba", "forward dynamics (ABA)"},
}

func main() {
	bin := flag.String("bin", "tools/pinbench/pinbench", "the C++ pinbench binary")
	robots := flag.String("robots", "panda,ur5", "shared robots, comma-separated")
	rounds := flag.Int("rounds", 9, "interleaved rounds")
	reps := flag.Int("reps", 20, "passes over the states per figure")
	n := flag.Int("n", 1000, "states")
	seed := flag.Uint64("seed", 1, "seed of the states")
	check := flag.Int("check", 20, "states checked for agreement")
	flag.Parse()
	if *rounds < 1 || *reps < 1 {
		fmt.Fprintln(os.Stderr, "run: -rounds and -reps must be at least 1")
		os.Exit(2)
	}
	for _, r := range strings.Split(*robots, ",") {
		if err := bench(*bin, r, *rounds, *reps, *n, *seed, *check); err != nil {
			fmt.Fprintf(os.Stderr, "run: %s: %v\n", r, err)
			os.Exit(1)
		}
	}
}

func bench(bin, robot string, rounds, reps, n int, seed uint64, check int) error {
	c0, g, states0, err := dynfile.Build(robot, "", "", "", n, seed)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := dynfile.Write(&buf, c0, g, states0); err != nil {
		return err
	}
	input := buf.Bytes()
	// chiron runs on the chain and states read back from the file, the very
	// numbers the C++ side parses.
	c, g, states, err := dynfile.Read(bytes.NewReader(input))
	if err != nil {
		return err
	}
	ch := newChiron(c, g, states)
	if err := agree(bin, input, ch, min(check, len(states))); err != nil {
		return err
	}
	f, err := os.CreateTemp("", "pinbench-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(input); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	srv, err := startServer(bin, f.Name())
	if err != nil {
		return err
	}
	defer srv.close()
	// figures[lib][alg] over rounds; ratio[alg] per round. Within a round,
	// each algorithm's figures are taken back to back (a few ms each) in an
	// order that rotates from round to round, so a load that drifts over
	// seconds weighs on all three alike.
	figures := map[string]map[string][]float64{"chiron": {}, "pinocchio": {}, "kdl": {}}
	ratioPin, ratioKDL := map[string][]float64{}, map[string][]float64{}
	for r := 0; r < rounds; r++ {
		fmt.Fprintf(os.Stderr, "%s round %d:", robot, r+1)
		for _, a := range algs {
			jobs := []string{"chiron", "pinocchio " + a.key, "kdl " + a.key}
			if a.key == "crba" || a.key == "aba" {
				jobs = []string{"chiron", "pinocchio " + a.key + "/local", "pinocchio " + a.key + "/world", "kdl " + a.key}
			}
			got := map[string]float64{}
			for k := range jobs {
				job := jobs[(k+r)%len(jobs)]
				var v float64
				if job == "chiron" {
					v = ch.time(a.key, reps)
				} else if v, err = srv.time(job, reps); err != nil {
					return err
				}
				lib := strings.Fields(job)[0]
				if old, ok := got[lib]; !ok || v < old {
					got[lib] = v // Pinocchio: the faster convention
				}
			}
			for lib, v := range got {
				figures[lib][a.key] = append(figures[lib][a.key], v)
			}
			ratioPin[a.key] = append(ratioPin[a.key], got["chiron"]/got["pinocchio"])
			ratioKDL[a.key] = append(ratioKDL[a.key], got["chiron"]/got["kdl"])
			fmt.Fprintf(os.Stderr, " %s %.0f/%.0f/%.0f", a.key, got["chiron"], got["pinocchio"], got["kdl"])
		}
		fmt.Fprintln(os.Stderr)
	}
	fmt.Printf("\n%s (%d DoF), %d states × %d passes per figure, %d interleaved rounds; ns per call, medians:\n\n", robot, c.DoF(), len(states), reps, rounds)
	fmt.Println("| per call | chiron | Pinocchio 3.7.0 | Orocos KDL | chiron / Pinocchio | chiron / KDL |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: |")
	for _, a := range algs {
		fmt.Printf("| %s | %.0f | %.0f | %.0f | %.2f | %.2f |\n", a.label, median(figures["chiron"][a.key]), median(figures["pinocchio"][a.key]),
			median(figures["kdl"][a.key]), median(ratioPin[a.key]), median(ratioKDL[a.key]))
	}
	return nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// server is a running "pinbench -serve": one figure per command.
type server struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Scanner
}

func startServer(bin, file string) (*server, error) {
	cmd := exec.Command(bin, "-serve", file)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", bin, err)
	}
	return &server{cmd: cmd, in: in, out: bufio.NewScanner(out)}, nil
}

// time asks for the figure of job ("<library> <algorithm>"), ns per call.
func (s *server) time(job string, reps int) (float64, error) {
	if _, err := fmt.Fprintf(s.in, "%s %d\n", job, reps); err != nil {
		return 0, fmt.Errorf("pinbench -serve: %w", err)
	}
	if !s.out.Scan() {
		return 0, fmt.Errorf("pinbench -serve: no answer to %q (%v)", job, s.out.Err())
	}
	f := strings.Fields(s.out.Text())
	if len(f) != 3 || f[0]+" "+f[1] != job {
		return 0, fmt.Errorf("pinbench -serve: answer %q to %q", s.out.Text(), job)
	}
	v, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return 0, fmt.Errorf("pinbench -serve: answer %q: %w", s.out.Text(), err)
	}
	return v, nil
}

func (s *server) close() {
	s.in.Close()
	s.cmd.Wait()
}

// chiron holds chiron's workspaces and outputs for the states.
type chiron struct {
	c      *kinematics.Chain
	w      *kinematics.Workspace
	d      *kinematics.Dynamics
	states []dynfile.State
	pose   kinematics.Frame
	J      *mat.Dense
	M      *mat.SymDense
	out    []float64
}

func newChiron(c *kinematics.Chain, g [3]float64, states []dynfile.State) *chiron {
	d := kinematics.NewDynamics(c)
	d.G = g
	n := c.DoF()
	return &chiron{c: c, w: kinematics.NewWorkspace(c), d: d, states: states,
		J: mat.NewDense(6, n, nil), M: mat.NewSymDense(n, nil), out: make([]float64, n)}
}

// call runs algorithm alg on state s.
func (ch *chiron) call(alg string, s *dynfile.State) {
	switch alg {
	case "fk":
		ch.w.FK(&ch.pose, s.Q)
	case "jacobian":
		ch.w.Jacobian(ch.J, s.Q)
	case "gravity":
		ch.d.Gravity(ch.out, s.Q)
	case "rnea":
		ch.d.InverseDynamics(ch.out, s.Q, s.Qd, s.Qdd)
	case "crba":
		ch.d.MassMatrix(ch.M, s.Q)
	case "aba":
		ch.d.ForwardDynamics(ch.out, s.Q, s.Qd, s.Tau)
	}
}

// result returns the output of the last call of alg in the dump's layout.
func (ch *chiron) result(alg string) []float64 {
	switch alg {
	case "fk":
		return append(ch.pose.P[:], ch.pose.R[:]...)
	case "jacobian":
		return slices.Clone(ch.J.RawMatrix().Data)
	case "crba":
		n := ch.c.DoF()
		v := make([]float64, 0, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				v = append(v, ch.M.At(i, j))
			}
		}
		return v
	}
	return slices.Clone(ch.out)
}

// time returns ns per call of alg, measured as the C++ side measures (a
// warm-up over the first 50 states, then reps passes over all). The call goes
// through a switch as the C++ side's goes through std::function.
func (ch *chiron) time(alg string, reps int) float64 {
	for i := range min(50, len(ch.states)) {
		ch.call(alg, &ch.states[i])
	}
	t0 := time.Now()
	for range reps {
		for i := range ch.states {
			ch.call(alg, &ch.states[i])
		}
	}
	return float64(time.Since(t0).Nanoseconds()) / float64(reps*len(ch.states))
}

// agree compares Pinocchio's and KDL's results on the first k states with
// chiron's and prints the largest |Δ| per algorithm; it fails when one
// exceeds 1e-6 (the shared reference's tolerance for torques, relative to
// magnitudes of order 1–100).
func agree(bin string, input []byte, ch *chiron, k int) error {
	cmd := exec.Command(bin, "-dump", strconv.Itoa(k))
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s -dump: %w: %s", bin, err, stderr.String())
	}
	worst := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 {
			return fmt.Errorf("%s -dump: line %q", bin, sc.Text())
		}
		s, err := strconv.Atoi(f[2])
		if err != nil || s < 0 || s >= len(ch.states) {
			return fmt.Errorf("%s -dump: state in %q", bin, sc.Text())
		}
		alg := strings.Split(f[1], "/")[0]
		ch.call(alg, &ch.states[s])
		want := ch.result(alg)
		if len(f)-3 != len(want) {
			return fmt.Errorf("%s -dump: %s %s has %d values, chiron %d", bin, f[0], f[1], len(f)-3, len(want))
		}
		key := f[0] + " " + f[1]
		for i, tok := range f[3:] {
			v, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return fmt.Errorf("%s -dump: %q: %w", bin, tok, err)
			}
			worst[key] = math.Max(worst[key], math.Abs(v-want[i]))
		}
	}
	keys := make([]string, 0, len(worst))
	for k := range worst {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Printf("agreement with chiron over %d states (largest |Δ|):", k)
	for _, key := range keys {
		fmt.Printf(" %s %.2g;", key, worst[key])
	}
	fmt.Println()
	for _, key := range keys {
		if worst[key] > 1e-6 {
			return fmt.Errorf("%s differs from chiron by %.3g", key, worst[key])
		}
	}
	return nil
}
