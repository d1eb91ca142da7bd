#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run every test.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything Python installs into the project's own virtual environment, .venv.
source scripts/venv.sh

# Debian packages the tests drive, installed only when missing, in one apt-get run:
# - chromium: the Playwright browser tests;
# - chromium-driver, firefox-esr, webkit2gtk-driver (it brings MiniBrowser) and xvfb (the
#   display MiniBrowser needs): the same journeys in three engines through Selenium
#   (tests/browser/engines);
# - nodejs and npm: development tools only (tsc, esbuild and node --test for the browser
#   code, axe-core for the accessibility tests); the plugin ships no Node code.
apt_packages=()
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_packages+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || apt_packages+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || apt_packages+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || apt_packages+=(xvfb)
command -v pngquant >/dev/null 2>&1 || apt_packages+=(pngquant)  # Material's optimize plugin (tests/test_plugin_matrix.py)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)
if [ "${#apt_packages[@]}" -gt 0 ]; then
  echo "== installing Debian's ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sremgr_apt_get update -qq
  sremgr_apt_get install -y -qq "${apt_packages[@]}" >/dev/null
fi

# The browser code's tooling (tsc, eslint, esbuild, fast-check) and axe-core, pinned by package-lock.json.
if [ ! -x node_modules/.bin/tsc ] || [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "== installing mkdocs-sremgr with its test dependencies"
"$PY" -m pip install -q --disable-pip-version-check -e ".[test]"

echo "== ruff"
"$PY" -m ruff check --no-cache src tests benchmarks scripts
"$PY" -m ruff format --no-cache --check src tests benchmarks scripts

echo "== mypy --strict"
"$PY" -m mypy --strict src/

echo "== browser code: tsc (strict), eslint, node --test"
npx --no-install tsc --noEmit -p tsconfig.json
npx --no-install eslint src/mkdocs_sremgr/assets/src tests/js
node --test tests/js/

# The Backstage TechDocs addon (backstage/, an npm package of its own: docs/backstage.md):
# Backstage's reader and its test utilities, pinned by backstage/package-lock.json, then the
# package's type check and its jest tests, which render the addon in TechDocs' real reader.
if [ ! -f backstage/node_modules/.package-lock.json ] ||
   [ backstage/package-lock.json -nt backstage/node_modules/.package-lock.json ]; then
  echo "== npm ci (backstage/)"
  (cd backstage && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "== Backstage addon: tsc (strict), jest"
(cd backstage && npx --no-install tsc --noEmit -p tsconfig.json && npx --no-install jest --silent)

echo "== pytest"
export NO_MKDOCS_2_WARNING=1
# Arguments naming tests (a path or a node id) give exactly that pytest run. Otherwise two runs,
# both with the options given (e.g. -m 'not engines'): the tests outside the browser spread
# over the cores (pytest-xdist; SREMGR_WORKERS=0 keeps them in one process), then the browser
# tests in one process (they time races between tabs and share one display).
names_tests=""
for arg in "$@"; do
  case "$arg" in tests* | *.py | *::* | */*) names_tests=1 ;; esac
done
set +e
if [ -n "$names_tests" ]; then
  "$PY" -m pytest "$@"
  statuses=("$?")
else
  "$PY" -m pytest tests --ignore=tests/browser -n "${SREMGR_WORKERS:-auto}" "$@"
  statuses=("$?")
  "$PY" -m pytest tests/browser "$@"
  statuses+=("$?")
fi
set -e
# Exit 5 is "no test collected": fine for one of the two runs (-m engines selects none
# outside the browser), a failure when nothing ran at all.
ran=""
for status in "${statuses[@]}"; do
  if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
    exit "$status"
  fi
  [ "$status" -eq 0 ] && ran=1
done
if [ -z "$ran" ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit 0
