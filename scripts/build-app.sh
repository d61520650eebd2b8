#!/usr/bin/env bash
# Builds the self-contained tdorg app with PyInstaller from packaging/tdorg.spec:
# dist/tdorg/ (run dist/tdorg/tdorg), and dist/tdorg.app on macOS. Nothing needs
# to be installed on the target machine: Qt, the Graphviz libraries and
# plugins, and the templates and icons are inside. Run scripts/setup.sh first
# (./test.sh and ./run.sh do); DIST and WORK choose other output folders.
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
[ -x "$python" ] || python=.venv/Scripts/python.exe  # Windows (Git Bash)
dist=${DIST:-dist}
work=${WORK:-build/pyinstaller}
"$python" -m PyInstaller --noconfirm --clean --log-level "${LOG_LEVEL:-WARN}" \
    --distpath "$dist" --workpath "$work" packaging/tdorg.spec
echo "Built $dist/tdorg/"
