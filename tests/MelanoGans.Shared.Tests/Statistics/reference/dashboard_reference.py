#!/usr/bin/python3
"""Independent reference for the dashboard views (RocCurve, ItemConsensus, TimeHistogram), run by the C# tests.

Reads a ratings table (docs/design.md, "Ratings table") and prints JSON: per rater the ROC points from numpy
(fake positive, score = 7 - response, thresholds 7..1) and the AUC from scipy's Mann-Whitney U / (n1 n0);
per item the mean response and share called real; and numpy.histogram of active_ms on edges given on the
command line. Nothing here is ported from the C# code.

Usage: dashboard_reference.py RATINGS.csv EDGE0 EDGE1 ...
"""
import csv
import json
import sys

try:
    import numpy as np
    from scipy import stats
except ImportError as error:  # the C# test turns this into a clear failure
    print(f"reference needs python3-numpy and python3-scipy: {error}", file=sys.stderr)
    sys.exit(3)


def first_answers(path):
    seen = set()
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["rater"], row["item"])
            if row["is_repeat"].lower() in ("true", "1") or key in seen:
                continue
            seen.add(key)
            rows.append(row)
    return rows


def main():
    rows = first_answers(sys.argv[1])
    edges = np.array([float(e) for e in sys.argv[2:]])
    rater_names = sorted({r["rater"] for r in rows})
    raters = {}
    for name in rater_names:
        mine = [r for r in rows if r["rater"] == name]
        fake = np.array([r["truth"] == "fake" for r in mine])
        score = 7 - np.array([int(r["response"]) for r in mine])
        points = [[float(np.mean(score[~fake] >= t)), float(np.mean(score[fake] >= t))] for t in range(7, 0, -1)]
        u = stats.mannwhitneyu(score[fake], score[~fake], alternative="two-sided").statistic
        raters[name] = {"points": points, "auc": float(u) / (fake.sum() * (~fake).sum())}
    items = {}
    for item in sorted({r["item"] for r in rows}):
        responses = np.array([int(r["response"]) for r in rows if r["item"] == item])
        items[item] = {"mean": float(responses.mean()), "real": float(np.mean(responses >= 4)), "n": int(responses.size)}
    counts, _ = np.histogram([int(r["active_ms"]) for r in rows], bins=edges)
    json.dump({"raters": raters, "items": items, "histogram": counts.tolist()}, sys.stdout)


main()
