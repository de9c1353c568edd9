#!/usr/bin/env bash
# Fuzzes one importer for longer than the build does (the build gives each target 20 s).
#   releng/fuzz/fuzz.sh TARGET [SECONDS]      e.g. releng/fuzz/fuzz.sh xlsx 3600
# TARGET: csv, long-csv, xlsx, redcap, odm, volume, or a fuzz test class name; SECONDS defaults to 600.
# A finding stops the run and is written as crash-<sha1> into the target's corpus folder
# (releng/org.painlab.fuzz/src/test/resources/org/painlab/fuzz/<Class>Inputs/fuzz/), where every
# later build runs it as a regression test; docs/fuzzing.md says what to do next.
# Add -o to MVN_ARGS to build offline once ~/.m2 holds Jazzer.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)"
target="${1:?usage: releng/fuzz/fuzz.sh csv|long-csv|xlsx|redcap|odm|volume [SECONDS]}"
seconds="${2:-600}"
case "$target" in
  csv) class=CsvImportFuzzTest ;;
  long-csv) class=LongCsvImportFuzzTest ;;
  xlsx) class=XlsxImportFuzzTest ;;
  redcap) class=RedcapImportFuzzTest ;;
  odm) class=OdmImportFuzzTest ;;
  volume) class=VolumeReaderFuzzTest ;;
  *) class="$target" ;;
esac
case "$seconds" in
  ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
cd "$root"
echo "fuzz.sh: fuzzing $class for $seconds s (log: releng/org.painlab.fuzz/target/fuzz-reports)" >&2
exec ./mvnw -B ${MVN_ARGS:-} verify \
  -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.trial,bundles/org.painlab.imaging,releng/org.painlab.fuzz \
  -Dpainlab.fuzz.seconds="$seconds" -Dpainlab.fuzz.seed=0 -Dpainlab.fuzz.runs=-1 -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false
