# Sourced by demo.sh and test.sh: make (once) and use the project's own virtual environment
# in .venv, never the system interpreter. Debian's and Ubuntu's python3 refuse `pip install`
# (PEP 668), and their venv module lives in a separate package, installed here when missing.
# After sourcing: $PY is the venv's python, and .venv/bin is first on PATH.

sremgr_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sremgr_venv="${SREMGR_VENV:-$sremgr_root/.venv}"

sremgr_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

sremgr_apt_get() {
  # apt-get as root that waits (up to five minutes) for another process's apt or dpkg lock
  # instead of failing at once with exit 100. apt's own DPkg::Lock::Timeout covers the dpkg
  # lock (install), not the package lists' lock that `apt-get update` takes: that is retried.
  local err status deadline=$((SECONDS + 300)) said="" errexit=""
  [[ $- == *e* ]] && errexit=1
  set +e
  err="$(mktemp)"
  while true; do
    { sremgr_as_root apt-get -o DPkg::Lock::Timeout=300 "$@" 2>&1 1>&3 | tee "$err" >&2
      status=${PIPESTATUS[0]}; } 3>&1
    if [ "$status" -eq 100 ] && grep -q "Could not get lock" "$err" && [ "$SECONDS" -lt "$deadline" ]; then
      [ -n "$said" ] || echo "== another process holds the apt lock: waiting for it (up to 5 minutes)" >&2
      said=1
      sleep 5
      continue
    fi
    break
  done
  rm -f "$err"
  [ -n "$errexit" ] && set -e
  return "$status"
}

sremgr_find_python() {
  # The first python3 of 3.10 or later on PATH.
  local candidate
  for candidate in python3 python3.13 python3.12 python3.11 python3.10; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "error: mkdocs-sremgr needs Python 3.10 or later (apt-get install python3)" >&2
  return 1
}

if [ ! -x "$sremgr_venv/bin/python" ]; then
  base_python="$(sremgr_find_python)"
  echo "== creating the virtual environment $sremgr_venv (from $base_python)"
  if ! "$base_python" -m venv "$sremgr_venv" >/dev/null 2>&1; then
    # Debian/Ubuntu: venv without ensurepip fails until python3-venv (or python3.X-venv) is in.
    rm -rf "$sremgr_venv"
    version="$("$base_python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    echo "== installing Debian's python3-venv (python$version-venv)"
    export DEBIAN_FRONTEND=noninteractive
    sremgr_apt_get update -qq
    sremgr_apt_get install -y -qq "python$version-venv" >/dev/null 2>&1 ||
      sremgr_apt_get install -y -qq python3-venv >/dev/null
    "$base_python" -m venv "$sremgr_venv"
  fi
  "$sremgr_venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
fi

PY="$sremgr_venv/bin/python"
export PATH="$sremgr_venv/bin:$PATH"
export VIRTUAL_ENV="$sremgr_venv"
