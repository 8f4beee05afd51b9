#!/usr/bin/env bash
# Per-query server CPU on the committed query mix: imports a generated corpus
# of VIDEOS videos (default 100,000), starts `sepiola serve` pinned to core 0
# and runs `bench each` pinned to core 1. Prints the per-request server CPU,
# the latency summary and each query slowest first (also in $WORK/each.txt).
#
#   bench/each.sh                         # 100,000 videos, release build
#   VIDEOS=20000 bench/each.sh
#   BIN=/tmp/old-bin bench/each.sh        # binaries built elsewhere (before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
VIDEOS=${VIDEOS:-100000}
WORK=${WORK:-${TMPDIR:-/tmp}/sepiola-each}
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p sepiola -p fedsim -p bench
  BIN=target/release
fi
mkdir -p "$WORK"
corpus="$WORK/corpus-$VIDEOS.jsonl"
if [ ! -s "$corpus" ]; then
  "$BIN/fedsim-corpus" --videos "$VIDEOS" --channels $((VIDEOS / 10)) --playlists $((VIDEOS / 20)) \
    --instances $(( VIDEOS / 900 < 20 ? 20 : VIDEOS / 900 )) --events $((VIDEOS / 10)) \
    --groups $((VIDEOS / 50)) --output "$corpus"
fi
rm -rf "$WORK/data"
"$BIN/sepiola" --data-dir "$WORK/data" index import "$corpus" >/dev/null
SEPIOLA_CRAWL__DEFAULT_LIST="" SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE=0 taskset -c 0 "$BIN/sepiola" --data-dir "$WORK/data" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  addr=$(sed -n 's/^listening on //p' "$WORK/serve.out" | head -1)
  [ -n "$addr" ] && break
  sleep 0.1
done
taskset -c 1 "$BIN/bench" each --base "$addr" --pid "$pid" >"$WORK/each.txt"
cat "$WORK/each.txt"
