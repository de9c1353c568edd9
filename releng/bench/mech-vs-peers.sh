#!/usr/bin/env bash
# Benchmark (not a test): time to integrate each built-in mechanism model to the same tolerances in PainLab
# (radau5, dopri5; in-process after JIT warm-up) against SUNDIALS CVODE in C (BDF, Adams), R deSolve (lsoda,
# bdf) and SciPy solve_ivp (LSODA, BDF, RK45), alternating in one run: PainLab's bench test runs the peers'
# round script between its own rounds. The peers integrate right-hand sides generated from the same SBML files
# (releng/bench/mech/sbml2code.py). Prints min/median per integration, the peer/PainLab ratio, the peers' whole
# process time and the largest trajectory difference against the tightest solution (CVODE BDF, rtol 1e-12).
#   releng/bench/mech-vs-peers.sh                 (ROUNDS=4 REPS=5 by default)
#   PAINLAB=/path/to/painlab releng/bench/mech-vs-peers.sh   also times whole `painlab mech run` processes
#   JFR=1 ...   records PainLab's side with Java Flight Recorder (profile settings) into the bench directory
# Peers are benchmark tools only, installed here from Debian's packages: never runtime dependencies.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/releng/bench/mech"
ROUNDS="${ROUNDS:-4}"
REPS="${REPS:-5}"
work="${BENCH_DIR:-$(mktemp -d /tmp/mech-bench.XXXXXX)}"
mkdir -p "$work/gen" "$work/traj"
PY=/usr/bin/python3   # Debian's python3 with python3-scipy (not a pyenv shim)

missing=()
for pkg in libsundials-dev r-cran-desolve python3-scipy gcc; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing the peers: ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null
fi

# the cases: model name, SBML file, duration, steps (output every hour / every 0.1 h / every day)
models="$root/bundles/org.painlab.mechanism/models"
printf '%s\t%s\t%s\t%s\n' \
  reynolds2006 "$models/reynolds2006-inflammation.xml" 500 500 \
  anderson2015 "$models/anderson2015-microglia.xml" 72 720 \
  neuroinflammation "$models/neuroinflammation-sensitization.xml" 180 180 >"$work/cases.tsv"
# rtol atol (atol = 1e-4 rtol)
printf '1e-6 1e-10\n1e-8 1e-12\n' >"$work/tolerances.txt"

table="$work/gen/models_table.h"
: >"$table"
names=()
while IFS=$'\t' read -r name file dur steps; do
  "$PY" "$here/sbml2code.py" "$file" "$name" "$work/gen"
  echo "#include \"$name.h\"" >>"$table"
  names+=("MODEL_$name")
done <"$work/cases.tsv"
echo "static model_t MODELS[] = {$(IFS=,; echo "${names[*]}")};" >>"$table"
gcc -O2 -march=native -I"$work/gen" -o "$work/cvode_bench" "$here/cvode_bench.c" -lsundials_cvode -lsundials_nvecserial \
  -lsundials_sunlinsoldense -lsundials_sunmatrixdense -lsundials_sunnonlinsolfixedpoint -lm

# the reference: CVODE BDF at rtol 1e-12, atol 1e-16
while IFS=$'\t' read -r name file dur steps; do
  "$work/cvode_bench" "$name" bdf 1e-12 1e-16 "$dur" "$steps" 1 "$work/traj/${name}_ref_cvode_bdf.csv" >/dev/null
done <"$work/cases.tsv"

