#!/usr/bin/python3
"""Benchmark helper: the table of releng/bench/mech-vs-peers.sh from the time lines (T tool method case rtol ms,
P tool method case rtol ms for whole processes) and the trajectories in DIR/traj (max |difference| against the
tightest-tolerance solution, CVODE BDF at rtol 1e-12, over every state and output time).
usage: summarize.py DIR"""
import csv
import glob
import json
import os
import statistics
import sys

d = sys.argv[1]
times, procs = {}, {}


def norm(r):
    try:
        return '%g' % float(r)
    except ValueError:
        return r


for f in glob.glob(os.path.join(d, 'times-*.txt')):
    for line in open(f):
        p = line.split()
        if len(p) == 6 and p[0] in ('T', 'P'):
            (times if p[0] == 'T' else procs).setdefault((p[3], norm(p[4]), p[1], p[2]), []).append(float(p[5]))
traj = {}
for f in glob.glob(os.path.join(d, 'traj', '*.csv')):
    c, r, tool, method = os.path.basename(f)[:-4].split('_')
    traj[(c, norm(r), tool, method)] = f


def read(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    head = rows[0]
    return {h: [float(r[i]) for r in rows[1:]] for i, h in enumerate(head)}


def maxdiff(case, rtol, tool, method):
    ref = traj.get((case, 'ref', 'cvode', 'bdf'))
    path = traj.get((case, rtol, tool, method))
    if not (ref and path):
        return float('nan')
    a, b = read(ref), read(path)
    cols = [c for c in a if c != 'time' and c in b]
    # rows at an event time are left out: SBML shows the state after the event there, deSolve the one before
    meta = os.path.join(d, 'gen', case + '.json')
    events = set(json.load(open(meta))['events']) if os.path.exists(meta) else set()
    rows = [i for i, t in enumerate(a['time']) if t not in events]
    return max(abs(a[c][i] - b[c][i]) for c in cols for i in rows)


STIFF = {'radau5', 'bdf', 'BDF', 'lsoda', 'LSODA'}
NONSTIFF = {'dopri5', 'adams', 'RK45', 'lsoda', 'LSODA'}
print('%-18s %-6s %-8s %-8s %9s %9s %9s %9s %10s' % ('case', 'rtol', 'tool', 'method', 'min ms', 'median ms',
                                                      'vs PL', 'process', 'max|diff|'))
cases = sorted({(k[0], k[1]) for k in times})
for case, rtol in cases:
    pl = {m: statistics.median(v) for (c, r, t, m), v in times.items() if (c, r, t) == (case, rtol, 'painlab')}
    rows = sorted((k, v) for k, v in times.items() if k[:2] == (case, rtol))
    rows.sort(key=lambda kv: (kv[0][3] not in STIFF, kv[0][2] != 'painlab', kv[0][2], kv[0][3]))
    for group, members, own in (('stiff', STIFF, 'radau5'), ('non-stiff', NONSTIFF, 'dopri5')):
        print('-- %s %s, %s methods (vs PL = peer median / PainLab %s median: > 1 PainLab faster)' % (case, rtol, group, own))
        for (c, r, tool, method), v in rows:
            if method not in members or (tool == 'painlab' and method != own):
                continue
            med = statistics.median(v)
            pr = procs.get((c, r, tool, method))
            print('%-18s %-6s %-8s %-8s %9.3f %9.3f %9.2f %9s %10.2e' % (
                c, r, tool, method, min(v), med, med / pl[own] if own in pl else float('nan'),
                '%.0f' % statistics.median(pr) if pr else '-', maxdiff(c, r, tool, method)))
for tool in ('cvode', 'desolve', 'scipy'):
    v = procs.get(('all', 'all', tool, 'start'))
    if v:
        print('start: %s process start alone (interpreter + library load, no integration): median %.0f ms' % (tool, statistics.median(v)))
tight = glob.glob(os.path.join(d, 'traj', '*_tight_painlab_radau5.csv'))
for path in sorted(tight):
    case = os.path.basename(path).split('_tight_')[0]
    print('check: %s PainLab radau5 at rtol 1e-11 vs the CVODE reference: max|diff| %.2e' % (
        case, maxdiff(case, 'tight', 'painlab', 'radau5')))
