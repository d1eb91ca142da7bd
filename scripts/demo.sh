#!/usr/bin/env bash
# Set up and serve the demo handbook (this repo's own docs) at http://127.0.0.1:8000/
# Usage: bash scripts/demo.sh [serve [PORT] | build]
#   bash scripts/demo.sh              serve on port 8000 (or $PORT)
#   bash scripts/demo.sh serve 8123   serve on port 8123 (PORT=8123 bash scripts/demo.sh too)
#   bash scripts/demo.sh build        write the static site to ./site instead
# Everything installs into the project's own virtual environment, .venv (scripts/venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
command="${1:-serve}"
port="${2:-${PORT:-8000}}"
case "$command" in
  serve | build) ;;
  *) echo "usage: bash scripts/demo.sh [serve [PORT] | build]" >&2; exit 2 ;;
esac
if [ "$command" = serve ] && ! [[ "$port" =~ ^[0-9]+$ && "$port" -ge 1 && "$port" -le 65535 ]]; then
  echo "error: the port must be a number from 1 to 65535, not '$port'" >&2
  exit 2
fi
source scripts/venv.sh
"$PY" -m pip install -q --disable-pip-version-check -e ".[material]"
export NO_MKDOCS_2_WARNING=1
if [ "$command" = build ]; then
  exec "$PY" -m mkdocs build --strict
fi
echo "== serving the demo handbook at http://127.0.0.1:$port/"
exec "$PY" -m mkdocs serve --dev-addr "127.0.0.1:$port"
