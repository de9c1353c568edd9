#!/usr/bin/env bash
# Records the classes the workbench's UI thread loads between the application's start and the first
# window's first paint, for org.painlab.core.ui's FirstWindowClasses (which loads them on another
# core meanwhile): starts the built product once on a fresh configuration with -Xlog:class+load and
# the start-up probe, and writes bundles/org.painlab.core.ui/src/org/painlab/core/ui/internal/
# first-window-classes.txt ("bundle class" a line, in load order; "jrt" for JDK classes; PainLab's own
# bundles and the JDK's management and JFR modules left out). Run it after a target-platform update.
#   releng/bench/first-window-classes.sh        (build first: ./mvnw -DskipTests verify)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.mvn/find-java.sh"; painlab_find_java
dir="$root/releng/org.painlab.product/target/products/org.painlab.workbench/linux/gtk/x86_64/painlab"
out="$root/bundles/org.painlab.core.ui/src/org/painlab/core/ui/internal/first-window-classes.txt"
[ -d "$dir/plugins" ] || { echo "missing $dir: build first (./mvnw -DskipTests verify)" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/conf"
cp "$dir/configuration/config.ini" "$work/conf/"
cp -r "$dir/configuration/org.eclipse.equinox.simpleconfigurator" "$work/conf/"
launcher=$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
"$JAVA_HOME/bin/java" -Xms128m -Xmx4g --enable-native-access=ALL-UNNAMED -Dpainlab.startupProbe="$work/probe" \
  -Dpainlab.firstWindowClasses=false -Xlog:class+load:file="$work/classes.log" \
  -jar "$launcher" -install "$dir" -configuration "$work/conf" -data "$work/ws" -application org.painlab.core.ui.application -nosplash \
  >"$work/out.log" 2>&1 || true
[ -s "$work/probe" ] || { echo "no window painted; see log:" >&2; tail -20 "$work/out.log" >&2; exit 1; }
# from the application class to the probe's runnable (the first paint); first occurrence of each class
awk '
  / org\.painlab\.core\.ui\.internal\.PainLabApplication source:/ { on = 1; next }
  / org\.painlab\.core\.ui\.internal\.StartupProbe\$\$Lambda/ { exit }
  on && $3 == "source:" {
    name = $2; src = $4
    if (name in seen) next
    seen[name] = 1
    if (src ~ /^jrt:\//) {
      mod = substr(src, 6)
      if (mod == "java.base" || mod == "java.xml" || mod == "jdk.xml.dom" || mod == "java.desktop") print "jrt " name
      next
    }
    if (src !~ /^file:.*\/plugins\/[^\/]+\.jar$/) next
    n = split(src, parts, "/"); jar = parts[n]
    if (!match(jar, /_[0-9]+\.[0-9]+\.[0-9]+/)) next
    bsn = substr(jar, 1, RSTART - 1)
    if (bsn ~ /^org\.painlab\./) next
    print bsn " " name
  }' "$work/classes.log" > "$out"
echo "$(wc -l < "$out") classes written to $out"
