#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run every test.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything Python installs into the project's own virtual environment, .venv.
source scripts/venv.sh

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  sremgr_as_root apt-get update -qq
  sremgr_as_root apt-get install -y -qq chromium >/dev/null
fi

echo "== installing mkdocs-sremgr with its test dependencies"
"$PY" -m pip install -q --disable-pip-version-check -e ".[test]"

echo "== ruff"
"$PY" -m ruff check src tests benchmarks scripts
"$PY" -m ruff format --check src tests benchmarks scripts

echo "== mypy --strict"
"$PY" -m mypy --strict src/

echo "== pytest"
export NO_MKDOCS_2_WARNING=1
set +e
"$PY" -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
