#!/usr/bin/python3
"""Benchmark harness (not product code): integrates a generated right-hand side (sbml2code.py) with SciPy's
solve_ivp to the output times, stopping at each timed event and applying its assignments. Prints one line per
repetition, the time of the integration only (interpreter start and imports excluded):
  T scipy <method> <model> <rtol> <milliseconds>
usage: scipy_bench.py GENDIR MODEL METHOD RTOL ATOL DURATION STEPS REPS OUT.csv"""
import importlib.util
import json
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp


def integrate(rhs, event, y0, evts, method, rtol, atol, times):
    out = np.empty((len(times), len(y0)))
    y = np.array(y0, dtype=float)
    t = times[0]
    pending = sorted((te, k) for k, te in enumerate(evts) if te >= t)
    bounds = [te for te, _ in pending if te <= times[-1]] + [times[-1]]
    i = 0
    for seg_end in bounds:
        # outputs strictly before the event (or up to the end), then the event
        idx = [j for j in range(i, len(times)) if times[j] < seg_end or (seg_end == times[-1] and times[j] <= seg_end)]
        if seg_end > t:
            sol = solve_ivp(rhs, (t, seg_end), y, method=method, rtol=rtol, atol=atol,
                            t_eval=[times[j] for j in idx] + ([seg_end] if not idx or times[idx[-1]] != seg_end else []))
            if not sol.success:
                raise RuntimeError(sol.message)
            for n, j in enumerate(idx):
                out[j] = sol.y[:, n]
            y = sol.y[:, -1]
        else:
            for j in idx:
                out[j] = y
        i = idx[-1] + 1 if idx else i
        t = seg_end
        while pending and pending[0][0] <= seg_end:
            y = np.array(event(pending.pop(0)[1], t, y), dtype=float)
    return out


def main(gendir, model, method, rtol, atol, duration, steps, reps, out):
    spec = importlib.util.spec_from_file_location(model, '%s/%s.py' % (gendir, model))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    meta = json.load(open('%s/%s.json' % (gendir, model)))
    times = [float(duration) * i / int(steps) for i in range(int(steps) + 1)]
    integrate(mod.rhs, mod.event, meta['y0'], meta['events'], method, float(rtol), float(atol), times)  # warm-up
    for _ in range(int(reps)):
        t0 = time.perf_counter()
        res = integrate(mod.rhs, mod.event, meta['y0'], meta['events'], method, float(rtol), float(atol), times)
        print('T scipy %s %s %g %.4f' % (method, model, float(rtol), (time.perf_counter() - t0) * 1e3), flush=True)
    with open(out, 'w') as f:
        f.write('time,' + ','.join(meta['states']) + '\n')
        for t, row in zip(times, res):
            f.write(repr(t) + ',' + ','.join(repr(float(v)) for v in row) + '\n')


if __name__ == '__main__':
    main(*sys.argv[1:10])
