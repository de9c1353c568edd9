#!/usr/bin/env bash
# Benchmark (not a test) of trial import.
#
#   releng/bench/trial-import.sh                      in-process (Tycho test run): import of a
#       100,000-subject x 50-variable CSV into a fresh study, streaming the subject grid over it,
#       exporting it; and a 1,000,000-allocation randomization list. Prints times and peak Java heap.
#   releng/bench/trial-import.sh --process PRODUCT [BASELINE_PRODUCT] [--runs N]
#       whole processes: `painlab trial import` of the product (a folder holding the `painlab`
#       launcher) into an empty study, N runs (default 3) of each of two files:
#         w50     100,000 subjects x 50 baseline variables (the in-process test's file)
#         demo    the demo study's own CSV export (153 columns: baseline variables and the
#                 instruments' answers at every visit) repeated to 100,000 subjects with new ids
#                 (allocation_seq cleared: the copies are not on an allocation list)
#       wall time (min, median), CPU time (user + system: less distorted by a busy machine) and
#       peak RSS (/usr/bin/time %M, max) per product and file; with a
#       BASELINE_PRODUCT both run in the same session, alternating, so load hits both alike.
#       `uptime` is printed before and after: quote it with the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

if [ "${1:-}" != "--process" ]; then
  ./mvnw -B -q verify -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.trial,bundles/org.painlab.trial.tests \
    -Dpainlab.test.excludedGroups=none -Dtest='ImportBenchmarkTest,RandomizerPerformanceTest' \
    -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "BENCH|randomization:|Tests run:|ERROR"
  exit 0
fi
shift
products=()
runs=3
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) products+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ "${#products[@]}" -ge 1 ] || { echo "usage: $0 --process PRODUCT [BASELINE_PRODUCT] [--runs N]" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/painlab-import-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
first="${products[0]}/painlab"

echo "generating files in $work ..."
awk 'BEGIN {
  printf "subject_id,arm"; for (v = 1; v <= 50; v++) printf ",v%02d", v; printf "\n";
  for (i = 0; i < 100000; i++) {
    printf "B%06d,%s", i, (i % 2 == 0 ? "S" : "P");
    for (v = 1; v <= 50; v++) { x = ((i * 31 + v * 7) % 1000) / 10.0; printf ",%s", x }
    printf "\n"
  } }' > "$work/w50.csv"
"$first" study create "$work/demo-study" --demo snrb-peld > /dev/null 2>&1
"$first" trial export "$work/demo-study" "$work/demo-export.csv" > /dev/null 2>&1
# no quoted fields in the demo export (checked): plain comma splitting is safe
if grep -q '"' "$work/demo-export.csv"; then echo "demo export has quoted fields: generator needs a CSV parser" >&2; exit 1; fi
awk -F, -v OFS=, 'NR == 1 { print; next } { row[++n] = $0 }
  END { for (i = 0; i < 100000; i++) { $0 = row[i % n + 1]; $1 = sprintf("D%06d", i); $4 = ""; print } }' \
  "$work/demo-export.csv" > "$work/demo.csv"
ls -l "$work/w50.csv" "$work/demo.csv" | awk '{print "  " $NF ": " $5 " bytes"}'

echo "uptime before: $(uptime)"
for file in w50 demo; do
  for r in $(seq 1 "$runs"); do
    for p in "${!products[@]}"; do
      study="$work/study-$file-$p-$r"
      "${products[$p]}/painlab" study create "$study" > /dev/null 2>&1
      /usr/bin/time -f "%e %M %U %S" -o "$work/time" "${products[$p]}/painlab" trial import "$study" "$work/$file.csv" --json \
        > "$work/out.json" 2> "$work/err" || { echo "import failed:"; head -c 2000 "$work/out.json"; tail -5 "$work/err"; exit 1; }
      subjects=$(grep -o '"subjects" : [0-9]*' "$work/out.json" | head -1 | grep -o '[0-9]*$')
      echo "$file $p $(cat "$work/time") $subjects" >> "$work/results"
      echo "  $file product#$p run $r: $(awk '{printf "%.1f s wall, %.1f s CPU, %.0f MB peak RSS", $1, $3 + $4, $2 / 1024}' "$work/time"), $subjects subjects"
      rm -rf "$study"
    done
  done
done
echo "uptime after: $(uptime)"
for file in w50 demo; do
  for p in "${!products[@]}"; do
    awk -v f="$file" -v p="$p" '$1 == f && $2 == p { print $3, $4, $5 + $6 }' "$work/results" | sort -n |
      awk -v f="$file" -v name="${products[$p]}" '{ t[++n] = $1; c[n] = $3; if ($2 > m) m = $2 }
        END { med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
              printf "BENCH %s %s: min %.1f s, median %.1f s wall (CPU of the fastest %.1f s), peak RSS %.0f MB (%d runs)\n",
                f, name, t[1], med, c[1], m / 1024, n }'
  done
done
