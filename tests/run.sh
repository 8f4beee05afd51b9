#!/usr/bin/env bash
# The test command: installs what the tests need when it can, then runs
# every test of the workspace. On a fresh machine (no target/, no
# node_modules) this is the one command to run; .ci/run calls it too.
#
#   bash tests/run.sh              # everything
#   bash tests/run.sh -- web       # extra arguments go to `cargo test`
#
# What it installs: Debian's chromium and fonts (DejaVu, and Noto CJK for the
# Japanese and Chinese pages; apt-get, only as root and
# only when missing) and the browser tests' npm packages (npm ci, when
# node_modules is missing or older than the lock file). When one of them
# cannot be had, it says so in one line and the browser tests report the
# same line instead of running (everything else still runs).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi 'noto sans cjk' || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests/run.sh: installing ${need[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    missing+=("${need[@]}")
  fi
fi

web=tests/web
if [ ! -d "$web/node_modules/playwright-core" ] || [ "$web/package-lock.json" -nt "$web/node_modules" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "tests/run.sh: installing the browser tests' npm packages (npm ci)"
    npm ci --prefix "$web" --no-audit --no-fund --loglevel=error
  else
    missing+=(npm)
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/run.sh: browser tests will not run, missing: ${missing[*]}"
  export E2E_BROWSER_MISSING="${missing[*]}"
fi

extra=()
if [ "${1:-}" = "--" ]; then
  shift
  extra=("$@")
fi
exec cargo test --workspace --locked "${extra[@]}"
