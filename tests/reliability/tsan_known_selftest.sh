#!/usr/bin/env bash
# Self-test of tsan_known.py (run by scripts/sanitize.sh tsan before the tests):
# real captured reports of kinds A and B must be accepted, and the same
# reports with one of our frames, a lost stack or a thread of ours, a real
# race in our code, a non-race report and a stray TSan message must each be
# rejected. tsan-fixtures/README.md says where every fixture comes from.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checker="$here/tsan_known.py"
fixtures="$here/tsan-fixtures"
failed=0
# fixture  expected exit status  expected "reports A B unknown" on the total line
expect() {
  local file=$1 want_rc=$2 want_counts=$3 out rc=0
  out=$(python3 "$checker" "$fixtures/$file") || rc=$?
  local counts
  counts=$(awk '$1 == "total" { print $2, $3, $4, $5 }' <<<"$out")
  if [ "$rc" -ne "$want_rc" ] || [ "$counts" != "$want_counts" ]; then
    echo "tsan_known selftest: $file: exit $rc, totals '$counts'; expected exit $want_rc, totals '$want_counts'" >&2
    failed=1
  fi
}
expect accept-kindA-stream.log                0 "2 2 0 0"
expect accept-kindA-variants.log              0 "3 3 0 0"
expect accept-kindB-libstdcxx.log             0 "3 0 3 0"
expect accept-kindB-inlined.log               0 "1 0 1 0"
expect reject-kindA-our-frame-top.log         1 "1 0 0 1"
expect reject-kindA-our-frame-between.log     1 "1 0 0 1"
expect reject-kindA-our-frame-caller.log      1 "1 0 0 1"
expect reject-kindA-our-frame-previous.log    1 "1 0 0 1"
expect reject-kindA-lost-previous.log         1 "1 0 0 1"
expect reject-kindB-our-thread.log            1 "1 0 0 1"
expect reject-kindB-not-backendconnection.log 1 "1 0 0 1"
expect reject-our-race-getstatus.log          1 "1 0 0 1"
expect reject-vptr.log                        1 "1 0 0 1"
expect reject-fork-message.log                1 "0 0 0 1"
# all together: the known ones do not hide the unknown ones
want_all="18 5 4 10"
all=$(python3 "$checker" "$fixtures"/*.log | awk '$1 == "total" { print $2, $3, $4, $5 }') || true
[ "$all" = "$want_all" ] || { echo "tsan_known selftest: all fixtures: totals '$all', expected '$want_all'" >&2; failed=1; }
if [ "$failed" -ne 0 ]; then
  echo "tsan_known selftest: FAIL" >&2
  exit 1
fi
echo "tsan_known selftest: 4 accepted, 10 rejected as expected: OK"
