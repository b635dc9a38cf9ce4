#!/bin/sh
# Builds and installs Pinocchio from its source release for tools/pinbench.
#
#   tools/pinbench/build-pinocchio.sh SRC [PREFIX]
#
# SRC is a Pinocchio 3.7.0 source tree with its cmake submodule
# (jrl-cmakemodules) in SRC/cmake: the release tarball pinocchio-3.7.0.tar.gz
# has it, a git checkout needs `git submodule update --init cmake`. PREFIX
# defaults to /tmp/pinocchio-3.7.0-install (the Makefile's default). Needs
# cmake, g++, libeigen3-dev, liburdfdom-dev and Boost (libboost-dev,
# libboost-filesystem-dev, libboost-serialization-dev, libboost-system-dev).
# No Python bindings, no tests, no explicit template instantiation: pinbench
# compiles the algorithms from the headers, as Pinocchio's own benchmarks do.
set -eu
SRC=${1:?usage: build-pinocchio.sh SRC [PREFIX]}
PREFIX=${2:-/tmp/pinocchio-3.7.0-install}
if [ ! -f "$SRC/cmake/base.cmake" ]; then
  echo "build-pinocchio.sh: $SRC/cmake has no jrl-cmakemodules (base.cmake); use the release tarball or init the submodule" >&2
  exit 1
fi
cmake -S "$SRC" -B "$SRC/build-pinbench" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
  -DBUILD_PYTHON_INTERFACE=OFF -DBUILD_TESTING=OFF -DENABLE_TEMPLATE_INSTANTIATION=OFF \
  -DBUILD_WITH_URDF_SUPPORT=ON -DBUILD_BENCHMARK=OFF -DBUILD_UTILS=OFF -DINSTALL_DOCUMENTATION=OFF
cmake --build "$SRC/build-pinbench" --target install -j "${JOBS:-1}"
echo "Pinocchio installed under $PREFIX; now: make -C tools/pinbench PINOCCHIO=$PREFIX"
