#!/usr/bin/env bash
# Benchmark (not a test): IBSI feature extraction per 64^3 volume (speckle image, lumpy blob mask
# over ~30 % of the grid, every family, GLCM/GLRLM 3D averaged + merged, fixed bin number 32,
# Moran/Geary at their default limit of 20,000 voxels, so left out here) with today's extractor and
# the frozen previous one (bundles/org.painlab.imaging.tests/.../features/previous). Prints process CPU
# seconds and wall seconds per volume, with the load. The feature engine is plain Java: compiled here
# from the sources with javac and run without OSGi, so no Tycho build is needed.
#   releng/bench/ibsi-speed.sh [volumes]          # default 20 measured volumes after 5 warm-up
#   PROFILE=1 releng/bench/ibsi-speed.sh          # also a JFR recording and the hottest methods
#   ALL_AGGREGATIONS=1 releng/bench/ibsi-speed.sh # also today's extractor with the 2D and 2.5D aggregations added
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
volumes="${1:-20}"
# the JDK the build uses (Java 21+, found as mvnw finds it)
. "$root/.mvn/find-java.sh"
painlab_find_java
JAVA="$JAVA_HOME/bin/java"
JAVAC="$JAVA_HOME/bin/javac"
JFR="$JAVA_HOME/bin/jfr"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
src="$root/bundles/org.painlab.imaging/src/org/painlab/imaging"
tst="$root/bundles/org.painlab.imaging.tests/src/org/painlab/imaging/features"
"$JAVAC" -nowarn -d "$out" "$src/Volume.java" "$src/VoxelType.java" "$src/ImagingException.java" "$src"/features/*.java \
  "$src"/internal/features/*.java "$tst/IbsiSpeedBench.java" "$tst"/previous/*.java
echo "bench: $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
echo "bench: load before: $(uptime)"
"$JAVA" -cp "$out" org.painlab.imaging.features.IbsiSpeedBench 2 5 previous
if [ "${PROFILE:-0}" = 1 ]; then
  "$JAVA" -XX:StartFlightRecording=filename="$out/ibsi.jfr",settings=profile -cp "$out" org.painlab.imaging.features.IbsiSpeedBench 5 "$volumes"
  "$JFR" print --events jdk.ExecutionSample --stack-depth 1 "$out/ibsi.jfr" | grep -A1 'stackTrace = \[' | grep -v -e stackTrace -e '^--' \
    | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -15
else
  "$JAVA" -cp "$out" org.painlab.imaging.features.IbsiSpeedBench 5 "$volumes"
fi
if [ "${ALL_AGGREGATIONS:-0}" = 1 ]; then
  "$JAVA" -cp "$out" org.painlab.imaging.features.IbsiSpeedBench 2 "$volumes" all-aggregations
fi
echo "bench: load after: $(uptime)"
