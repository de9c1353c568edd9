#!/usr/bin/env bash
# Benchmark (not a test): the Subject Grid over 100,000 subjects x every column of the demo
# trial, on the NatTable grid (org.painlab.core.ui.grid.DataGrid) and on the raw SWT virtual
# table it replaced (kept only in the bench). Prints, per grid: time from the start of loading
# to the first paint showing rows; the longest UI-thread stall (one dispatched event or one
# call) while loading, while scrolling top to bottom a page at a time, and while filtering
# arm = S; heap used with the grid shown; the UI-thread time of a whole-window repaint of the
# NatTable grid with its own body painter and, alternating, with NatTable's TextPainter
# (BENCH_REPAINTS times each, default 40); the UI-thread time of creating the first grid and a
# second one; how long the workbench's grid warm-up took and its longest UI-thread step (the
# offscreen rehearsal of a first grid, GridRehearsal, unless REHEARSAL=false); a screenshot of
# the loaded grid (bundles/org.painlab.trial.ui.tests/target/subject-grid-N.png). Runs SubjectGridBenchmarkTest (tagged "bench") in
# the workbench under the UI test harness, under Xvfb when there is no display.
#   releng/bench/subject-grid.sh
#   SUBJECTS=20000 releng/bench/subject-grid.sh
#   REHEARSAL=false releng/bench/subject-grid.sh   (no offscreen rehearsal of the first grid at idle)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
xvfb=()
if [ -z "${DISPLAY:-}" ]; then
  xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
"${xvfb[@]}" ./mvnw -B -q verify \
  -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.core.ui,bundles/org.painlab.collections.osgi,bundles/org.painlab.trial,bundles/org.painlab.trial.ui,bundles/org.painlab.trial.ui.tests \
  -Dpainlab.test.excludedGroups=none -Dtest=SubjectGridBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subjects="${SUBJECTS:-100000}" -Dbench.repaints="${BENCH_REPAINTS:-40}" -Dpainlab.grid.rehearsal="${REHEARSAL:-true}" 2>&1 | grep -E "BENCH|Tests run:|FAIL|ERROR\] .*Test" || true
