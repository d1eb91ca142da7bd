#!/usr/bin/env bash
# Set up and serve the demo handbook (this repo's own docs) at http://127.0.0.1:8000/
# Usage: bash scripts/demo.sh [build]   ("build" writes the static site to ./site instead)
# Everything installs into the project's own virtual environment, .venv (scripts/venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
"$PY" -m pip install -q --disable-pip-version-check -e ".[material]"
export NO_MKDOCS_2_WARNING=1
if [ "${1:-serve}" = "build" ]; then
  exec "$PY" -m mkdocs build --strict
fi
exec "$PY" -m mkdocs serve --dev-addr 127.0.0.1:8000
