#!/usr/bin/env bash
# Sets up tdorg: system packages when missing (Python venv support, the
# libraries Qt and its X11 platform need, the tests' tools), then .venv with the pinned Python
# dependencies and tdorg itself. Quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
need=()
# Graphviz is not needed: tdorg draws with the Graphviz libraries inside the pygraphviz wheel.
# pdftotext/pdftoppm (poppler-utils): only the tests use them, to read exported PDFs.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v "$python" >/dev/null 2>&1 || need+=(python3)
"$python" -c "import ensurepip, venv" >/dev/null 2>&1 || need+=(python3-venv)
if command -v dpkg >/dev/null 2>&1; then
    # Qt itself, then what Qt's xcb platform plugin loads on an X11 desktop
    # (from `ldd` of libqxcb.so, libQt6XcbQpa and the xcb GL integrations).
    qt=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
    xcb=(libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
         libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
         libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0)
    # The tests: an X server for the xcb start-up test, a window finder and a screenshot tool;
    # objdump for PyInstaller's app build (scripts/build-app.sh); the MIME database tool.
    tests=(xvfb xdotool imagemagick binutils shared-mime-info)
    for pkg in "${qt[@]}" "${xcb[@]}" "${tests[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
    done
fi
if [ ${#need[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "Installing system packages: ${need[*]}"
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${need[@]}"
    else
        echo "Please install with your package manager: ${need[*]} (Qt's libraries, and tools the tests use)." >&2
    fi
fi

stamp=.venv/.tdorg-installed
if [ -f "$stamp" ] && [ "$stamp" -nt requirements.lock ] && [ "$stamp" -nt pyproject.toml ]; then
    exit 0
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
PYTHONWARNINGS=ignore .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
    || .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
touch "$stamp"
