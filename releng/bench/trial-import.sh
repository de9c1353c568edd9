#!/usr/bin/env bash
# Benchmark (not a test): import of a 100,000-subject x 50-variable CSV into a fresh study,
# streaming the subject grid over it, exporting it; and a 1,000,000-allocation randomization
# list. Prints times and peak Java heap.
#   releng/bench/trial-import.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q verify -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.trial,bundles/org.painlab.trial.tests \
  -Dpainlab.test.excludedGroups=none -Dtest='ImportBenchmarkTest,RandomizerPerformanceTest' \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "BENCH|randomization:|Tests run:|ERROR"
