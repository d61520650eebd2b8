#!/usr/bin/env bash
# Set everything up, then run the whole test suite (import contracts, then pytest).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
