#!/usr/bin/env bash
# Geographic event queries and place lookups at 100,000 events: writes a
# corpus with fedsim-corpus (EVENTS events, default 100,000, and EVENTS/5
# groups on 300 Mobilizon instances, a token PeerTube part), imports it,
# starts `sepiola serve` pinned to core 0 and runs `bench geo` pinned to
# core 1 (RUNS runs, default 5, of REQUESTS requests per class, default 300).
#
#   bench/geo.sh
#   EVENTS=20000 RUNS=3 bench/geo.sh
#   BIN=/tmp/old-bin bench/geo.sh     # binaries built elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-100000}
RUNS=${RUNS:-5}
REQUESTS=${REQUESTS:-300}
WORK=${WORK:-${TMPDIR:-/tmp}/sepiola-geo}
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p sepiola -p fedsim -p bench
  BIN=${CARGO_TARGET_DIR:-target}/release
fi
mkdir -p "$WORK"
corpus="$WORK/corpus-$EVENTS.jsonl"
if [ ! -s "$corpus" ]; then
  "$BIN/fedsim-corpus" --videos 1000 --channels 100 --playlists 50 --instances 20 \
    --events "$EVENTS" --groups $((EVENTS / 5)) --mobilizon-instances 300 --output "$corpus"
fi
rm -rf "$WORK/data"
"$BIN/sepiola" --data-dir "$WORK/data" index import "$corpus"
SEPIOLA_CRAWL__DEFAULT_LIST="" SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE=0 taskset -c 0 "$BIN/sepiola" --data-dir "$WORK/data" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  addr=$(sed -n 's/^listening on //p' "$WORK/serve.out" | head -1)
  [ -n "$addr" ] && break
  sleep 0.1
done
taskset -c 1 "$BIN/bench" geo --base "$addr" --runs "$RUNS" --requests "$REQUESTS" | tee "$WORK/geo.txt"
