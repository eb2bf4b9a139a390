#!/usr/bin/env bash
# Installs what the tests need (into .venv/, plus Debian's chromium when run as root) and runs
# the whole suite: unit tests, AppTest page tests and Playwright browser tests.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k framework`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" "$ROOT/requirements-dev.txt"
cd "$ROOT"

# Playwright cannot download its own browser here; the tests drive Debian's chromium.
if [ ! -x /usr/bin/chromium ]; then
  if as_root_apt chromium; then
    echo "Installed Debian's chromium for the browser tests."
  else
    echo "Debian's chromium is missing and cannot be installed without root and apt-get:" \
         "the browser tests will be skipped (in CI they fail instead)." >&2
  fi
fi

# The accessibility test injects axe-core (package.json, pinned by package-lock.json) into
# every page; npm puts it in node_modules/, which git ignores.
if command -v npm >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "npm is missing: the accessibility test will be skipped (in CI it fails instead)." >&2
fi

# The library's PostgreSQL tests need a server: start a throwaway one on loopback when we can.
if [ -z "${MNR_TEST_POSTGRES_URL:-}" ]; then
  if MNR_TEST_POSTGRES_URL="$(bash "$ROOT/scripts/postgres.sh")"; then
    export MNR_TEST_POSTGRES_URL
  else
    unset MNR_TEST_POSTGRES_URL
    echo "PostgreSQL could not be started: its tests will be skipped (in CI they fail instead)." >&2
  fi
fi

"$VENV/bin/python" -m ruff check .
"$VENV/bin/python" -m ruff format --check .
exec "$VENV/bin/python" -m pytest "$@"
