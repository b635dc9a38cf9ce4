#!/usr/bin/env bash
# Extract the official client libraries that sdkcheck runs against, at pinned
# versions, from local bare git mirrors into DIR (default /tmp/sdkcheck-libs).
# Their code stays outside the repository: it is not chiron's and must not be
# committed.
#
#   tools/sdkcheck/fetch-libs.sh [DIR]
#
# Mirrors (override with the environment):
#   DXL_MIRROR      ROBOTIS DynamixelSDK   (default /work/.mirror/ROBOTIS-GIT+DynamixelSDK/repo)
#   PYTHONCAN_MIRROR python-can           (default /work/.mirror/hardbyte+python-can/repo)
#   CANOPEN_MIRROR  canopen               (default /work/.mirror/canopen-python+canopen/repo)
# Refs (override with the environment):
#   DXL_REF 4.0.5, PYTHONCAN_REF v4.6.1, CANOPEN_REF v2.4.1
set -euo pipefail

DIR=${1:-/tmp/sdkcheck-libs}
DXL_MIRROR=${DXL_MIRROR:-/work/.mirror/ROBOTIS-GIT+DynamixelSDK/repo}
PYTHONCAN_MIRROR=${PYTHONCAN_MIRROR:-/work/.mirror/hardbyte+python-can/repo}
CANOPEN_MIRROR=${CANOPEN_MIRROR:-/work/.mirror/canopen-python+canopen/repo}
# DynamixelSDK has no 4.1.0 tag; its 4.1.0 version bump (bc3232f4, branch
# feature-cpp-raii) changes only version strings, its python/src is
# byte-identical to tag 4.0.5, which is also the default branch's HEAD.
DXL_REF=${DXL_REF:-4.0.5}
PYTHONCAN_REF=${PYTHONCAN_REF:-v4.6.1}
CANOPEN_REF=${CANOPEN_REF:-v2.4.1}

extract() { # mirror ref dest subpath
	local mirror=$1 ref=$2 dest=$3 sub=$4
	[ -d "$mirror" ] || { echo "fetch-libs: no mirror at $mirror" >&2; exit 1; }
	rm -rf "$dest"
	mkdir -p "$dest"
	git --git-dir="$mirror" archive --format=tar "$ref" "$sub" | tar -x -C "$dest"
	echo "$ref $(git --git-dir="$mirror" rev-parse "$ref^{commit}")" >"$dest/REF"
	echo "fetch-libs: $mirror $ref -> $dest"
}

mkdir -p "$DIR"
extract "$DXL_MIRROR" "$DXL_REF" "$DIR/dynamixel" python/src/dynamixel_sdk
extract "$PYTHONCAN_MIRROR" "$PYTHONCAN_REF" "$DIR/python-can" can
extract "$CANOPEN_MIRROR" "$CANOPEN_REF" "$DIR/canopen" canopen

# python-can and canopen read their version through setuptools_scm at build
# time; from a source tree they fall back to importlib.metadata, which has
# no entry for them. sdkcheck.py reports the refs from the REF files above.
cat <<MSG
fetch-libs: done. Put them first on PYTHONPATH (sdkcheck.py does so with --libs $DIR):
  PYTHONPATH=$DIR/python-can:$DIR/canopen:$DIR/dynamixel/python/src
Their dependencies come from Debian (no PyPI here), for /usr/bin/python3:
  apt-get install -y python3-serial python3-wrapt python3-msgpack python3-packaging python3-typing-extensions
(do not install Debian's python3-can: python-can $PYTHONCAN_REF must be the one imported)
MSG
