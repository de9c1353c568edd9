#!/usr/bin/env bash
# Benchmark (not a test): training throughput (volumes/s per epoch) of the 3D CNN of
# org.painlab.imaging.dl (Deep Java Library on libtorch 2.7.1 CPU) against the same network in PyTorch
# for Python (Debian's python3-torch, installed here if missing; never a run-time dependency) on the
# same volumes, alternating DJL and PyTorch in one run. Goal: DJL >= 0.9 x PyTorch.
#   releng/bench/cnn-vs-pytorch.sh
#   BENCH_VOLUMES=400 BENCH_SIZE=32 BENCH_EPOCHS=6 BENCH_RUNS=2 BENCH_THREADS=2 releng/bench/cnn-vs-pytorch.sh
# Run it on a quiet machine: it prints the load before and after.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export BENCH_PYTHON=${BENCH_PYTHON:-/usr/bin/python3}
if ! "$BENCH_PYTHON" -c 'import torch, numpy' 2>/dev/null; then
  echo "installing Debian's python3-torch (benchmark peer only)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-torch python3-numpy >/dev/null
fi
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
echo "load before: $(uptime)"
cd "$root"
# every bundle the tests resolve against must be in the list (Tycho's -am does not follow MANIFEST requirements)
log=$(mktemp)
status=0
./mvnw -B verify -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.imaging,bundles/org.painlab.imaging.dl,bundles/org.painlab.imaging.dl.tests \
  -Dpainlab.test.excludedGroups=none -Dgroups=bench -Dtest=CnnBenchTest \
  -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false >"$log" 2>&1 || status=$?
grep -E "^bench:|Tests run:|ERROR|FAIL" "$log" || true
echo "load after: $(uptime)"
[ "$status" -eq 0 ] || echo "build failed ($status); full log: $log" >&2
exit "$status"
