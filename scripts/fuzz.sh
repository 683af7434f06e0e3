#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan/UBSan into build-fuzz/ and runs
# each for a bounded time (default 60 s), growing the corpus in
# tests/fuzz/corpus/<target>/. A crash leaves its reproducer there too (named
# crash-*), so the corpus tests of the normal build replay it from then on.
#   scripts/fuzz.sh [seconds-per-target] [target ...]
#   OPSDECK_FUZZ_JOBS=n          parallel compile jobs (default: nproc)
#   OPSDECK_FUZZ_BUILD_ONLY=1    build the fuzzers, run nothing
#   OPSDECK_FUZZ_MINIMIZE=0      keep everything the run added (default: the corpus
#                                is merged down to the inputs that add coverage; crash-*
#                                reproducers are always kept)
# Works on a fresh Debian 12 machine: scripts/setup.sh installs clang and
# libclang-rt-14-dev (libFuzzer, ASan/UBSan runtimes) from scripts/packages.txt.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${OPSDECK_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
shift || true
OPSDECK_SKIP_BUILD=1 "$root/scripts/setup.sh" >/dev/null 2>&1 || true  # packages only
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake "${launcher[@]}" -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOPSDECK_FUZZ=ON -DOPSDECK_BUILD_BENCH=OFF \
    -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^opsdeck_add_fuzz_target(\([a-z_0-9]*\).*/\1/p' "$root/tests/fuzz/CMakeLists.txt")
fi
cmake --build "$build" --target "${targets[@]}" --parallel "${OPSDECK_FUZZ_JOBS:-$(nproc)}"
[ "${OPSDECK_FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0
status=0
for t in "${targets[@]}"; do
  corpus="$root/tests/fuzz/corpus/$t"
  mkdir -p "$corpus"
  echo "fuzz: $t for ${seconds}s (corpus $corpus)"
  if ! (cd "$corpus" && ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/$t" -max_total_time="$seconds" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$corpus"); then
    echo "fuzz: $t FAILED - reproducer kept in $corpus"
    status=1
  fi
  if [ "${OPSDECK_FUZZ_MINIMIZE:-1}" = 1 ]; then
    min=$(mktemp -d)
    if (cd "$min" && ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/$t" -merge=1 -max_len=65536 -timeout=10 \
          "$min" "$corpus" >/dev/null 2>&1); then
      find "$corpus" -maxdepth 1 -type f ! -name 'crash-*' ! -name 'seed-*' -delete
      cp "$min"/* "$corpus"/ 2>/dev/null || true
    fi
    rm -rf "$min"
    echo "fuzz: $t corpus minimised to $(find "$corpus" -type f | wc -l) files"
  fi
done
exit $status
