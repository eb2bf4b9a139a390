#!/usr/bin/env bash
# Installs what the app needs (into .venv/) and starts it at http://localhost:8501.
# It listens on this machine only (127.0.0.1). Extra arguments go to `streamlit run` and win
# over the default (Streamlit takes the last flag), e.g. `bash scripts/run.sh --server.port 8600`,
# or `bash scripts/run.sh --server.address 0.0.0.0` to serve a room on purpose (see README).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" "$ROOT/requirements.txt"
cd "$ROOT"

# PNG, SVG and PDF exports draw the charts with the system Chromium (through kaleido).
if [ ! -x /usr/bin/chromium ] && [ -z "${MNR_CHROMIUM:-}" ]; then
  if as_root_apt chromium; then
    echo "Installed Debian's chromium for chart images and PDF briefs."
  else
    echo "Chromium is not installed: PDF briefs and chart images are off until it is" \
         "(apt-get install chromium). Everything else works." >&2
  fi
fi
exec "$VENV/bin/python" -m streamlit run app.py --server.address 127.0.0.1 "$@"
