#!/usr/bin/env bash
# Sanitizer runs of the test suite (issue 9):
#   scripts/sanitize.sh asan [ctest args]   ASan + UBSan build (CMakePresets "asan") into build-asan/
#   scripts/sanitize.sh tsan [ctest args]   ThreadSanitizer build ("tsan") into build-tsan/, threaded
#                                           parts only by default (clients, bridge, billing import,
#                                           recorder, reliability)
# Default ctest selection: asan → the whole suite; tsan → the threaded tests.
# Suppressions (documented in docs/RELIABILITY.md) live in tests/reliability/*.supp.
# tsan: TSan reports do not fail a test by themselves (exitcode=0); each
# process writes them to build-tsan/tsan-logs/tsan.<exe>.<pid>, and
# tests/reliability/tsan_known.py then accepts only the two documented gRPC
# kinds (matched on both stacks) — the run fails on a failed test OR on any
# other report. The checker's self-test runs first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kind=${1:-asan}
shift || true
OPSDECK_SKIP_BUILD=1 "$root/scripts/setup.sh"
build="$root/build-$kind"
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi
[ -f "$build/CMakeCache.txt" ] || cmake --preset "$kind" -S "$root" "${launcher[@]}"
export OPSDECK_TIMEOUT_SCALE=${OPSDECK_TIMEOUT_SCALE:-4}
quick=(tst_reliatls tst_reliareconnect tst_reliadeadline tst_reliadeadpeer tst_reliafaults tst_reliabadinput)
case "$kind" in
  asan)
    # Mesa's software GL driver is preloaded so that leak reports from it keep
    # its name after libGL unloads it (lsan.supp suppresses it by name); the
    # preload comes before the ASan runtime, hence verify_asan_link_order=0.
    dri=/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:verify_asan_link_order=0"
    export LSAN_OPTIONS="suppressions=$root/tests/reliability/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    [ -f "$dri" ] && export LD_PRELOAD="$dri"
    default=(-j2 --timeout 900)
    targets=(all)
    ;;
  tsan)
    tsanlogs="$build/tsan-logs"
    export TSAN_OPTIONS="suppressions=$root/tests/reliability/tsan.supp:halt_on_error=0:second_deadlock_stack=1:report_signal_unsafe=0:die_after_fork=0:history_size=7:exitcode=0:log_path=$tsanlogs/tsan:log_exe_name=1"
    # exitcode=0, log_path, log_exe_name: see the top; the checker reads the logs.
    # die_after_fork=0: tst_reliatls and tst_reliadeadpeer start processes
    # (openssl, opsdeck-bridge) from a test that already runs threads.
    # history_size=7 (the most; ≈ 750 MB for tst_reliabadinput): the previous
    # access's stack is kept long enough for the suppressions to match it
    # ("failed to restore the stack" matches nothing; under load it still
    # happens now and then).
    default=(-R "^(tst_reliatls|tst_reliareconnect|tst_reliadeadline|tst_reliadeadpeer|tst_reliafaults|tst_reliabadinput|tst_backendconnection|tst_bridgeclient|tst_bridgefanout|tst_billingimport|tst_costledger|tst_recorder)$")
    targets=("${quick[@]}" tst_backendconnection tst_bridgeclient tst_bridgefanout tst_billingimport tst_costledger tst_recorder)
    ;;
  *) echo "usage: $0 asan|tsan [ctest args]" >&2; exit 2 ;;
esac
if [ $# -gt 0 ]; then
  cmake --build "$build" --parallel "${OPSDECK_JOBS:-$(nproc)}"   # any test: build everything
  args=("$@")
else
  cmake --build "$build" --parallel "${OPSDECK_JOBS:-$(nproc)}" --target "${targets[@]}" opsdeck-bridge
  args=("${default[@]}")
fi
cd "$build"
if [ "$kind" != tsan ]; then
  exec xvfb-run -a ctest --output-on-failure "${args[@]}"
fi
checker="$root/tests/reliability/tsan_known.py"
"$root/tests/reliability/tsan_known_selftest.sh"
rm -rf "$tsanlogs" && mkdir -p "$tsanlogs"
mapfile -t ran < <(ctest -N "${args[@]}" | sed -n 's/^ *Test *#[0-9]*: \(.*\)$/\1/p')
status=0
xvfb-run -a ctest --output-on-failure "${args[@]}" || status=$?
echo "== ThreadSanitizer reports ($tsanlogs)"
python3 "$checker" --explain --expect "${ran[@]}" opsdeck-bridge -- "$tsanlogs" || status=$((status | 4))
[ "$status" -eq 0 ] && echo "sanitize.sh tsan: every test passed, every report is of a documented kind"
exit "$status"
