#!/usr/bin/env bash
# Benchmark (not a test): PainLab's random forest (rf: its own CART trees) against scikit-learn
# (Debian's python3-sklearn, installed here with apt-get if missing; a benchmark peer only, never a
# runtime dependency) on the same feature table: 46 patients x 8 volumes = 368 cases x 170 features,
# written deterministically by RfSpeedBench (bundles/org.painlab.imaging.tests), same forest shape
# (300 trees, max depth 12, sqrt(features) = 13 per split, bootstrap, Gini, min leaf 1), the same
# 5 patient-grouped folds (folds.csv) for an AUC sanity check. Prints whole-process times (JVM or
# python start, read the CSV, one fit), fit-only times (wall and CPU), both AUCs, and the load.
# The rf engine classes are compiled here with javac against the target platform's jars in ~/.m2
# (Tribuo only for the reader of the old saved format painlab-rf/1)
# and run without OSGi, so no Tycho build is needed.
#   releng/bench/rf-vs-sklearn.sh [repeats]      # default 3 timed fits each, after a warm-up
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
repeats="${1:-3}"
. "$root/.mvn/find-java.sh"
painlab_find_java
# Debian's python, not a pyenv shim: python3-sklearn installs into /usr/lib/python3
py=/usr/bin/python3
if ! "$py" -c 'import sklearn' 2>/dev/null; then
  echo "bench: installing python3-sklearn (benchmark peer only)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q python3-sklearn >/dev/null; else sudo apt-get install -y -q python3-sklearn >/dev/null; fi
fi
m2="${M2_REPO:-$HOME/.m2/repository}"
cp=""
for jar in org/tribuo/tribuo-core/4.3.2/tribuo-core-4.3.2.jar org/tribuo/tribuo-math/4.3.2/tribuo-math-4.3.2.jar \
  org/tribuo/tribuo-util-onnx/4.3.2/tribuo-util-onnx-4.3.2.jar org/tribuo/tribuo-common-tree/4.3.2/tribuo-common-tree-4.3.2.jar \
  org/tribuo/tribuo-classification-core/4.3.2/tribuo-classification-core-4.3.2.jar \
  org/tribuo/tribuo-classification-tree/4.3.2/tribuo-classification-tree-4.3.2.jar \
  com/oracle/labs/olcut/olcut-core/5.3.1/olcut-core-5.3.1.jar com/oracle/labs/olcut/olcut-config-protobuf/5.3.1/olcut-config-protobuf-5.3.1.jar \
  com/google/protobuf/protobuf-java/3.25.6/protobuf-java-3.25.6.jar; do
  [ -f "$m2/$jar" ] || { echo "missing $m2/$jar: build the target platform once (./mvnw verify -pl releng/org.painlab.target,...)" >&2; exit 1; }
  cp="$cp:$m2/$jar"
done
# IProgressMonitor/SubMonitor (and the OSGi classes SubMonitor touches): the newest equinox.common and osgi in ~/.m2
for a in org.eclipse.equinox.common org.eclipse.osgi; do
  v="$(ls "$m2/org/eclipse/platform/$a" | grep -E '^[0-9]' | sort -V | tail -1)"
  cp="$cp:$m2/org/eclipse/platform/$a/$v/$a-$v.jar"
done
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
src="$root/bundles/org.painlab.imaging/src/org/painlab/imaging"
"$JAVA_HOME/bin/javac" -nowarn -cp "$cp" -d "$out/classes" "$src/Volume.java" "$src/VoxelType.java" "$src/ImagingException.java" \
  "$src"/classify/*.java "$src"/internal/classify/*.java "$src/evaluate/CrossValidation.java" "$src/evaluate/PatientFolds.java" \
  "$src/evaluate/OutOfFold.java" "$root/bundles/org.painlab.imaging.tests/src/org/painlab/imaging/internal/classify/RfSpeedBench.java"
java=("$JAVA_HOME/bin/java" -cp "$out/classes$cp" org.painlab.imaging.internal.classify.RfSpeedBench)
"${java[@]}" generate "$out/data"
echo "bench: $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $("$py" --version)"
echo "bench: load before: $(uptime)"
/usr/bin/time -f "bench: painlab whole process %e s wall, %U+%S s CPU" "${java[@]}" fit "$out/data"
/usr/bin/time -f "bench: sklearn whole process %e s wall, %U+%S s CPU" "$py" "$root/releng/bench/rf_sklearn.py" fit "$out/data"
"${java[@]}" bench "$out/data" "$repeats"
"$py" "$root/releng/bench/rf_sklearn.py" bench "$out/data" "$repeats"
echo "bench: load after: $(uptime)"
