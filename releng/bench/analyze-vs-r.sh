#!/usr/bin/env bash
# `stats analyze` benchmark (not a test): whole processes, alternating, RUNS times each, on a seeded
# synthetic seed-trial table (ROWS subjects x 23 columns, gen_trial_csv.py, with its spec.json):
#   (a) painlab stats analyze data.csv --group arm --spec spec.json --out out.json --timings
#   (b) Rscript analyze_r.R: the R script PainLab writes with --out analysis.R (base R, PainLab's
#       choices, Shapiro-Wilk on the same 5000-value thinning for n > 5000) run on the same data.csv
# Every P value (tests and Shapiro-Wilk/Levene diagnostics) of both sides is compared (compare_p.py).
# Prints min and median wall time, CPU and peak RSS (/usr/bin/time %M) per side, and the analysis-alone
# times (R: system.time around read.csv plus as.numeric of the numeric columns, and around the tests;
# PainLab: --timings read/analyse/write), as wall time and as CPU time of the process (which a busy machine
# does not inflate; PainLab's counts all its threads, the collector's and compiler's too).
#   releng/bench/analyze-vs-r.sh            (build first: ./mvnw -DskipTests verify)
#   RUNS=5 ROWS=200000 PRODUCT=/path/to/painlab-dir releng/bench/analyze-vs-r.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=${RUNS:-5}
rows=${ROWS:-200000}
product=${PRODUCT:-"$root/releng/org.painlab.product/target/products/org.painlab.workbench/linux/gtk/x86_64/painlab"}
[ -x "$product/painlab" ] || { echo "missing $product: build first (./mvnw -DskipTests verify)" >&2; exit 1; }
command -v Rscript >/dev/null 2>&1 || { echo "Rscript missing (apt-get install r-base-core)" >&2; exit 1; }
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work" >&2 || trap 'rm -rf "$work"' EXIT
cp -r "$product" "$work/painlab"
pl="$work/painlab/painlab"
python3 "$here/gen_trial_csv.py" "$rows" "$work/data.csv" "$work/spec.json"
echo "data: $rows rows x 23 columns, $(( $(stat -c %s "$work/data.csv") / 1024 / 1024 )) MB" >&2
# untimed, as after an install: the first call makes the headless configuration and the framework's unsigned
# copies (and PainLab writes its R script), the second the group's class-data archive for the copies
"$pl" stats analyze "$work/data.csv" --group arm --spec "$work/spec.json" --out "$work/analysis.R" >/dev/null 2>&1
"$pl" stats analyze "$work/data.csv" --group arm --spec "$work/spec.json" --out "$work/out.json" >/dev/null 2>&1
timings=""
if "$pl" stats analyze --help 2>&1 | grep -q -- --timings; then timings="--timings"; fi

measure() { # label, command... -> appends "wall_ms cpu_ms rss_kb" to $work/<label>
  local label=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { echo "$label failed:" >&2; cat "$work/err" >&2; exit 1; }
  t1=$(date +%s%N)
  read -r u s m <"$work/time"
  awk -v w=$(( (t1 - t0) / 1000000 )) -v u="$u" -v s="$s" -v m="$m" 'BEGIN {printf "%d %d %d\n", w, (u + s) * 1000, m}' >>"$work/$label"
}
phase() { # file, key -> seconds
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d=d.get("timings", d); print(d[sys.argv[2]])' "$1" "$2"
}
for i in $(seq 1 "$runs"); do
  measure "painlab stats analyze" "$pl" stats analyze "$work/data.csv" --group arm --spec "$work/spec.json" --out "$work/out.json" --json $timings
  if [ -n "$timings" ]; then
    echo "$(phase "$work/out" read_s) $(phase "$work/out" analyse_s) $(phase "$work/out" write_s) $(phase "$work/out" read_cpu_s) $(phase "$work/out" analyse_cpu_s)" >>"$work/pl-phases"
  fi
  measure "Rscript analysis.R" Rscript "$here/analyze_r.R" "$work/data.csv" "$work/analysis.R" "$work/r.json"
  echo "$(phase "$work/r.json" read_s) $(phase "$work/r.json" analysis_s) $(phase "$work/r.json" read_cpu_s) $(phase "$work/r.json" analysis_cpu_s)" >>"$work/r-phases"
  echo "run $i done" >&2
done
same=0; python3 "$here/compare_p.py" "$work/out.json" "$work/r.json" || same=1
med() { sort -g | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
echo "whole processes, $runs runs each, alternating ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-24s %12s %12s %14s %8s\n' side "min wall ms" "median wall" "median CPU ms" "RSS MB"
for f in "painlab stats analyze" "Rscript analysis.R"; do
  printf '%-24s %12.0f %12.0f %14.0f %8d\n' "$f" "$(cut -d' ' -f1 "$work/$f" | sort -n | head -n1)" \
    "$(cut -d' ' -f1 "$work/$f" | med)" "$(cut -d' ' -f2 "$work/$f" | med)" "$(( $(cut -d' ' -f3 "$work/$f" | med | cut -d. -f1) / 1024 ))"
done
pw=$(cut -d' ' -f1 "$work/painlab stats analyze" | med); rw=$(cut -d' ' -f1 "$work/Rscript analysis.R" | med)
pm=$(cut -d' ' -f3 "$work/painlab stats analyze" | med); rm_=$(cut -d' ' -f3 "$work/Rscript analysis.R" | med)
ra=$(cut -d' ' -f2 "$work/r-phases" | med)
rc=$(cut -d' ' -f4 "$work/r-phases" | med)
echo "R phases (median s): read.csv $(cut -d' ' -f1 "$work/r-phases" | med), tests $ra; CPU: read $(cut -d' ' -f3 "$work/r-phases" | med), tests $rc"
awk -v a="$rw" -v b="$pw" 'BEGIN {printf "whole process: R / PainLab = %.2f (goal >= 4)\n", a / b}'
awk -v a="$pm" -v b="$rm_" 'BEGIN {printf "peak RSS: PainLab / R = %.2f (goal <= 2)\n", a / b}'
if [ -n "$timings" ]; then
  pa=$(cut -d' ' -f2 "$work/pl-phases" | med)
  pc=$(cut -d' ' -f5 "$work/pl-phases" | med)
  echo "PainLab phases (median s): read $(cut -d' ' -f1 "$work/pl-phases" | med), analyse $pa, write $(cut -d' ' -f3 "$work/pl-phases" | med); CPU (process): read $(cut -d' ' -f4 "$work/pl-phases" | med), analyse $pc"
  echo "PainLab analyse wall per run: $(cut -d' ' -f2 "$work/pl-phases" | tr '\n' ' ')(min $(cut -d' ' -f2 "$work/pl-phases" | sort -g | head -n1)); R tests: $(cut -d' ' -f2 "$work/r-phases" | tr '\n' ' ')"
  awk -v a="$ra" -v b="$pa" 'BEGIN {printf "analysis alone, wall: R / PainLab = %.1f (goal >= 10)\n", a / b}'
  awk -v a="$rc" -v b="$pc" 'BEGIN {if (b > 0) printf "analysis alone, CPU: R / PainLab = %.1f (PainLab: all its threads; R: one)\n", a / b}'
else
  echo "this painlab has no --timings: no analysis-alone figure for PainLab"
fi
exit $same
