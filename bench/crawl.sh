#!/usr/bin/env bash
# Crawl benchmark: `sepiola crawl --once` over a simulated federation.
#
#   bench/crawl.sh                      # 1,000 instances, 100,000 videos (docs/benchmarks.md)
#   INSTANCES=100 VIDEOS=5000 bench/crawl.sh
#
# Builds sepiola and fedsim in release mode, starts fedsim on loopback,
# crawls it once into a fresh data directory under /usr/bin/time -v and
# prints the crawl summary, wall time, requests per second and peak RSS of
# the sepiola process (fedsim's memory is not counted).
set -euo pipefail
cd "$(dirname "$0")/.."

INSTANCES=${INSTANCES:-1000}
VIDEOS=${VIDEOS:-100000}
SEED=${SEED:-1}
CONCURRENCY=${CONCURRENCY:-32}
DELAY_MS=${DELAY_MS:-0}

cargo build --release -q -p sepiola -p fedsim

work=$(mktemp -d)
target/release/fedsim --peertube-instances "$INSTANCES" --total-videos "$VIDEOS" --seed "$SEED" \
  >"$work/fedsim.out" 2>"$work/fedsim.err" &
fedsim_pid=$!
trap 'kill "$fedsim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/fedsim.out" ] && break; sleep 0.1; done
list=$(head -1 "$work/fedsim.out" | grep -o '"peertube_list":"[^"]*"' | cut -d'"' -f4)
total=$(head -1 "$work/fedsim.out" | grep -o '"total_local_videos":[0-9]*' | cut -d: -f2)
echo "fedsim: $INSTANCES instances, $total local videos, list $list"

cat >"$work/bench.toml" <<TOML
[crawl]
peertube_list = "$list"
scheme = "http"
allow_private_addresses = true
per_host_delay_ms = $DELAY_MS
concurrency = $CONCURRENCY
timeout_secs = 30
TOML

SEPIOLA_LOG=warn /usr/bin/time -v target/release/sepiola --config "$work/bench.toml" \
  --data-dir "$work/data" crawl --once 2>"$work/time.txt" | tee "$work/summary.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU" "$work/time.txt"
echo "index size: $(du -sh "$work/data/index" | cut -f1)"
