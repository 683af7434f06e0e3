#!/usr/bin/env bash
# Builds (scripts/setup.sh), runs every benchmark listed in
# build/bench/benchmarks.txt under Xvfb (the 3D ones need OpenGL; the others
# do not mind), prints their BENCH lines and merges them into
# docs/PERFORMANCE.md: a row is replaced only by a new figure with the same
# id, so benchmarks of other areas keep their last figures.
#   scripts/bench.sh [--quick] [name-filter]
#   OPSDECK_PERF_DOC=file   write the table somewhere else (default docs/PERFORMANCE.md)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${OPSDECK_BUILD_DIR:-$root/build}
doc=${OPSDECK_PERF_DOC:-$root/docs/PERFORMANCE.md}
args=()
filter=""
for arg in "$@"; do
  case "$arg" in
    --quick) args+=(--quick) ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) filter=$arg ;;
  esac
done

"$root/scripts/setup.sh"
list="$build/bench/benchmarks.txt"
[ -f "$list" ] || { echo "bench: $list is missing (configure with -DOPSDECK_BUILD_BENCH=ON)" >&2; exit 1; }

today=$(date -u +%Y-%m-%d)
results=$(mktemp)
trap 'rm -f "$results" "$results.table"' EXIT
failed=0
while IFS= read -r exe; do
  [ -n "$exe" ] || continue
  name=$(basename "$exe")
  # The filter matches the executable (bench_billing_import) or an id in it (billing.import).
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]] && [[ "$name" != *"${filter//./_}"* ]]; then continue; fi
  echo "bench: running $name ${args[*]:-}" >&2
  # Each benchmark gets its own X server with a screen larger than 1280x800.
  rc=0
  out=$(xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$exe" "${args[@]}" 2>/dev/null) || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "bench: $name failed (exit $rc)" >&2
    failed=1
  fi
  printf '%s\n' "$out" | grep -E '^BENCH ' | tee -a /dev/stderr | sed "s/\$/ @$name/" >>"$results" || true
done <"$list"

if [ ! -s "$results" ]; then
  # Nothing measured (a filter that matches no benchmark, or every one failed):
  # leave the table alone (awk would otherwise read the table as the new lines).
  echo "bench: no BENCH line${filter:+ for '$filter'}; $doc unchanged" >&2
  exit 1
fi

# Merge: rows of the existing table whose id was not measured now are kept.
model=$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)
machine="$(nproc) CPUs, ${model:-unknown CPU}"
mkdir -p "$(dirname "$doc")"
awk -v today="$today" '
  # New BENCH lines: BENCH id key=value ... PASS|FAIL @benchmark
  FILENAME == ARGV[1] {
    id = $2; ids[id] = 1; order[++n] = id
    value = unit = ref = ratio = goal = "";
    for (i = 3; i <= NF; ++i) {
      if ($i ~ /^value=/) value = substr($i, 7)
      else if ($i ~ /^unit=/) unit = substr($i, 6)
      else if ($i ~ /^ref=/) ref = substr($i, 5)
      else if ($i ~ /^ratio=/) ratio = substr($i, 7)
      else if ($i ~ /^goal=/) goal = substr($i, 6)
      else if ($i == "PASS" || $i == "FAIL") result = $i
      else if ($i ~ /^@/) bench = substr($i, 2)
    }
    row[id] = sprintf("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s |", id, value, unit, ref, ratio, goal, result, today, bench)
    next
  }
  # Old table rows: keep those not measured now.
  /^\| `/ { split($0, cells, "`"); if (!(cells[2] in ids)) { kept[++k] = $0 } }
  END {
    for (i = 1; i <= k; ++i) print kept[i]
    for (i = 1; i <= n; ++i) print row[order[i]]
  }
' "$results" "$( [ -f "$doc" ] && echo "$doc" || echo /dev/null )" | sort -t'`' -k2,2 >"$results.table"

{
  echo "# OpsDeck performance"
  echo
  echo "Written by \`scripts/bench.sh\`; the goals and how they are measured are in the project's"
  echo "benchmark contract. Each figure is a ratio against a reference measured in the same run, on this"
  echo "machine, so compare ratios, not absolute times. Rows are replaced only when their benchmark runs"
  echo "again; the date column says when each was measured."
  echo
  echo "Last run: $today on $machine."
  echo
  echo "| id | value | unit | ref | ratio | goal | result | measured (UTC) | benchmark |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$results.table"
} >"$doc"
echo "bench: wrote $doc" >&2
exit $failed
