#!/usr/bin/env bash
# Headless call benchmark (not a test): whole processes, side by side in one run, alternating,
# RUNS times each: `painlab --version`, `painlab stats test t-welch`, `painlab trial score odi`
# against Rscript doing the same computation (R starts, reads the same JSON input, computes, prints).
# Each painlab call is also run on the installation's full configuration with the default JIT
# (PAINLAB_HEADLESS_FULL=1 and no quick compiler), i.e. as before the headless configuration,
# so the effect of the launch script's levers shows in the same run.
# Prints min and median wall time, user+sys CPU and peak RSS per command.
#   releng/bench/cli-vs-r.sh            (build first: ./mvnw -DskipTests verify; installs r-base-core if missing)
#   RUNS=10 releng/bench/cli-vs-r.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs=${RUNS:-7}
product="$root/releng/org.painlab.product/target/products/org.painlab.workbench/linux/gtk/x86_64/painlab"
[ -x "$product/painlab" ] || { echo "missing $product: build first (./mvnw -DskipTests verify)" >&2; exit 1; }
if ! command -v Rscript >/dev/null 2>&1; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends r-base-core >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a private copy, so that the headless configuration is made here and the build output stays as built
cp -r "$product" "$work/painlab"
pl="$work/painlab/painlab"

cat > "$work/t.json" <<'JSON'
{"x": [5.1, 4.8, 6.2, 5.7, 6, 5.4, 4.9, 5.8, 6.3, 5.5], "y": [6.4, 5.9, 7.8, 6.1, 7.2, 6.8, 5.6, 7.5, 8.1, 6.6, 7, 9.2]}
JSON
cat > "$work/odi.json" <<'JSON'
{"pain_intensity": 3, "personal_care": 2, "lifting": 4, "walking": 1, "sitting": 3, "standing": 2, "sleeping": 1, "sex_life": 0, "social_life": 2, "travelling": 3}
JSON
# R without packages beyond base: the JSON is read with a regular expression (jsonlite is not base R)
cat > "$work/t.R" <<'R'
txt <- paste(readLines(commandArgs(TRUE)[1]), collapse = "")
num <- function(key) as.numeric(strsplit(sub(paste0('.*"', key, '": \\[([^]]*)\\].*'), "\\1", txt), ",")[[1]])
r <- t.test(num("x"), num("y"), var.equal = FALSE)
cat(sprintf('{"method": "t-welch", "statistic": %.15g, "p_value": %.15g}\n', r$statistic, r$p.value))
R
cat > "$work/odi.R" <<'R'
txt <- paste(readLines(commandArgs(TRUE)[1]), collapse = "")
v <- as.numeric(regmatches(txt, gregexpr('(?<=: )[0-9]+', txt, perl = TRUE))[[1]])
cat(sprintf('{"instrument": "odi", "score": %.15g}\n', sum(v) / (5 * length(v)) * 100))
R
cat > "$work/version.R" <<'R'
cat(R.version.string, "\n")
R

measure() { # label, command... -> appends "wall_ms cpu_ms rss_kb" to $work/<label>
  local label=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { echo "$label failed:" >&2; cat "$work/err" >&2; exit 1; }
  t1=$(date +%s%N)
  read -r u s m <"$work/time"
  awk -v w=$(( (t1 - t0) / 1000000 )) -v u="$u" -v s="$s" -v m="$m" 'BEGIN {printf "%d %d %d\n", w, (u + s) * 1000, m}' >>"$work/$label"
}

# two untimed calls each, as after an install: the first makes the headless configuration and the framework's
# unsigned copies, the second the group's class-data archive for the copies (until 3 December the first call made
# an archive from the signed jars that the JVM never made again: --version, the first call, ran without one)
for warm in 1 2; do
  "$pl" --version >/dev/null
  "$pl" stats test t-welch --input "$work/t.json" --json >/dev/null
  "$pl" trial score odi --answers "$work/odi.json" --json >/dev/null
done
PAINLAB_HEADLESS_FULL=1 "$pl" --version >/dev/null
for i in $(seq 1 "$runs"); do
  measure "painlab --version" "$pl" --version
  measure "painlab --version (before)" env PAINLAB_HEADLESS_FULL=1 PAINLAB_QUICK_JIT=0 "$pl" --version
  measure "Rscript (R.version)" Rscript "$work/version.R"
  measure "painlab stats test t-welch" "$pl" stats test t-welch --input "$work/t.json" --json
  measure "painlab stats test (before)" env PAINLAB_HEADLESS_FULL=1 PAINLAB_QUICK_JIT=0 "$pl" stats test t-welch --input "$work/t.json" --json
  measure "Rscript t.test" Rscript "$work/t.R" "$work/t.json"
  measure "painlab trial score odi" "$pl" trial score odi --answers "$work/odi.json" --json
  measure "painlab trial score (before)" env PAINLAB_HEADLESS_FULL=1 PAINLAB_QUICK_JIT=0 "$pl" trial score odi --answers "$work/odi.json" --json
  measure "Rscript ODI score" Rscript "$work/odi.R" "$work/odi.json"
  echo "run $i done" >&2
done
# both sides must have computed the same thing
"$pl" stats test t-welch --input "$work/t.json" --json >"$work/pl.json"
Rscript "$work/t.R" "$work/t.json" >"$work/r.json"
echo "t-welch statistic: painlab $(grep -o '"statistic" : [^,]*' "$work/pl.json" | cut -d: -f2) R $(grep -o '"statistic": [^,]*' "$work/r.json" | cut -d: -f2)"
echo "whole processes, $runs runs each, alternating ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-32s %14s %14s %12s %10s\n' command "min wall ms" "median wall" "median CPU ms" "RSS MB"
for f in "painlab --version" "painlab --version (before)" "Rscript (R.version)" "painlab stats test t-welch" \
    "painlab stats test (before)" "Rscript t.test" "painlab trial score odi" "painlab trial score (before)" "Rscript ODI score"; do
  col() { cut -d' ' -f"$1" "$work/$f" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2)}'; }
  printf '%-32s %14d %14d %12d %10d\n' "$f" "$(cut -d' ' -f1 "$work/$f" | sort -n | head -n1)" "$(col 1)" "$(col 2)" "$(( $(col 3) / 1024 ))"
done
