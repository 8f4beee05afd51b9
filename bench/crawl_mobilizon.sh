#!/usr/bin/env bash
# Mobilizon crawl benchmark: `sepiola crawl --once` over simulated Mobilizon instances.
#
#   bench/crawl_mobilizon.sh                          # 300 instances, 100,000 events (docs/benchmarks.md)
#   INSTANCES=20 EVENTS=2000 bench/crawl_mobilizon.sh
#
# Builds sepiola and fedsim in release mode, starts fedsim on loopback with
# Mobilizon instances only, crawls them once into a fresh data directory
# under /usr/bin/time -v and prints the crawl summary, wall time, requests
# and peak RSS of the sepiola process (fedsim's memory is not counted).
set -euo pipefail
cd "$(dirname "$0")/.."

INSTANCES=${INSTANCES:-300}
EVENTS=${EVENTS:-100000}
SEED=${SEED:-1}
CONCURRENCY=${CONCURRENCY:-32}
DELAY_MS=${DELAY_MS:-0}
PAST_DAYS=${PAST_DAYS:-400}
target=${CARGO_TARGET_DIR:-target}

cargo build --release -q -p sepiola -p fedsim

work=$(mktemp -d)
"$target/release/fedsim" --peertube-instances 0 --mobilizon-instances "$INSTANCES" \
  --mobilizon-total-events "$EVENTS" --seed "$SEED" --eager \
  >"$work/fedsim.out" 2>"$work/fedsim.err" &
fedsim_pid=$!
trap 'kill "$fedsim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do [ -s "$work/fedsim.out" ] && break; sleep 0.1; done
list=$(head -1 "$work/fedsim.out" | grep -o '"mobilizon_list":"[^"]*"' | cut -d'"' -f4)
echo "fedsim: $INSTANCES Mobilizon instances, $EVENTS events (hidden ones included), list $list"

# past_events_days = 400 keeps every generated event (none is older than 300 days),
# so the whole corpus is crawled and indexed.
cat >"$work/bench.toml" <<TOML
[crawl]
mobilizon_list = "$list"
scheme = "http"
allow_private_addresses = true
per_host_delay_ms = $DELAY_MS
concurrency = $CONCURRENCY
timeout_secs = 30
past_events_days = $PAST_DAYS
TOML

SEPIOLA_LOG=warn /usr/bin/time -v "$target/release/sepiola" --config "$work/bench.toml" \
  --data-dir "$work/data" crawl --once 2>"$work/time.txt" | tee "$work/summary.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU" "$work/time.txt"
echo "index size: $(du -sh "$work/data/index" | cut -f1)"
listed=$(curl -s "$list?start=0&count=5000" | grep -o '"totalLocalEvents":[0-9]*' | cut -d: -f2 | paste -sd+ | bc)
"$target/release/sepiola" --config "$work/bench.toml" --data-dir "$work/data" index export >"$work/export.jsonl"
echo "fedsim lists $listed public events; the index holds $(grep -c '"kind":"event"' "$work/export.jsonl") events and $(grep -c '"kind":"group"' "$work/export.jsonl") groups"
