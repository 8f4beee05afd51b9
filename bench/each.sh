#!/usr/bin/env bash
# Per-query server CPU on the committed query mix: imports a generated corpus
# of VIDEOS videos (default 100,000), starts `sepiola serve` pinned to core 0
# and runs `bench each` pinned to core 1. Prints the per-request server CPU,
# the latency summary and each query slowest first (also in $WORK/each.txt).
#
#   bench/each.sh                         # 100,000 videos, release build
#   VIDEOS=20000 bench/each.sh
#   BIN=/tmp/old-bin bench/each.sh        # binaries built elsewhere (before/after)
#   VOCAB=realistic bench/each.sh         # the realistic corpus and its query mix
#                                         # (bench/queries-realistic.txt, per-kind table)
#   REPEAT=3 WRAP="valgrind --tool=callgrind --dump-instr=no" bench/each.sh
#                                         # the server under a wrapper (instruction counts)
set -euo pipefail
cd "$(dirname "$0")/.."
VIDEOS=${VIDEOS:-100000}
VOCAB=${VOCAB:-small}
REPEAT=${REPEAT:-5}
if [ "$VOCAB" = realistic ]; then QUERIES=${QUERIES:-bench/queries-realistic.txt}; else QUERIES=${QUERIES:-bench/queries.txt}; fi
WORK=${WORK:-${TMPDIR:-/tmp}/sepiola-each}
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p sepiola -p fedsim -p bench
  BIN=target/release
fi
mkdir -p "$WORK"
corpus="$WORK/corpus-$VIDEOS.jsonl"
[ "$VOCAB" = small ] || corpus="$WORK/corpus-$VOCAB-$VIDEOS.jsonl"
if [ ! -s "$corpus" ]; then
  "$BIN/fedsim-corpus" --vocabulary "$VOCAB" --videos "$VIDEOS" --channels $((VIDEOS / 10)) --playlists $((VIDEOS / 20)) \
    --instances $(( VIDEOS / 900 < 20 ? 20 : VIDEOS / 900 )) --events $((VIDEOS / 10)) \
    --groups $((VIDEOS / 50)) --output "$corpus"
fi
if [ -z "${KEEP_DATA:-}" ] || [ ! -d "$WORK/data" ]; then
  rm -rf "$WORK/data"
  /usr/bin/time -f "import: %e s wall, %M KiB peak RSS" "$BIN/sepiola" --data-dir "$WORK/data" index import "$corpus" >/dev/null
  du -sm "$WORK/data" | sed 's/^/index size MiB: /'
fi
SEPIOLA_CRAWL__DEFAULT_LIST="" SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE=0 taskset -c 0 ${WRAP:-} "$BIN/sepiola" --data-dir "$WORK/data" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 ${WAIT_TENTHS:-100}); do
  addr=$(sed -n 's/^listening on //p' "$WORK/serve.out" | head -1)
  [ -n "$addr" ] && break
  sleep 0.1
done
taskset -c 1 "$BIN/bench" each --base "$addr" --pid "$pid" --repeat "$REPEAT" --queries "$QUERIES" >"$WORK/each.txt"
cat "$WORK/each.txt"
