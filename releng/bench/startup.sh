#!/usr/bin/env bash
# Start-up benchmark (not a test): cold start of the PainLab product to its first painted
# workbench window, against the floor -- a bare RCP window built from the same target
# platform -- in one run, alternating, RUNS times each. Prints min and median per product
# and their ratio. "Cold" = a fresh OSGi configuration area and workspace per start
# (no bundle cache, no saved layout); the OS file cache is warm after the first run.
#   releng/bench/startup.sh            (build first: ./mvnw -DskipTests verify)
#   RUNS=10 releng/bench/startup.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.mvn/find-java.sh"; painlab_find_java
runs=${RUNS:-5}
painlab="$root/releng/org.painlab.product/target/products/org.painlab.workbench/linux/gtk/x86_64/painlab"
floor="$root/releng/org.painlab.bench/target/products/org.painlab.bench.rcp/linux/gtk/x86_64/floor"
for p in "$painlab" "$floor"; do
  [ -d "$p/plugins" ] || { echo "missing $p: build first (./mvnw -DskipTests verify)" >&2; exit 1; }
done
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start_once() { # dir app -> prints milliseconds from exec to first painted window
  local dir=$1 app=$2 conf="$work/conf.$RANDOM" ws="$work/ws.$RANDOM" probe="$work/probe.$RANDOM"
  mkdir -p "$conf"
  cp "$dir/configuration/config.ini" "$conf/"
  cp -r "$dir/configuration/org.eclipse.equinox.simpleconfigurator" "$conf/"
  local launcher; launcher=$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
  local t0; t0=$(date +%s%3N)
  "$JAVA_HOME/bin/java" -Xms128m -Xmx4g --enable-native-access=ALL-UNNAMED -Dpainlab.startupProbe="$probe" \
    -jar "$launcher" -install "$dir" -configuration "$conf" -data "$ws" -application "$app" -nosplash \
    >"$work/out.log" 2>&1 || true
  [ -s "$probe" ] || { echo "no window painted by $app; see log:" >&2; tail -20 "$work/out.log" >&2; exit 1; }
  echo $(( $(cat "$probe") - t0 ))
}

declare -a P F
for i in $(seq 1 "$runs"); do
  P+=("$(start_once "$painlab" org.painlab.core.ui.application)")
  F+=("$(start_once "$floor" org.painlab.bench.floor.application)")
  echo "run $i: painlab ${P[-1]} ms, floor ${F[-1]} ms" >&2
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d %d", a[1], m}'; }
read -r pmin pmed <<<"$(stats "${P[@]}")"
read -r fmin fmed <<<"$(stats "${F[@]}")"
echo "cold start to first painted window, $runs runs each (Java $(painlab_java_major "$JAVA_HOME/bin/java"), $(nproc) cores)"
printf '%-28s min %6d ms   median %6d ms\n' "PainLab Workbench" "$pmin" "$pmed" "bare RCP window (floor)" "$fmin" "$fmed"
awk -v a="$pmin" -v b="$fmin" -v c="$pmed" -v d="$fmed" 'BEGIN {printf "ratio PainLab/floor:        min %.2f          median %.2f\n", a/b, c/d}'
