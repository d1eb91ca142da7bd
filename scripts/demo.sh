#!/usr/bin/env bash
# Set up and serve the demo handbook (this repo's own docs) at http://127.0.0.1:8000/
# Usage: bash scripts/demo.sh [build]   ("build" writes the static site to ./site instead)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e ".[material]"
export NO_MKDOCS_2_WARNING=1
if [ "${1:-serve}" = "build" ]; then
  exec python3 -m mkdocs build --strict
fi
exec python3 -m mkdocs serve --dev-addr 127.0.0.1:8000
