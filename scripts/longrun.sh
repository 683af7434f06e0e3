#!/usr/bin/env bash
# The long reliability runs of issue 9 (label "longrun"), in their own build
# directory configured with -DOPSDECK_LONG_TESTS=ON so the normal suite never
# registers them:
#   longrun_reconnect   bridge refused for 60 s, console backoff 250 ms .. 4 s
#   longrun_deadpeer    keepalive 10 s / 5 s: idle stream 10 min, then SIGSTOP → dead ≤ 20 s
#   longrun_bridgeload  32 subscribers, 1 kHz per topic (≈ 1 KiB routes), 10 min, RSS growth < 10 %
#   longrun_soak        sim + bridge + mesh + billing in-process, 1 h, a backend restarted every 5 min
#
#   scripts/longrun.sh                  all of them (about 1 h 15 min)
#   scripts/longrun.sh -R bridgeload    extra ctest arguments
#   OPSDECK_LONGRUN_SMOKE=1             shorten every run to a 1–2 min smoke
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${OPSDECK_LONGRUN_BUILD_DIR:-$root/build-longrun}
OPSDECK_SKIP_BUILD=1 "$root/scripts/setup.sh"
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOPSDECK_BUILD_BENCH=OFF \
        -DOPSDECK_LONG_TESTS=ON "${launcher[@]}"
fi
cmake --build "$build" --parallel "${OPSDECK_JOBS:-$(nproc)}" \
  --target tst_reliareconnect tst_reliadeadpeer tst_relialoadlong tst_reliasoak opsdeck-bridge
cd "$build"
if [ "${OPSDECK_LONGRUN_SMOKE:-0}" = 1 ]; then
  # Environment given to ctest overrides nothing the test sets, so the smoke
  # runs the executables directly with short durations.
  export CYCLONEDDS_URI="file://$root/resources/dds/cyclonedds-loopback.xml" QT_QPA_PLATFORM=offscreen \
         QTEST_FUNCTION_TIMEOUT=900000
  status=0
  OPSDECK_RELIA_REFUSE_S=20 OPSDECK_RELIA_BACKOFF_INITIAL_MS=250 OPSDECK_RELIA_BACKOFF_MAX_MS=4000 \
    tests/reliability/tst_reliareconnect || status=1
  OPSDECK_RELIA_KEEPALIVE_MS=10000 OPSDECK_RELIA_KEEPALIVE_TIMEOUT_MS=5000 OPSDECK_RELIA_IDLE_S=60 \
    tests/reliability/tst_reliadeadpeer || status=1
  OPSDECK_RELIA_LOAD_S=60 tests/reliability/tst_relialoadlong || status=1
  OPSDECK_RELIA_SOAK_S=120 OPSDECK_RELIA_RESTART_S=30 tests/reliability/tst_reliasoak || status=1
  exit $status
fi
exec ctest --output-on-failure -L longrun "$@"
