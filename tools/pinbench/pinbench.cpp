// pinbench: Pinocchio and Orocos KDL timed on the same chain and the same
// states as chiron (tools/pinbench/run drives it and times chiron between its
// rounds; see README.md).
//
// Input on stdin (written by ./export, format in ./dynfile):
//   pinbench 1
//   joint <revolute|continuous|prismatic> ax ay az px py pz r11..r33 m cx cy cz i11..i33
//   tip px py pz r11..r33
//   gravity gx gy gz
//   states M
//   q.. qd.. qdd.. tau..      (M lines)
//
// The Pinocchio model is built as its URDF parser builds one: a joint about
// +x, +y or +z of its frame is JointModelRX/RY/RZ (PX/PY/PZ for prismatic),
// any other axis the Unaligned variant; the body is appended at the joint
// frame and the tip is an operational frame. A continuous joint is modelled
// as revolute (Pinocchio's URDF parser would give it nq = 2, cos and sin,
// with the same dynamics). The KDL chain is built as kdl_parser builds one,
// plus a fixed segment to the tip.
//
// Default: one timing round. For each algorithm, each library runs over all
// M states `reps` times and prints "<library> <algorithm> <ns per call>":
//   fk       Pinocchio forwardKinematics + updateFramePlacement(tip); KDL ChainFkSolverPos_recursive
//   jacobian Pinocchio computeFrameJacobian(tip, LOCAL_WORLD_ALIGNED); KDL ChainJntToJacSolver
//   gravity  Pinocchio computeGeneralizedGravity; KDL ChainDynParam::JntToGravity
//   rnea     Pinocchio rnea; KDL ChainIdSolver_RNE
//   crba     Pinocchio crba, LOCAL and WORLD conventions (upper triangle, as chiron's SymDense);
//            KDL ChainDynParam::JntToMass
//   aba      Pinocchio aba, LOCAL and WORLD conventions; KDL ChainFdSolver_RNE (M, RNE and LDLᵀ)
// -serve FILE reads the chain and states from FILE and then commands
// "<library> <algorithm> <reps>" on stdin, answering each with its figure
// (tools/pinbench/run interleaves them with chiron's, algorithm by algorithm).
// -dump K prints the results for the first K states instead ("<library>
// <algorithm> <state> values..."), for the driver's agreement check.
#include <pinocchio/algorithm/aba.hpp>
#include <pinocchio/algorithm/crba.hpp>
#include <pinocchio/algorithm/frames.hpp>
#include <pinocchio/algorithm/jacobian.hpp>
#include <pinocchio/algorithm/kinematics.hpp>
#include <pinocchio/algorithm/rnea.hpp>
#include <pinocchio/multibody/data.hpp>
#include <pinocchio/multibody/model.hpp>

#include <kdl/chain.hpp>
#include <kdl/chaindynparam.hpp>
#include <kdl/chainfdsolver_recursive_newton_euler.hpp>
#include <kdl/chainfksolverpos_recursive.hpp>
#include <kdl/chainidsolver_recursive_newton_euler.hpp>
#include <kdl/chainjnttojacsolver.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace pin = pinocchio;

static void die(const std::string& msg) {
  std::fprintf(stderr, "pinbench: %s\n", msg.c_str());
  std::exit(2);
}

static std::istream* in = &std::cin;

static void readN(double* dst, int n, const char* what) {
  for (int i = 0; i < n; i++)
    if (!(*in >> dst[i])) die(std::string("truncated or bad number in ") + what);
}

struct JointIn {
  std::string type;
  double axis[3], p[3], r[9], m, com[3], I[9];
};

