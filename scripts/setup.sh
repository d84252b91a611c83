#!/usr/bin/env bash
# Set up .venv with newsgraph and its pinned dependencies (constraints in requirements.lock).
# Usage: scripts/setup.sh [EXTRAS]   e.g. scripts/setup.sh dev,spark
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "newsgraph needs Python 3.11 or newer: set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
spec="."
[ -n "$extras" ] && spec=".[${extras}]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e "$spec"
