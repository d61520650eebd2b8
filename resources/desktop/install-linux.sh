#!/usr/bin/env bash
# Registers tdorg with a Linux desktop for the current user: the menu entry,
# the .tdorg file type (opened by tdorg on double-click) and the icons.
#   bash install-linux.sh [PROGRAM]
# PROGRAM is the tdorg program to start (default: the `tdorg` on PATH; for the
# app folder built by scripts/build-app.sh, its dist/tdorg/tdorg). Files go to
# ${XDG_DATA_HOME:-~/.local/share}.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
icons=$here/../icons
program=${1:-$(command -v tdorg || true)}
if [ -z "$program" ] || [ ! -x "$program" ]; then
    echo "install-linux.sh: give the tdorg program to start (none found on PATH)" >&2
    exit 2
fi
program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
data=${XDG_DATA_HOME:-$HOME/.local/share}

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps" \
    "$data/icons/hicolor/scalable/mimetypes" "$data/icons/hicolor/512x512/apps"
# Exec names the program by its full path, quoted as the desktop entry format asks.
sed "s|^Exec=tdorg |Exec=\"$program\" |" "$here/tdorg.desktop" > "$data/applications/tdorg.desktop"
cp "$here/tdorg-chart.xml" "$data/mime/packages/tdorg-chart.xml"
cp "$icons/tdorg.svg" "$data/icons/hicolor/scalable/apps/tdorg.svg"
cp "$icons/tdorg.svg" "$data/icons/hicolor/scalable/mimetypes/application-x-tdorg.svg"
cp "$icons/tdorg.png" "$data/icons/hicolor/512x512/apps/tdorg.png"

command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications"
command -v xdg-mime >/dev/null 2>&1 && xdg-mime default tdorg.desktop application/x-tdorg
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "tdorg is registered for .tdorg files (program: $program)."
