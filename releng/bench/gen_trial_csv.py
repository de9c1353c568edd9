#!/usr/bin/env python3
"""Seeded synthetic seed-trial table for analyze-vs-r.sh: one row per subject, 23 columns.

usage: gen_trial_csv.py N OUT.csv SPEC.json [SEED]
Arm S (surgery) and P (physiotherapy); a few cells are missing ("NA") as in real data.
"""
import json, random, sys

n = int(sys.argv[1]); out = sys.argv[2]; spec_out = sys.argv[3]
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 20261202)
cols = ["record_id", "arm", "age", "bmi", "sex", "smoker", "hypertension", "diabetes", "complication",
        "level", "pfirrmann", "macnab", "duration_months", "vas_adm", "vas_pre", "vas_3d", "vas_3m",
        "odi_pre", "odi_3m", "joa_pre", "joa_3m", "height", "weight"]
assert len(cols) == 23
pf = ["I", "II", "III", "IV", "V"]
mac = ["excellent", "good", "fair", "poor"]
lv = ["L3/4", "L4/5", "L5/S1"]

def na(v, p=0.01):
    return "NA" if rng.random() < p else v

with open(out, "w") as f:
    f.write(",".join(cols) + "\n")
    for i in range(n):
        s = rng.random() < 0.5
        arm = "S" if s else "P"
        age = rng.gauss(52 if s else 54, 12)
        height = rng.gauss(168, 9)
        weight = rng.gauss(74, 13)
        bmi = weight / (height / 100) ** 2
        vas_adm = min(10, max(0, round(rng.gauss(7.2, 1.3), 1)))
        vas_pre = min(10, max(0, round(vas_adm - rng.gauss(0.3, 0.8), 1)))
        vas_3d = min(10, max(0, round(vas_pre - rng.gauss(3.8 if s else 2.1, 1.5), 1)))
        vas_3m = min(10, max(0, round(vas_3d - rng.gauss(1.2 if s else 1.6, 1.2), 1)))
        odi_pre = min(100, max(0, round(rng.gauss(48, 14))))
        odi_3m = min(100, max(0, round(odi_pre - rng.gauss(26 if s else 19, 11))))
        joa_pre = min(29, max(0, round(rng.gauss(13, 4))))
        joa_3m = min(29, max(0, round(joa_pre + rng.gauss(9 if s else 7, 3))))
        row = [f"R{i + 1:06d}", arm, na(f"{age:.1f}"), na(f"{bmi:.2f}"),
               rng.choice(["F", "M"]), "yes" if rng.random() < 0.27 else "no",
               str(int(rng.random() < 0.31)), str(int(rng.random() < 0.12)),
               str(int(rng.random() < (0.06 if s else 0.045))),
               rng.choices(lv, [0.15, 0.5, 0.35])[0],
               na(rng.choices(pf, [0.05, 0.15, 0.35, 0.3, 0.15])[0]),
               na(rng.choices(mac, [0.35, 0.35, 0.2, 0.1] if s else [0.3, 0.35, 0.23, 0.12])[0]),
               f"{rng.lognormvariate(2.2, 0.6):.1f}",
               f"{vas_adm:.1f}", f"{vas_pre:.1f}", na(f"{vas_3d:.1f}"), na(f"{vas_3m:.1f}", 0.03),
               str(odi_pre), na(str(odi_3m), 0.03), str(joa_pre), na(str(joa_3m), 0.03),
               f"{height:.1f}", f"{weight:.1f}"]
        f.write(",".join(row) + "\n")

spec = {"id": "record_id",
        "continuous": ["age", "bmi", "duration_months", "height", "weight"],
        "binary": ["sex", "smoker", "hypertension", "diabetes", "complication"],
        "categorical": ["level"],
        "ordinal": {"pfirrmann": pf, "macnab": mac},
        "paired": {"vas": ["vas_adm", "vas_pre", "vas_3d", "vas_3m"], "odi": ["odi_pre", "odi_3m"],
                   "joa": ["joa_pre", "joa_3m"]},
        "arms": ["S", "P"], "control_arm": "P"}
with open(spec_out, "w") as f:
    json.dump(spec, f, indent=1)
