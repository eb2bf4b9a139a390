#!/usr/bin/env bash
# Prepares a Python environment for the MNR Dashboard in .venv/ and installs what the given
# requirements file lists. Sourced by scripts/run.sh and scripts/test.sh, so that the README's
# two commands work the same on a fresh Debian machine (Python 3.11+, as root or not).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
REQUIREMENTS="${1:-$ROOT/requirements.txt}"

as_root_apt() {
  # Install Debian packages when we can (root with apt-get); otherwise say what is missing.
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    if [ -z "${MNR_APT_UPDATED:-}" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      export MNR_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    return 0
  fi
  return 1
}

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "The MNR Dashboard needs Python 3.11 or newer as '$PYTHON' (set PYTHON=... to choose another)." >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    # Debian ships venv separately (python3-venv); a half-made .venv must not stay behind.
    rm -rf "$VENV"
    as_root_apt python3-venv || {
      echo "Python's venv module is missing: install Debian's python3-venv, then run this again." >&2
      exit 1
    }
    "$PYTHON" -m venv "$VENV"
  fi
fi

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
