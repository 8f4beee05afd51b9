#!/usr/bin/env bash
# sepiola's benchmark: corpus import, query latency and throughput at 1 and
# 16 clients, results-page render time and weight, peak memory, time to first
# answer. Appends a dated section to docs/benchmarks.md.
#
#   bench/run.sh                 # 1,000,000 videos, 3 runs (needs ~10 GB of /tmp, ~30 min)
#   bench/run.sh --videos 200000 --runs 3 --seconds 10
#   bench/run.sh --small         # CI: 5,000 videos, debug build, nothing written
#
# The server is pinned to core 0 and the load generator to core 1.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ " $* " == *" --small "* ]]; then
  # Debug binaries (already built by the tests), numbers not written anywhere.
  cargo build -q -p sepiola -p fedsim -p bench
  exec taskset -c 1 target/debug/bench run "$@" --work "${TMPDIR:-/tmp}/sepiola-bench-small"
fi
cargo build --release -q -p sepiola -p fedsim -p bench
exec taskset -c 1 target/release/bench run "$@" --write docs/benchmarks.md
