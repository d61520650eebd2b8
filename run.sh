#!/usr/bin/env bash
# Set everything up, then start the tdorg editor (extra arguments: a file to open).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
