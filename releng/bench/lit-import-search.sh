#!/usr/bin/env bash
# Benchmark (not a test): import of N realistic MEDLINE records (default 100,000; about one in five
# a Chinese article with its Chinese title) into a fresh study in one audited transaction, building
# the Lucene index (one commit), and 1,000 mixed Chinese/English searches with highlights.
# Prints times, peak RSS of the test JVM and the load.
#   releng/bench/lit-import-search.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
file="${TMPDIR:-/tmp}/lit-bench-$n.nbib"
cd "$root"
[ -f "$file" ] || python3 releng/bench/lit-medline-gen.py "$n" "$file"
echo "load before: $(uptime)"
./mvnw -o -B -q verify -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.literature,bundles/org.painlab.literature.tests \
  -Dpainlab.test.excludedGroups=none -Dtest=LiteratureBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dpainlab.test.vmargs=-Xmx3g -Dbench.medline=$file" 2>&1 | grep -E "BENCH|Tests run:|ERROR|FAIL" || true
echo "load after: $(uptime)"
