#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console. With a display it
# opens the window; without one it runs under Xvfb, saves a screenshot of the
# running console and prints where it is.
#   scripts/demo.sh [extra opsdeck arguments]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${OPSDECK_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
app="$build/app/opsdeck"
args=(--demo "$@")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "${args[@]}"
fi
shots=${OPSDECK_SCREENSHOT_DIR:-$build/screenshots}
mkdir -p "$shots"
echo "demo: no display found; running under Xvfb and saving screenshots to $shots"
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
  "$app" "${args[@]}" --screenshot "$shots/opsdeck-demo.png"
echo "demo: screenshot written: $shots/opsdeck-demo.png"
