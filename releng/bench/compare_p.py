#!/usr/bin/env python3
"""analyze-vs-r.sh: every P value (tests and their Shapiro-Wilk/Levene diagnostics) of PainLab's
report JSON against the R side's; relative 1e-9 where both are above 1e-300, else both below."""
import json, sys

pl = json.load(open(sys.argv[1]))
r = json.load(open(sys.argv[2]))["p"]
ours = {}
for res in pl["results"]:
    ours[res["id"]] = res["p_value"]
    for d in (res.get("choice") or {}).get("diagnostics") or []:
        key = res["id"] + "/" + d["test"] + (":" + d["arm"] if d.get("arm") and not d.get("on_differences") else "")
        ours[key] = d["result"]["p_value"]
bad, worst = [], 0.0
for k, p in r.items():
    q = ours.get(k)
    if q is None:
        bad.append(f"{k}: missing on the PainLab side"); continue
    if p > 1e-300 and q > 1e-300:
        rel = abs(p - q) / max(abs(p), abs(q))
        worst = max(worst, rel)
        if rel > 1e-9:
            bad.append(f"{k}: R {p!r} PainLab {q!r} (relative {rel:.3g})")
    elif not (p <= 1e-300 and q <= 1e-300):
        bad.append(f"{k}: R {p!r} PainLab {q!r}")
print(f"{len(r)} P values compared (PainLab has {len(ours)}), largest relative difference {worst:.3g}, {len(bad)} beyond 1e-9")
for b in bad:
    print("  " + b)
sys.exit(1 if bad or not r else 0)
