#!/usr/bin/env bash
# `make run`: start the most complete thing chiron has. Grows with the project.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./bin/chiron help
