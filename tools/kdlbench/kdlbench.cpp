// kdlbench: Orocos KDL's ChainIkSolverPos_LMA under the TRAC-IK protocol, for
// a back-to-back comparison with chiron's kinematics.IK on the same machine.
//
// Input on stdin (written by ./export, see README.md):
//   kdlbench 1
//   joint <revolute|continuous|prismatic> ax ay az px py pz r11 r12 r13 r21 r22 r23 r31 r32 r33 lower upper
//   ... one line per movable joint: axis in the joint frame; origin = pose of
//       the joint frame in the previous body's frame at q = 0
//   tip px py pz r11 .. r33          pose of the tip in the last joint's frame
//   targets M
//   x y z r11 .. r33                 M target poses of the tip in the base frame
//
// For each target: LMA (unit full-pose weights L = 1, eps 1e-5, maxiter 500)
// from the mid-range seed, then from configurations uniform within the limits
// until a solution within the limits and the tolerance is found or the budget
// (default 5 ms) is spent. A solution must have ‖Δp‖ ≤ tol and ‖rotation
// vector‖ ≤ tol (checked by FK). Times count every target, failures at their
// elapsed time. Output: "solved N/M rate R median_us X p99_us Y".
#include <kdl/chain.hpp>
#include <kdl/chainfksolverpos_recursive.hpp>
#include <kdl/chainiksolverpos_lma.hpp>
#include <kdl/frames.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <random>
#include <string>
#include <vector>

static KDL::Frame readFrame(std::istream& in) {
  double p[3], r[9];
  for (double& v : p) in >> v;
  for (double& v : r) in >> v;
  return KDL::Frame(KDL::Rotation(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]),
                    KDL::Vector(p[0], p[1], p[2]));
}

static void die(const char* msg) {
  std::fprintf(stderr, "kdlbench: %s\n", msg);
  std::exit(2);
}

int main(int argc, char** argv) {
  double budget_ms = 5.0, tol = 1e-5;
  unsigned seed = 1;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "-budget_ms") && i + 1 < argc) budget_ms = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "-tol") && i + 1 < argc) tol = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "-seed") && i + 1 < argc) seed = std::atoi(argv[++i]);
    else die("usage: kdlbench [-budget_ms 5] [-tol 1e-5] [-seed 1] < chain-and-targets.txt");
  }
  std::string word;
  int version;
  if (!(std::cin >> word >> version) || word != "kdlbench" || version != 1) die("input must start with 'kdlbench 1'");

  KDL::Chain chain;
  std::vector<double> lo, hi;
  std::vector<bool> cont;
  std::vector<std::pair<KDL::Joint, KDL::Frame>> segs;
  std::vector<KDL::Frame> targets;
  while (std::cin >> word) {
    if (word == "joint") {
      std::string type;
      double ax[3];
      std::cin >> type >> ax[0] >> ax[1] >> ax[2];
      KDL::Frame origin = readFrame(std::cin);
      double l, u;
      std::cin >> l >> u;
      // As kdl_parser does: the joint's origin and axis in the previous
      // body's frame; Segment stores f_tip relative to the joint at zero.
      KDL::Vector axis = origin.M * KDL::Vector(ax[0], ax[1], ax[2]);
      KDL::Joint::JointType jt = type == "prismatic" ? KDL::Joint::TransAxis : KDL::Joint::RotAxis;
      segs.emplace_back(KDL::Joint("j" + std::to_string(segs.size()), origin.p, axis, jt), origin);
      cont.push_back(type == "continuous");
      if (type == "continuous") { l = -M_PI; u = M_PI; }
      lo.push_back(l);
      hi.push_back(u);
    } else if (word == "tip") {
      KDL::Frame tip = readFrame(std::cin);
      if (segs.empty()) die("tip before any joint");
      segs.back().second = segs.back().second * tip;
    } else if (word == "targets") {
      int m;
      std::cin >> m;
      for (int i = 0; i < m; i++) targets.push_back(readFrame(std::cin));
      if (!std::cin) die("truncated targets");
    } else {
      die(("unknown keyword " + word).c_str());
    }
  }
  for (auto& s : segs) chain.addSegment(KDL::Segment(s.first, s.second));
  const unsigned n = chain.getNrOfJoints();
  if (n == 0 || targets.empty()) die("no joints or no targets");

  Eigen::Matrix<double, 6, 1> L;
  L.setOnes();  // full pose: position in m and rotation in rad weigh the same
  KDL::ChainIkSolverPos_LMA lma(chain, L, tol, 500, 1e-15);
  KDL::ChainFkSolverPos_recursive fk(chain);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uni(0.0, 1.0);

  KDL::JntArray seedq(n), init(n), out(n);
  for (unsigned i = 0; i < n; i++) seedq(i) = (lo[i] + hi[i]) / 2;

  // accept normalises joint values and checks limits and tolerance.
  auto accept = [&](KDL::JntArray& q, const KDL::Frame& target) {
    for (unsigned i = 0; i < n; i++) {
      if (cont[i]) {
        q(i) = std::remainder(q(i), 2 * M_PI);
        continue;
      }
      // A revolute joint may land a full turn outside its range.
      for (int k = 0; k < 3 && q(i) < lo[i]; k++) q(i) += 2 * M_PI;
      for (int k = 0; k < 3 && q(i) > hi[i]; k++) q(i) -= 2 * M_PI;
      if (q(i) < lo[i] || q(i) > hi[i]) return false;
    }
    KDL::Frame f;
    fk.JntToCart(q, f);
    KDL::Twist d = KDL::diff(f, target);
    return d.vel.Norm() <= tol && d.rot.Norm() <= tol;
  };

  std::vector<double> times;
  int solved = 0;
  const auto budget = std::chrono::duration<double, std::milli>(budget_ms);
  for (const KDL::Frame& target : targets) {
    auto t0 = std::chrono::steady_clock::now();
    bool ok = false;
    init = seedq;
    for (;;) {
      int rc = lma.CartToJnt(init, target, out);
      if (rc >= 0 && accept(out, target)) { ok = true; break; }
      if (std::chrono::steady_clock::now() - t0 >= budget) break;
      for (unsigned i = 0; i < n; i++) init(i) = lo[i] + uni(rng) * (hi[i] - lo[i]);
    }
    auto dt = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    times.push_back(dt);
    solved += ok;
  }
  std::sort(times.begin(), times.end());
  size_t m = times.size();
  std::printf("solved %d/%zu rate %.4f median_us %.1f p99_us %.1f\n", solved, m, double(solved) / m,
              times[m / 2], times[std::min(m - 1, size_t(0.99 * m))]);
  return 0;
}
