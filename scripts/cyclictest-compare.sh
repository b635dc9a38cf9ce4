#!/bin/bash
# Wake-up latency of chiron's control loop against cyclictest (Debian
# package rt-tests) on the same machine, interleaved: each round runs, for
# SECONDS at 1 kHz each, cyclictest, `chiron bench loop`, cyclictest -p80 and
# `chiron bench loop --rt`. Short interleaved rounds let all four sample the
# same spread of machine states (a shared VM's latency moves by several
# times from one minute to the next), and the rounds' histograms are pooled,
# so the comparison is of two distributions rather than of one lucky or
# unlucky run each. Prints each round's p99 and the pooled p50/p99/p99.9/max
# in µs, and chiron's pooled p99 over cyclictest's.
#
# With CONCURRENT=1 each pair runs at the same time instead, cyclictest
# pinned to one CPU and chiron to the other, swapping CPUs every round: both
# then see the same minutes of the machine (it needs two CPUs; each tool
# sleeps >99 % of the time, so they barely compete).
#
# Usage: [CONCURRENT=1] scripts/cyclictest-compare.sh [ROUNDS [SECONDS [CHIRON-BINARY]]]
# (default 12 rounds of 5 s). -p80 and --rt need root or CAP_SYS_NICE; both
# tools hold a 0 µs PM QoS request on /dev/cpu_dma_latency when they can.
# chiron's buckets are 6.25 % wide and report their upper edge, so its
# figures are never underestimates; cyclictest's are 1 µs.
set -euo pipefail
rounds=${1:-12}
secs=${2:-5}
chiron=${3:-chiron}
command -v cyclictest >/dev/null || { echo "cyclictest not found: apt-get install rt-tests" >&2; exit 2; }
loops=$((secs * 1000))
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# cyclictest's -h output → "µs count" lines (overflows counted at the max).
ct() {
	cyclictest -m -q -i1000 -l "$loops" -h 20000 "$@" | awk '
		/^[0-9]/ { if ($2 > 0) print $1+0, $2 }
		/^# Max Latencies/ { mx = $4 + 0 }
		/^# Histogram Overflows/ { of = $4 + 0 }
		END { if (of > 0) print mx, of }'
}
# chiron's --histogram file → "µs count" lines.
ch() {
	"$chiron" bench loop --rate 1000 --duration "${secs}s" --histogram "$dir/h" "$@" >/dev/null
	grep -v '^#' "$dir/h"
}
# "µs count" lines → "p50 p99 p99.9 max".
quantiles() {
	sort -g | awk '{ v[NR] = $1; c[NR] = $2; n += $2 }
		END { t = 0; for (i = 1; i <= NR; i++) { t += c[i]
			if (a == "" && t >= 0.5*n) a = v[i]; if (b == "" && t >= 0.99*n) b = v[i]; if (d == "" && t >= 0.999*n) d = v[i] }
			printf "%g %g %g %g\n", a, b, d, v[NR] }'
}
names=(cyclictest chiron cyclictest-p80 chiron-rt)
echo "round p99 (µs): ${names[*]}"
for r in $(seq "$rounds"); do
	if [ "${CONCURRENT:-}" = 1 ]; then
		a=$((r % 2)) b=$((1 - r % 2))
		ct -a "$a" >"$dir/0.$r" & ch --cpu "$b" >"$dir/1.$r"; wait
		ct -p80 -a "$a" >"$dir/2.$r" & ch --rt --cpu "$b" >"$dir/3.$r"; wait
	else
		ct >"$dir/0.$r"
		ch >"$dir/1.$r"
		ct -p80 >"$dir/2.$r"
		ch --rt >"$dir/3.$r"
	fi
	line="$r"
	for k in 0 1 2 3; do line="$line $(quantiles <"$dir/$k.$r" | cut -d' ' -f2)"; done
	echo "$line"
done
echo "pooled over $rounds rounds of ${secs}s${CONCURRENT:+, concurrent} (p50 p99 p99.9 max, µs):"
for k in 0 1 2 3; do
	q[$k]=$(cat "$dir/$k".* | quantiles)
	echo "  ${names[$k]}: ${q[$k]}"
done
p99() { echo "$1" | cut -d' ' -f2; }
awk -v a="$(p99 "${q[1]}")" -v b="$(p99 "${q[0]}")" -v c="$(p99 "${q[3]}")" -v d="$(p99 "${q[2]}")" \
	'BEGIN { printf "p99 ratio chiron/cyclictest: %.2f, with --rt/-p80: %.2f\n", a/b, c/d }'
