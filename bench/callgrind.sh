#!/usr/bin/env bash
# Server instructions per request (callgrind), immune to the machine's noise:
# imports a generated corpus once (as bench/each.sh does), then runs the
# server under `valgrind --tool=callgrind --dump-instr=no` twice, idle (start,
# ping, stop) and under `bench each --repeat $REPEAT`; prints the difference
# of the two totals divided by the requests (both runs first wait for the
# startup work, so it is not counted per request), and keeps the load profile
# ($WORK/cg.load) for `callgrind_annotate`.
#
#   VOCAB=realistic bench/callgrind.sh          # 100,000 videos, this tree's release build
#   BIN=/tmp/old-bin VOCAB=small bench/callgrind.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VIDEOS=${VIDEOS:-100000}
VOCAB=${VOCAB:-small}
REPEAT=${REPEAT:-3}
WORK=${WORK:-${TMPDIR:-/tmp}/sepiola-cg-$VOCAB}
if [ "$VOCAB" = realistic ]; then QUERIES=${QUERIES:-bench/queries-realistic.txt}; else QUERIES=${QUERIES:-bench/queries.txt}; fi
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p sepiola -p fedsim -p bench
  BIN=${CARGO_TARGET_DIR:-target}/release
fi
mkdir -p "$WORK"
corpus="$WORK/corpus-$VOCAB-$VIDEOS.jsonl"
if [ ! -s "$corpus" ]; then
  "$BIN/fedsim-corpus" --vocabulary "$VOCAB" --videos "$VIDEOS" --channels $((VIDEOS / 10)) \
    --playlists $((VIDEOS / 20)) --instances $(( VIDEOS / 900 < 20 ? 20 : VIDEOS / 900 )) \
    --events $((VIDEOS / 10)) --groups $((VIDEOS / 50)) --output "$corpus"
fi
if [ -z "${KEEP_DATA:-}" ] || [ ! -d "$WORK/data" ]; then
  rm -rf "$WORK/data"
  /usr/bin/time -f "import: %e s wall, %M KiB peak RSS" "$BIN/sepiola" --data-dir "$WORK/data" index import "$corpus" >/dev/null
  du -sm "$WORK/data" | sed 's/^/index size MiB: /'
fi
export SEPIOLA_CRAWL__DEFAULT_LIST="" SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE=0
total() { grep -h "^summary:" "$1" | awk '{print $2}'; }
for mode in idle load; do
  rm -f "$WORK/cg.$mode"
  valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$mode" --dump-instr=no \
    "$BIN/sepiola" --data-dir "$WORK/data" serve --listen 127.0.0.1:0 >"$WORK/out.$mode" 2>"$WORK/err.$mode" &
  pid=$!
  addr=""
  for _ in $(seq 1 900); do
    addr=$(sed -n 's/^listening on //p' "$WORK/out.$mode" | head -1)
    [ -n "$addr" ] && break
    sleep 0.2
  done
  curl -s "$addr/api/v1/ping" >/dev/null || true
  # Wait for the startup work (the gazetteer is parsed in the background at
  # start) in both runs, so that it is not counted as the requests' work.
  curl -s "$addr/api/v1/places?search=paris" >/dev/null || true
  if [ "$mode" = load ]; then
    "$BIN/bench" each --base "$addr" --pid "$pid" --repeat "$REPEAT" --queries "$QUERIES" >"$WORK/each-cg.txt"
  fi
  kill -INT "$pid"
  wait "$pid" || true
done
requests=$(sed -n 's/^# server CPU: .*(\([0-9]*\) requests)/\1/p' "$WORK/each-cg.txt")
idle=$(total "$WORK/cg.idle")
load=$(total "$WORK/cg.load")
echo "idle $idle, load $load instructions, $requests requests"
awk -v i="$idle" -v l="$load" -v r="$requests" 'BEGIN { printf "instructions per request: %.3f M\n", (l - i) / r / 1e6 }'
grep "^# kind" "$WORK/each-cg.txt" || true
