#!/usr/bin/env bash
# Build the frozen one-folder app on Linux with build.spec and smoke-test it: what CI runs on
# every commit (.ci/run), and what packaging/windows/… and .github/workflows/windows.yml do
# on Windows.
#
#   packaging/build_linux.sh              # build + smoke test (~30-45 s + 2 s)
#   packaging/build_linux.sh --measure    # + the budget figures without the big database (~20 s)
#   packaging/build_linux.sh --measure-all  # + idle memory with 300,000 dossiers (~2-3 min the first time)
#
# Environment: PYTHON (default .venv/bin/python, with the packaging extra installed),
# OUT (default ${TMPDIR:-/tmp}/deskapp-build), MAX_FOLDER_MB (default 150).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-.venv/bin/python}
OUT=${OUT:-${TMPDIR:-/tmp}/deskapp-build}
MAX_FOLDER_MB=${MAX_FOLDER_MB:-150}
DIST="$OUT/dist"
WORK="$OUT/work"

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build_linux: PyInstaller is missing: $PY -m pip install -e '.[packaging]'" >&2
  exit 2
fi

start=$(date +%s)
"$PY" -m PyInstaller build.spec --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK/app"
build_s=$(( $(date +%s) - start ))

app="$DIST/DeskApp/DeskApp-debug"
QT_QPA_PLATFORM=offscreen "$app" --smoke-test

folder_mb=$(du -sm "$DIST/DeskApp" | cut -f1)
echo "build_linux: built in ${build_s} s; $DIST/DeskApp is ${folder_mb} MB (budget ${MAX_FOLDER_MB} MB)"
if [ "$folder_mb" -gt "$MAX_FOLDER_MB" ]; then
  echo "build_linux: the folder grew over ${MAX_FOLDER_MB} MB: something new is bundled (see $WORK/app/build/xref-build.html)" >&2
  exit 1
fi

case "${1:-}" in
  --measure|--measure-all)
    "$PY" -m PyInstaller packaging/bare_window.spec --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK/bare"
    dossiers=0
    [ "$1" = "--measure-all" ] && dossiers=300000
    "$PY" packaging/measure.py --dist "$DIST" --work "$OUT/measure" --dossiers "$dossiers" -o "$OUT/figures.json"
    ;;
esac
