#!/usr/bin/env bash
# Benchmark (not a test): the full set of paper tables for 200,000 simulated subjects x 20
# variables in PainLab, against base R (Debian's r-base-core) running the same tests on the
# same data in the same run (the R script PainLab generates). Prints both times and the ratio.
#   releng/bench/stats-vs-r.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
command -v Rscript >/dev/null || { echo "needs Rscript: apt-get install r-base-core" >&2; exit 1; }
cd "$root"
# every bundle the statistics tests resolve against must be in the list (Tycho's -am does not follow
# MANIFEST requirements): core only, since statistics reads data through core's data contract
./mvnw -B -q verify -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.stats,bundles/org.painlab.stats.tests \
  -Dpainlab.test.excludedGroups=none -Dgroups=bench 2>&1 | grep -E "^bench:|Tests run:|ERROR"
