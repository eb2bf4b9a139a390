#!/usr/bin/env bash
# Installs what the app needs (into .venv/) and starts it at http://localhost:8501.
# Extra arguments go to `streamlit run`, e.g. `bash scripts/run.sh --server.port 8600`.
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
# By default the app listens on this computer only. To let phones in a room reach it (a live
# workshop), say so on purpose: `bash scripts/run.sh --server.address 0.0.0.0` (README,
# "Serving a room or a network on purpose").
ADDRESS=(--server.address 127.0.0.1)
for argument in "$@"; do
  case "$argument" in --server.address|--server.address=*) ADDRESS=() ;; esac
done
if [ -n "${STREAMLIT_SERVER_ADDRESS:-}" ]; then ADDRESS=(); fi
if [ ${#ADDRESS[@]} -gt 0 ]; then
  echo "Listening on this computer only (http://localhost:8501 unless you chose another port)."
fi
exec "$VENV/bin/python" -m streamlit run app.py "${ADDRESS[@]}" "$@"
