#!/usr/bin/python3
"""Independent reference for the protocol statistics of MelanoGans.Shared.Statistics (docs/design.md, "Statistics
definitions"): catch accuracy, exclusions, HYPE-infinity, HYPE at a fixed exposure, HYPE-time and paired choice (2AFC).

Reads a ratings table with the protocol columns and prints JSON. Wilson intervals come from statsmodels, binomial
tests from scipy, bootstraps from numpy; the staircase replay is written here from the rule's definition
(2-down-1-up, a reversal is a step opposite to the previous one, threshold = mean of the last 6 reversal exposures).
Nothing here is ported from the C# code.

Usage: protocol_reference.py RATINGS.csv [--bootstrap B] [--seed S] [--exclude RATER ...]
"""
import argparse
import csv
import json
import statistics
import sys
import time

try:
    import numpy as np
    from scipy import stats
    from statsmodels.stats.proportion import proportion_confint
except ImportError as error:
    print(f"reference needs python3-numpy, python3-scipy and python3-statsmodels: {error}", file=sys.stderr)
    sys.exit(3)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
LAST_REVERSALS = 6


def unescape(cell):
    return cell[1:] if len(cell) >= 2 and cell[0] == "'" and cell[1] in FORMULA_TRIGGERS else cell


def flag(cell):
    return cell.strip().lower() in ("true", "1")


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = []
        for raw in csv.DictReader(handle):
            row = {k: unescape(v) for k, v in raw.items()}
            rows.append({
                "rater": row["rater"], "item": row["item"], "source": row["source"],
                "fake": row["truth"].lower() == "fake",
                "response": int(row["response"]) if row["response"] else None,
                "repeat": flag(row["is_repeat"]), "started": row["started_at"],
                "mode": row.get("mode") or "untimed",
                "exposure": int(row["exposure_ms"]) if row.get("exposure_ms") else None,
                "practice": flag(row.get("is_practice", "")), "catch": flag(row.get("is_catch", "")),
                "chosen": row.get("chosen") or None, "active": float(row["active_ms"]),
            })
        return rows


def wilson(k, n):
    if n == 0:
        return None
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    return {"k": k, "n": n, "p": k / n, "lo": float(lo), "hi": float(hi)}


def correct(row):
    if row["mode"] == "paired":
        return row["chosen"] == "real"
    return (row["response"] <= 3) == row["fake"]


def percentile_interval(values):
    if len(values) == 0:
        return None
    return {"lo": float(np.percentile(values, 2.5)), "hi": float(np.percentile(values, 97.5))}


def crossed_bootstrap(answers, bootstrap, rng):
    """answers: list of (rater, item, error). Raters and items resampled independently, with replacement."""
    if bootstrap == 0 or not answers:
        return None
    raters = sorted({a[0] for a in answers})
    items = sorted({a[1] for a in answers})
    ri = {r: i for i, r in enumerate(raters)}
    ii = {t: i for i, t in enumerate(items)}
    n = np.zeros((len(raters), len(items)))
    e = np.zeros((len(raters), len(items)))
    for r, t, error in answers:
        n[ri[r], ii[t]] += 1
        e[ri[r], ii[t]] += error
    rates = []
    for _ in range(bootstrap):
        wr = np.bincount(rng.integers(0, len(raters), len(raters)), minlength=len(raters))
        wi = np.bincount(rng.integers(0, len(items), len(items)), minlength=len(items))
        total = wr @ n @ wi
        if total > 0:
            rates.append((wr @ e @ wi) / total)
    return percentile_interval(rates)


def hype(answers, bootstrap, rng):
    errors = sum(a[2] for a in answers)
    return {"n": len(answers), "errors": errors, "rate": errors / len(answers) if answers else None,
            "interval": crossed_bootstrap(answers, bootstrap, rng)}


def staircase_threshold(trials):
    """trials: (correct, exposure) in order. 2-down-1-up; reversal = step opposite to the previous step."""
    reversals, in_row, last = [], 0, 0
    for ok, exposure in trials:
        if not ok:
            in_row, step = 0, 1
        else:
            in_row += 1
            if in_row < 2:
                continue
            in_row, step = 0, -1
        if last != 0 and step != last:
            reversals.append(exposure)
        last = step
    tail = reversals[-LAST_REVERSALS:]
    return len(reversals), (sum(tail) / len(tail) if tail else None)


def mean_bootstrap(values, bootstrap, rng):
    if bootstrap == 0 or not values:
        return None
    values = np.asarray(values, dtype=float)
    means = [values[rng.integers(0, len(values), len(values))].mean() for _ in range(bootstrap)]
    return percentile_interval(means)


def paired_score(trials):
    deceived = sum(1 for t in trials if t["chosen"] == "fake")
    return {"deception": wilson(deceived, len(trials)),
            "binom_p": float(stats.binomtest(deceived, len(trials), 0.5).pvalue) if trials else None}


