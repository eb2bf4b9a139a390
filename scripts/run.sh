#!/usr/bin/env bash
# Installs what the app needs (into .venv/) and starts it at http://localhost:8501.
# Extra arguments go to `streamlit run`, e.g. `bash scripts/run.sh --server.port 8600`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" "$ROOT/requirements.txt"
cd "$ROOT"
exec "$VENV/bin/python" -m streamlit run app.py "$@"
