#!/usr/bin/env bash
# Set everything up, analyse the shipped examples into newsgraph.duckdb, write the seed's dossier.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/newsgraph demo --db newsgraph.duckdb --out-dir out
