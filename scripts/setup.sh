#!/usr/bin/env bash
# Installs whatever Debian 12 packages OpsDeck needs and are missing, then
# configures and builds (Release, tests and benchmarks on). Idempotent: when
# nothing is missing and nothing changed it returns in seconds.
#
#   scripts/setup.sh            install + configure + build into ./build
#   OPSDECK_BUILD_DIR=dir       build somewhere else
#   OPSDECK_SKIP_INSTALL=1      do not touch packages
#   OPSDECK_SKIP_BUILD=1        install packages only
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${OPSDECK_BUILD_DIR:-$root/build}
jobs=${OPSDECK_JOBS:-$(nproc)}

install_packages() {
  local wanted missing=()
  mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$root/scripts/packages.txt")
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

[ "${OPSDECK_SKIP_INSTALL:-0}" = 1 ] || install_packages
[ "${OPSDECK_SKIP_BUILD:-0}" = 1 ] && exit 0

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DOPSDECK_BUILD_TESTS=ON -DOPSDECK_BUILD_BENCH=ON "${launcher[@]}"
fi
# When files were added or removed (a pull, a merge), re-run CMake and make
# AUTOMOC rescan: its cache otherwise misses new Q_OBJECT headers in globbed
# libraries of an existing build directory.
sources_now=$(cd "$root" && find . -path ./build -prune -o -path './build-*' -prune -o -path ./.git -prune \
                -o \( -name '*.h' -o -name '*.cpp' -o -name '*.proto' -o -name '*.idl' -o -name CMakeLists.txt \) -print \
              | LC_ALL=C sort | md5sum | cut -d' ' -f1)
if [ "$(cat "$build/.opsdeck-sources" 2>/dev/null)" != "$sources_now" ]; then
  cmake "$build" >/dev/null
  find "$build" -path '*_autogen/timestamp' -delete 2>/dev/null || true
  find "$build" -path '*_autogen/*ParseCache.txt' -delete 2>/dev/null || true
fi
cmake --build "$build" --parallel "$jobs"
echo "$sources_now" > "$build/.opsdeck-sources"