int main(int argc, char** argv) {
  int reps = 20, dump = 0;
  const char* serve = nullptr;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "-reps") && i + 1 < argc) reps = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "-dump") && i + 1 < argc) dump = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "-serve") && i + 1 < argc) serve = argv[++i];
    else die("usage: pinbench [-reps 20] [-dump K] < chain-and-states.txt | pinbench -serve chain-and-states.txt");
  }
  std::ifstream file;
  if (serve) {
    file.open(serve);
    if (!file) die(std::string("cannot open ") + serve);
    in = &file;
  }
  if (reps < 1) die("-reps must be at least 1");
  std::string word;
  int version;
  if (!(*in >> word >> version) || word != "pinbench" || version != 1) die("input must start with 'pinbench 1'");
  std::vector<JointIn> joints;
  double tip[12] = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
  double g[3] = {0, 0, -9.81};
  std::vector<Eigen::VectorXd> Q, QD, QDD, TAU;
  while (*in >> word) {
    if (word == "joint") {
      JointIn j;
      *in >> j.type;
      if (j.type != "revolute" && j.type != "continuous" && j.type != "prismatic") die("joint type " + j.type);
      readN(j.axis, 3, "joint axis");
      readN(j.p, 3, "joint origin");
      readN(j.r, 9, "joint origin");
      readN(&j.m, 1, "joint mass");
      readN(j.com, 3, "joint centre of mass");
      readN(j.I, 9, "joint inertia");
      joints.push_back(j);
    } else if (word == "tip") {
      readN(tip, 12, "tip");
    } else if (word == "gravity") {
      readN(g, 3, "gravity");
    } else if (word == "states") {
      int m;
      if (!(*in >> m) || m < 1) die("states: count");
      const int n = int(joints.size());
      for (int s = 0; s < m; s++) {
        Eigen::VectorXd v[4];
        for (auto& x : v) {
          x.resize(n);
          readN(x.data(), n, "state");
        }
        Q.push_back(v[0]);
        QD.push_back(v[1]);
        QDD.push_back(v[2]);
        TAU.push_back(v[3]);
      }
    } else {
      die("unknown keyword " + word);
    }
  }
  const int n = int(joints.size());
  if (n == 0 || Q.empty()) die("no joints or no states");

  // Pinocchio model.
  pin::Model model;
  model.gravity.linear(Eigen::Vector3d(g[0], g[1], g[2]));
  pin::JointIndex parent = 0;
  for (int i = 0; i < n; i++) {
    const JointIn& j = joints[i];
    Eigen::Matrix3d R;
    R << j.r[0], j.r[1], j.r[2], j.r[3], j.r[4], j.r[5], j.r[6], j.r[7], j.r[8];
    pin::SE3 placement(R, Eigen::Vector3d(j.p[0], j.p[1], j.p[2]));
    Eigen::Vector3d ax(j.axis[0], j.axis[1], j.axis[2]);
    const std::string name = "j" + std::to_string(i + 1);
    pin::JointIndex id;
    const bool prism = j.type == "prismatic";
    if (ax == Eigen::Vector3d::UnitX()) id = prism ? model.addJoint(parent, pin::JointModelPX(), placement, name) : model.addJoint(parent, pin::JointModelRX(), placement, name);
    else if (ax == Eigen::Vector3d::UnitY()) id = prism ? model.addJoint(parent, pin::JointModelPY(), placement, name) : model.addJoint(parent, pin::JointModelRY(), placement, name);
    else if (ax == Eigen::Vector3d::UnitZ()) id = prism ? model.addJoint(parent, pin::JointModelPZ(), placement, name) : model.addJoint(parent, pin::JointModelRZ(), placement, name);
    else if (prism) id = model.addJoint(parent, pin::JointModelPrismaticUnaligned(ax), placement, name);
    else id = model.addJoint(parent, pin::JointModelRevoluteUnaligned(ax), placement, name);
    Eigen::Matrix3d I;
    I << j.I[0], j.I[1], j.I[2], j.I[3], j.I[4], j.I[5], j.I[6], j.I[7], j.I[8];
    model.appendBodyToJoint(id, pin::Inertia(j.m, Eigen::Vector3d(j.com[0], j.com[1], j.com[2]), I), pin::SE3::Identity());
    parent = id;
  }
  Eigen::Matrix3d Rt;
  Rt << tip[3], tip[4], tip[5], tip[6], tip[7], tip[8], tip[9], tip[10], tip[11];
  const pin::FrameIndex tipFrame = model.addFrame(pin::Frame("tip", parent, pin::SE3(Rt, Eigen::Vector3d(tip[0], tip[1], tip[2])), pin::OP_FRAME));
  pin::Data data(model);
  pin::Data::Matrix6x J(6, n);
  J.setZero();

  // KDL chain.
  KDL::Chain chain;
  for (int i = 0; i < n; i++) {
    const JointIn& j = joints[i];
    KDL::Frame origin(KDL::Rotation(j.r[0], j.r[1], j.r[2], j.r[3], j.r[4], j.r[5], j.r[6], j.r[7], j.r[8]), KDL::Vector(j.p[0], j.p[1], j.p[2]));
    KDL::Vector axis = origin.M * KDL::Vector(j.axis[0], j.axis[1], j.axis[2]);
    KDL::Joint::JointType jt = j.type == "prismatic" ? KDL::Joint::TransAxis : KDL::Joint::RotAxis;
    KDL::RigidBodyInertia inert(j.m, KDL::Vector(j.com[0], j.com[1], j.com[2]),
                                KDL::RotationalInertia(j.I[0], j.I[4], j.I[8], j.I[1], j.I[2], j.I[5]));
    chain.addSegment(KDL::Segment("s" + std::to_string(i + 1), KDL::Joint("j" + std::to_string(i + 1), origin.p, axis, jt), origin, inert));
  }
  chain.addSegment(KDL::Segment("tip", KDL::Joint(KDL::Joint::None),
                                KDL::Frame(KDL::Rotation(tip[3], tip[4], tip[5], tip[6], tip[7], tip[8], tip[9], tip[10], tip[11]), KDL::Vector(tip[0], tip[1], tip[2]))));
  const KDL::Vector grav(g[0], g[1], g[2]);
  KDL::ChainFkSolverPos_recursive kfk(chain);
  KDL::ChainJntToJacSolver kjac(chain);
  KDL::ChainDynParam kdyn(chain, grav);
  KDL::ChainIdSolver_RNE kid(chain, grav);
  KDL::ChainFdSolver_RNE kfd(chain, grav);
  const size_t M = Q.size();
  std::vector<KDL::JntArray> kq(M, KDL::JntArray(n)), kqd(M, KDL::JntArray(n)), kqdd(M, KDL::JntArray(n)), ktau(M, KDL::JntArray(n));
  for (size_t s = 0; s < M; s++) {
    kq[s].data = Q[s];
    kqd[s].data = QD[s];
    kqdd[s].data = QDD[s];
    ktau[s].data = TAU[s];
  }
  KDL::Wrenches fext(chain.getNrOfSegments(), KDL::Wrench::Zero());
  KDL::Frame kpose;
  KDL::Jacobian kJ(n);
  KDL::JntArray kout(n);
  KDL::JntSpaceInertiaMatrix kM(n);

  // The timed calls, by state index; each leaves its result where dump reads it.
  struct Alg {
    const char* lib;
    const char* name;
    std::function<void(size_t)> f;
  };
  std::vector<Alg> algs = {
      {"pinocchio", "fk", [&](size_t s) { pin::forwardKinematics(model, data, Q[s]); pin::updateFramePlacement(model, data, tipFrame); }},
      {"kdl", "fk", [&](size_t s) { kfk.JntToCart(kq[s], kpose); }},
      {"pinocchio", "jacobian", [&](size_t s) { pin::computeFrameJacobian(model, data, Q[s], tipFrame, pin::LOCAL_WORLD_ALIGNED, J); }},
      {"kdl", "jacobian", [&](size_t s) { kjac.JntToJac(kq[s], kJ); }},
      {"pinocchio", "gravity", [&](size_t s) { pin::computeGeneralizedGravity(model, data, Q[s]); }},
      {"kdl", "gravity", [&](size_t s) { kdyn.JntToGravity(kq[s], kout); }},
      {"pinocchio", "rnea", [&](size_t s) { pin::rnea(model, data, Q[s], QD[s], QDD[s]); }},
      {"kdl", "rnea", [&](size_t s) { kid.CartToJnt(kq[s], kqd[s], kqdd[s], fext, kout); }},
      {"pinocchio", "crba/local", [&](size_t s) { pin::crba(model, data, Q[s], pin::Convention::LOCAL); }},
      {"pinocchio", "crba/world", [&](size_t s) { pin::crba(model, data, Q[s], pin::Convention::WORLD); }},
      {"kdl", "crba", [&](size_t s) { kdyn.JntToMass(kq[s], kM); }},
      {"pinocchio", "aba/local", [&](size_t s) { pin::aba(model, data, Q[s], QD[s], TAU[s], pin::Convention::LOCAL); }},
      {"pinocchio", "aba/world", [&](size_t s) { pin::aba(model, data, Q[s], QD[s], TAU[s], pin::Convention::WORLD); }},
      {"kdl", "aba", [&](size_t s) { kfd.CartToJnt(kq[s], kqd[s], ktau[s], fext, kout); }},
  };

  if (dump > 0) {
    auto print = [](const char* lib, const char* alg, size_t s, const double* v, int k) {
      std::printf("%s %s %zu", lib, alg, s);
      for (int i = 0; i < k; i++) std::printf(" %.17g", v[i]);
      std::printf("\n");
    };
    for (size_t s = 0; s < std::min(M, size_t(dump)); s++) {
      for (auto& a : algs) {
        a.f(s);
        std::string name = a.name, lib = a.lib;
        double buf[64 * 64];
        if (lib == "pinocchio") {
          if (name == "fk") {
            const pin::SE3& p = data.oMf[tipFrame];
            for (int i = 0; i < 3; i++) buf[i] = p.translation()(i);
            for (int i = 0; i < 9; i++) buf[3 + i] = p.rotation()(i / 3, i % 3);
            print(a.lib, a.name, s, buf, 12);
          } else if (name == "jacobian") {
            for (int i = 0; i < 6 * n; i++) buf[i] = J(i / n, i % n);
            print(a.lib, a.name, s, buf, 6 * n);
          } else if (name == "gravity") {
            print(a.lib, a.name, s, data.g.data(), n);
          } else if (name == "rnea") {
            print(a.lib, a.name, s, data.tau.data(), n);
          } else if (name.rfind("crba", 0) == 0) {
            for (int i = 0; i < n * n; i++) buf[i] = i / n <= i % n ? data.M(i / n, i % n) : data.M(i % n, i / n);
            print(a.lib, a.name, s, buf, n * n);
          } else {
            print(a.lib, a.name, s, data.ddq.data(), n);
          }
        } else {
          if (name == "fk") {
            for (int i = 0; i < 3; i++) buf[i] = kpose.p(i);
            for (int i = 0; i < 9; i++) buf[3 + i] = kpose.M(i / 3, i % 3);
            print(a.lib, a.name, s, buf, 12);
          } else if (name == "jacobian") {
            for (int i = 0; i < 6 * n; i++) buf[i] = kJ(i / n, i % n);
            print(a.lib, a.name, s, buf, 6 * n);
          } else if (name == "crba") {
            for (int i = 0; i < n * n; i++) buf[i] = kM(i / n, i % n);
            print(a.lib, a.name, s, buf, n * n);
          } else {
            print(a.lib, a.name, s, kout.data.data(), n);
          }
        }
      }
    }
    return 0;
  }

  double sink = 0;
  auto timeAlg = [&](Alg& a, int reps) {
    for (size_t s = 0; s < std::min<size_t>(M, 50); s++) a.f(s);  // warm caches
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; r++)
      for (size_t s = 0; s < M; s++) a.f(s);
    auto dt = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    sink += data.tau(0) + data.g(0) + data.ddq(0) + data.M(0, 0) + kout(0) + kM(0, 0) + kpose.p(0) + J(0, 0) + kJ(0, 0);
    std::printf("%s %s %.1f\n", a.lib, a.name, dt / double(reps * M));
    std::fflush(stdout);
  };
  if (serve) {
    // One figure per command line "<library> <algorithm> <reps>", so the
    // driver can interleave each C++ figure with chiron's at a fine grain.
    std::string lib, name;
    int r;
    while (std::cin >> lib >> name >> r) {
      bool found = false;
      for (auto& a : algs)
        if (lib == a.lib && name == a.name) {
          timeAlg(a, std::max(r, 1));
          found = true;
        }
      if (!found) die("no algorithm " + lib + " " + name);
    }
  } else {
    for (auto& a : algs) timeAlg(a, reps);
  }
  std::fprintf(stderr, "checksum %g\n", sink);
  return 0;
}
