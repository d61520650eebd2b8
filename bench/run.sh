#!/bin/sh
# Run every benchmark in bench/ with its defaults, one after another, from the project's .venv
# (the editor ones offscreen); a benchmark that fails is named and the others still run.
here=$(cd "$(dirname "$0")" && pwd)
python="$here/../.venv/bin/python"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
date -u "+%Y-%m-%d %H:%M UTC"
failed=""
for script in "$here"/bench_*.py; do
    echo
    echo "== $(basename "$script")"
    "$python" "$script" || failed="$failed $(basename "$script")"
done
if [ -n "$failed" ]; then
    echo "failed:$failed" >&2
    exit 1
fi
