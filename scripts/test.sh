#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. Works with or without
# a display: the suite always runs inside its own Xvfb server (OpenGL tests
# need X; widget tests use Qt's offscreen platform).
#   scripts/test.sh [extra ctest arguments, e.g. -L model or -R tst_topology]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${OPSDECK_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
cd "$build"
# Scale test timeouts on slow machines (CI) without touching the tests.
export OPSDECK_TIMEOUT_SCALE=${OPSDECK_TIMEOUT_SCALE:-2}
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
  ctest --output-on-failure --timeout 600 -j "${OPSDECK_TEST_JOBS:-2}" "$@"
