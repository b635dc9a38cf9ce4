#!/usr/bin/env bash
# `make run`: the most complete thing chiron has — the whole stack against
# simulated firmware with the browser console (see README.md, Quick start).
# Extra arguments go to `chiron demo` (e.g. `make run ARGS="--addr 0.0.0.0:8080"`).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./bin/chiron demo "$@"