# one round of the peers: every case, tolerance and method; T lines are per integration (measured inside the
# process), P lines the whole process (interpreter start, imports, warm-up integration and REPS integrations)
cat >"$work/peer-round.sh" <<ROUND
#!/usr/bin/env bash
set -euo pipefail
cd "$work"
out=times-peers.txt
round=\$1
now() { date +%s%N; }
# interpreter/library start alone, reported separately from the integrations
t0=\$(now); Rscript -e 'suppressPackageStartupMessages(library(deSolve))'; echo "P desolve start all all \$(( (\$(now) - t0) / 1000000 ))" >>\$out
t0=\$(now); $PY -c 'import numpy, scipy.integrate'; echo "P scipy start all all \$(( (\$(now) - t0) / 1000000 ))" >>\$out
t0=\$(now); ./cvode_bench 2>/dev/null || true; echo "P cvode start all all \$(( (\$(now) - t0) / 1000000 ))" >>\$out
while IFS=\$'\t' read -r name file dur steps; do
  while read -r rtol atol; do
    for spec in "cvode bdf" "cvode adams" "desolve lsoda" "desolve bdf" "scipy LSODA" "scipy BDF" "scipy RK45"; do
      set -- \$spec; tool=\$1; method=\$2
      traj="traj/\${name}_\${rtol}_\${tool}_\${method}.csv"
      t0=\$(now)
      case \$tool in
        cvode) ./cvode_bench "\$name" "\$method" "\$rtol" "\$atol" "\$dur" "\$steps" $REPS "\$traj" >>\$out ;;
        desolve) Rscript "$here/desolve_bench.R" gen "\$name" "\$method" "\$rtol" "\$atol" "\$dur" "\$steps" $REPS "\$traj" >>\$out ;;
        scipy) $PY "$here/scipy_bench.py" gen "\$name" "\$method" "\$rtol" "\$atol" "\$dur" "\$steps" $REPS "\$traj" >>\$out ;;
      esac
      echo "P \$tool \$method \$name \$rtol \$(( (\$(now) - t0) / 1000000 ))" >>\$out
    done
  done <tolerances.txt
done <cases.tsv
echo "peers: round \$round done"
ROUND
chmod +x "$work/peer-round.sh"

echo "load before: $(uptime)"
cd "$root"
./mvnw -o -B -q verify -pl releng/org.painlab.target,bundles/org.painlab.core,bundles/org.painlab.mechanism,bundles/org.painlab.mechanism.tests \
  -Dpainlab.test.excludedGroups=none -Dgroups=bench -Dtest=MechanismSpeedBenchTest \
  -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  "-Dpainlab.test.vmargs=-Xmx2g ${JFR:+-XX:StartFlightRecording=settings=profile,filename=$work/painlab.jfr} -Dpainlab.reference=$root/../shared/reference -Dpainlab.bench.mech=$work -Dpainlab.bench.rounds=$ROUNDS -Dpainlab.bench.reps=$REPS -Dpainlab.bench.peerRound=$work/peer-round.sh --enable-native-access=ALL-UNNAMED" \
  2>&1 | grep -E "^bench:|^peers:|Tests run:|ERROR|FAIL" || true
[ -s "$work/times-painlab.txt" ] || { echo "PainLab's bench test did not run (see above)" >&2; exit 1; }

# whole `painlab mech run` processes (JVM and OSGi start included), when a product with the mechanism is given
if [ -n "${PAINLAB:-}" ]; then
  while IFS=$'\t' read -r name file dur steps; do
    for solver in radau5 dopri5; do
      for r in $(seq "$ROUNDS"); do
        t0=$(date +%s%N)
        "$PAINLAB" mech run "$file" --duration "$dur" --steps "$steps" --solver "$solver" --out "$work/run.csv" >/dev/null
        echo "P painlab $solver $name default $(( ($(date +%s%N) - t0) / 1000000 ))" >>"$work/times-process.txt"
      done
    done
  done <"$work/cases.tsv"
  "$PY" - "$work/times-process.txt" <<'PYEND'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    p = line.split(); rows.setdefault((p[3], p[2]), []).append(float(p[5]))
for (c, s), v in sorted(rows.items()):
    print('process: painlab mech run %s --solver %s: median %.0f ms (min %.0f)' % (c, s, statistics.median(v), min(v)))
PYEND
fi
echo "load after: $(uptime)"
"$PY" "$here/summarize.py" "$work"
echo "raw figures and trajectories: $work"
