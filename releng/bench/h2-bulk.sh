#!/usr/bin/env bash
# Benchmark (not a test): H2 bulk-load variants for the trial store, standalone (no PainLab build).
#   releng/bench/h2-bulk.sh [SUBJECTS]     default 20,000 subjects x 50 values = 1,000,000 values
# Runs, alternating, with the H2 of the target platform (from ~/.m2) and a Java >= 21 ($JAVA_HOME or PATH):
#   tx-fk            today: one transaction, primary and foreign key (what the importer does)
#   auto-fk          a commit per 20,000-row chunk, keys kept (a staged copy written without one transaction)
#   auto-nopk-late   a commit per chunk, no keys while loading, primary key added after
#   wide             one row per subject with the 50 values in a DOUBLE PRECISION ARRAY, one transaction
# Prints one BENCH line per run and `uptime` before and after: quote it with the figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
subjects="${1:-20000}"
h2="$(ls ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "uptime before: $(uptime)"
for round in 1 2; do
  for mode in tx-fk auto-fk auto-nopk-late; do
    "$java" -Xmx1g -cp "$h2" "$here/h2-bulk/RowPerValue.java" "$mode" "$subjects" 50
  done
  "$java" -Xmx1g -cp "$h2" "$here/h2-bulk/WideRows.java" "$subjects" 50
done
echo "uptime after: $(uptime)"
