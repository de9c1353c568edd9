"""scikit-learn's random forest on the feature table RfSpeedBench writes: the peer of releng/bench/rf-vs-sklearn.sh.

Same table, same grouped folds (folds.csv), same forest shape as PainLab's rf defaults: 300 trees,
max depth 12, sqrt(features) per split, bootstrap samples, Gini, min_samples_split=2 and
min_samples_leaf=1 (scikit-learn's defaults, which rf now shares).
  python3 rf_sklearn.py fit DIR            one fit (for whole-process timing)
  python3 rf_sklearn.py bench DIR REPEATS  fit-only times (1 and 2 jobs) and the grouped-CV AUC
"""
import csv
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score


def read(d):
    with open(f"{d}/features.csv") as f:
        rows = list(csv.reader(f))
    x = np.array([[float(v) for v in r[3:]] for r in rows[1:]])
    y = np.array([int(r[2]) for r in rows[1:]])
    with open(f"{d}/folds.csv") as f:
        fold_of = {r[0]: int(r[1]) for r in list(csv.reader(f))[1:]}
    folds = np.array([fold_of[r[0]] for r in rows[1:]])
    return x, y, folds


def forest(jobs, seed=20261202):
    return RandomForestClassifier(n_estimators=300, max_depth=12, max_features="sqrt", min_samples_leaf=1, min_samples_split=2,
                                  bootstrap=True, criterion="gini", n_jobs=jobs, random_state=seed)


def main():
    mode, d = sys.argv[1], sys.argv[2]
    if mode == "fit":
        t0 = time.perf_counter()
        x, y, _ = read(d)
        forest(1).fit(x, y)
        print(f"bench: sklearn fit (in a fresh python) {time.perf_counter() - t0:.3f} s")
        return
    repeats = int(sys.argv[3])
    x, y, folds = read(d)
    for jobs in (1, 2):
        forest(jobs).fit(x, y)  # warm-up: imports, thread pool
        times = []
        c0 = time.process_time()
        for _ in range(repeats):
            t0 = time.perf_counter()
            forest(jobs).fit(x, y)
            times.append(time.perf_counter() - t0)
        cpu = (time.process_time() - c0) / repeats
        times.sort()
        print(f"bench: sklearn {sklearn_version()} fit-only ({x.shape[0]} cases x {x.shape[1]} features, 300 trees, depth 12,"
              f" {int(np.sqrt(x.shape[1]))} features per split, n_jobs={jobs}): median {times[len(times) // 2]:.3f} s,"
              f" best {times[0]:.3f} s wall, {cpu:.3f} s CPU per fit ({repeats} fits after a warm-up)")
    p = np.zeros(len(y))
    t0 = time.perf_counter()
    for f in sorted(set(folds)):
        m = forest(1, 20261202 + int(f)).fit(x[folds != f], y[folds != f])
        p[folds == f] = m.predict_proba(x[folds == f])[:, 1]
    print(f"bench: sklearn {len(set(folds))}-fold grouped CV (PainLab's folds): AUC {roc_auc_score(y, p):.4f}"
          f" ({time.perf_counter() - t0:.2f} s)")


def sklearn_version():
    import sklearn
    return sklearn.__version__


if __name__ == "__main__":
    main()