def compute(rows, bootstrap, seed, excluded):
    rng = np.random.default_rng(seed)
    out = {"practice": sum(1 for r in rows if r["practice"])}
    out["exclusions"] = {x: sum(1 for r in rows if r["rater"] == x) for x in excluded}

    catch = [r for r in rows if r["catch"] and not r["practice"]]
    out["catch_answers"] = sum(1 for r in catch if r["rater"] not in excluded)
    out["catch"] = {}
    for rater in sorted({r["rater"] for r in catch}):
        own = [r for r in catch if r["rater"] == rater]
        out["catch"][rater] = wilson(sum(1 for r in own if correct(r)), len(own))

    counted = [r for r in rows if not r["practice"] and not r["catch"] and r["rater"] not in excluded]

    # HYPE-infinity: untimed first answers (first row per rater and item, is_repeat false).
    seen, untimed, fixed = set(), [], []
    for r in counted:
        if r["mode"] == "paired" or r["repeat"] or (r["rater"], r["item"]) in seen:
            continue
        seen.add((r["rater"], r["item"]))
        if r["mode"] in ("untimed", "fixed"):
            (untimed if r["mode"] == "untimed" else fixed).append((r["rater"], r["item"], 0 if correct(r) else 1, r["source"], r["exposure"]))
    strip = lambda answers: [(a[0], a[1], a[2]) for a in answers]
    scores = lambda answers: {"overall": hype(strip(answers), bootstrap, rng),
                              "raters": {x: hype(strip([a for a in answers if a[0] == x]), bootstrap, rng)
                                         for x in sorted({a[0] for a in answers})},
                              "sources": {s: hype(strip([a for a in answers if a[3] == s]), bootstrap, rng)
                                          for s in sorted({a[3] for a in answers})}}
    out["hype_infinity"] = scores(untimed)
    # HYPE at a fixed exposure: the same rate over the fixed-exposure first answers, with their measured exposures.
    exposures = [a[4] for a in fixed if a[4] is not None]
    out["fixed"] = {"scores": scores(fixed), "exposure": {
        "n": len(exposures), "min": min(exposures, default=None), "max": max(exposures, default=None),
        "quartiles": [float(np.percentile(exposures, q)) for q in (25, 50, 75)] if exposures else None,
        "counts": {str(v): exposures.count(v) for v in sorted(set(exposures))}}}

    # HYPE-time: replay each rater's staircase in the order shown.
    stair = [r for r in counted if r["mode"] == "staircase" and r["exposure"] is not None]
    raters = {}
    for rater in sorted({r["rater"] for r in stair}):
        own = sorted((r for r in stair if r["rater"] == rater), key=lambda r: r["started"])
        reversals, threshold = staircase_threshold([(correct(r), r["exposure"]) for r in own])
        models = sorted({r["source"] for r in own if r["fake"]})
        raters[rater] = {"trials": len(own), "reversals": reversals, "threshold": threshold,
                         "model": models[0] if len(models) == 1 else None}
    thresholds = [v["threshold"] for v in raters.values() if v["threshold"] is not None]
    models = {}
    for model in sorted({v["model"] for v in raters.values() if v["model"] and v["threshold"] is not None}):
        values = [v["threshold"] for v in raters.values() if v["model"] == model and v["threshold"] is not None]
        models[model] = {"raters": len(values), "mean": float(np.mean(values)), "interval": mean_bootstrap(values, bootstrap, rng)}
    out["hype_time"] = {"raters": raters,
                        "overall": {"raters": len(thresholds), "mean": float(np.mean(thresholds)) if thresholds else None,
                                    "interval": mean_bootstrap(thresholds, bootstrap, rng)},
                        "models": models}

    paired = [r for r in counted if r["mode"] == "paired"]
    times = [r["active"] for r in paired]
    out["paired"] = {"overall": paired_score(paired),
                     "time": [float(np.percentile(times, q)) for q in (25, 50, 75)] if times else None,
                     "raters": {x: paired_score([r for r in paired if r["rater"] == x]) for x in sorted({r["rater"] for r in paired})},
                     "models": {m: paired_score([r for r in paired if r["source"] == m]) for m in sorted({r["source"] for r in paired})}}
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ratings")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--exclude", action="append", default=[])
    parser.add_argument("--bench", type=int, default=0, help="time the computation: one warm-up, then this many runs")
    args = parser.parse_args()
    rows = read(args.ratings)
    if args.bench > 0:
        compute(rows, args.bootstrap, args.seed, set(args.exclude))
        times = []
        for _ in range(args.bench):
            started = time.perf_counter()
            compute(rows, args.bootstrap, args.seed, set(args.exclude))
            times.append(time.perf_counter() - started)
        print(json.dumps({"median_seconds": statistics.median(times), "runs": times}))
        return
    print(json.dumps(compute(rows, args.bootstrap, args.seed, set(args.exclude))))


if __name__ == "__main__":
    main()
