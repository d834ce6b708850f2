#!/usr/bin/python3
"""Independent reference for MelanoGans.Shared.Statistics, run by the C# tests and by `melanogans bench stats`.

Reads a ratings table (docs/design.md, "Ratings table") and prints the statistics as JSON, computed with
statsmodels and scipy where they provide the statistic, and from the textbook definitions otherwise
(Krippendorff's alpha has no Debian package: it is built here from the coincidence matrix, Krippendorff
2011, "Computing Krippendorff's Alpha-Reliability"). Nothing here is ported from the C# code.

Usage: stats_reference.py RATINGS.csv [--bootstrap B] [--seed S] [--bench REPEATS]
"""
import argparse
import csv
import json
import math
import statistics
import sys
import time

try:
    import numpy as np
    from scipy import stats
    from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa
    from statsmodels.stats.proportion import proportion_confint
except ImportError as error:  # the C# test turns this into a clear failure
    print(f"reference needs python3-numpy, python3-scipy and python3-statsmodels: {error}", file=sys.stderr)
    sys.exit(3)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def unescape(cell):
    # The writer prefixes an apostrophe to cells a spreadsheet would run as formulas.
    return cell[1:] if len(cell) >= 2 and cell[0] == "'" and cell[1] in FORMULA_TRIGGERS else cell


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for raw in reader:
            row = {k: unescape(v) for k, v in raw.items()}
            rows.append({
                "rater": row["rater"], "item": row["item"], "source": row["source"],
                "fake": row["truth"].lower() == "fake", "response": int(row["response"]),
                "tags": [t.strip() for t in row["tags"].split(";") if t.strip()],
                "repeat": row["is_repeat"].lower() in ("true", "1"), "ms": int(row["active_ms"]),
            })
        return rows


def wilson(k, n):
    if n == 0:
        return None
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    return {"k": k, "n": n, "p": k / n, "lo": float(lo), "hi": float(hi)}


def classification(answers):
    correct = sum(1 for a in answers if (a["response"] <= 3) == a["fake"])
    fakes = [a for a in answers if a["fake"]]
    reals = [a for a in answers if not a["fake"]]
    fakes_called_fake = sum(1 for a in fakes if a["response"] <= 3)
    reals_called_real = sum(1 for a in reals if a["response"] >= 4)
    n = len(answers)
    return {
        "answers": n,
        "accuracy": wilson(correct, n),
        "binom_p": float(stats.binomtest(correct, n, 0.5).pvalue) if n else None,
        "sensitivity": wilson(fakes_called_fake, len(fakes)),
        "specificity": wilson(reals_called_real, len(reals)),
        "deception": wilson(len(fakes) - fakes_called_fake, len(fakes)),
    }


def auc(answers):
    fake = [7 - a["response"] for a in answers if a["fake"]]
    real = [7 - a["response"] for a in answers if not a["fake"]]
    if not fake or not real:
        return None
    u = stats.mannwhitneyu(fake, real, alternative="two-sided").statistic
    return float(u) / (len(fake) * len(real))


def quartiles(values):
    if not values:
        return None
    q1, q2, q3 = np.percentile(np.asarray(values, dtype=float), [25, 50, 75])
    return {"q1": float(q1), "median": float(q2), "q3": float(q3)}


def coincidences(unit_values, levels):
    """Krippendorff's coincidence matrix: every ordered pair of values from different coders within a unit
    adds 1 / (m_u - 1); units with fewer than two values are not pairable."""
    counts = np.zeros((len(unit_values), levels))
    for u, values in enumerate(unit_values):
        for v in values:
            counts[u, v] += 1
    m = counts.sum(axis=1)
    keep = m >= 2
    counts, m = counts[keep], m[keep]
    # Number of (c, k) pairs of distinct coders in a unit: n_c * n_k, minus n_c when c == k.
    pairs = counts[:, :, None] * counts[:, None, :] - np.einsum("uc,ck->uck", counts, np.eye(levels))
    per_unit = pairs / (m - 1)[:, None, None]
    return per_unit


def alpha_from(o, level):
    """alpha = 1 - D_o / D_e for one or many coincidence matrices o[..., c, k]."""
    o = np.asarray(o, dtype=float)
    single = o.ndim == 2
    if single:
        o = o[None]
    levels = o.shape[-1]
    n_c = o.sum(axis=2)
    n = n_c.sum(axis=1)
    c = np.arange(levels)
    if level == "nominal":
        delta = np.broadcast_to((c[:, None] != c[None, :]).astype(float), o.shape)
    elif level == "interval":
        delta = np.broadcast_to(((c[:, None] - c[None, :]) ** 2).astype(float), o.shape)
    else:  # ordinal: (sum_{g=c}^{k} n_g - (n_c + n_k) / 2)^2
        cumulative = np.cumsum(n_c, axis=1)
        lo = np.minimum(c[:, None], c[None, :])
        hi = np.maximum(c[:, None], c[None, :])
        below = np.where(lo > 0, cumulative[:, np.maximum(lo - 1, 0)], 0.0)
        between = cumulative[:, hi] - below
        delta = (between - (n_c[:, :, None] + n_c[:, None, :]) / 2) ** 2
    d_o = (o * delta).sum(axis=(1, 2)) / n
    d_e = (n_c[:, :, None] * n_c[:, None, :] * delta).sum(axis=(1, 2)) / (n * (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = 1 - d_o / d_e
    alpha = np.where((d_e > 0) & (n > 1), alpha, np.nan)
    return float(alpha[0]) if single else alpha


def krippendorff(unit_values, levels, level, bootstrap, rng):
    per_unit = coincidences(unit_values, levels)
    if len(per_unit) == 0:
        return {"alpha": None, "lo": None, "hi": None}
    value = alpha_from(per_unit.sum(axis=0), level)
    result = {"alpha": None if math.isnan(value) else value, "lo": None, "hi": None}
    if bootstrap > 0:
        units = len(per_unit)
        draws = rng.integers(0, units, size=(bootstrap, units))
        weights = np.zeros((bootstrap, units))
        np.add.at(weights, (np.arange(bootstrap)[:, None], draws), 1)
        resampled = (weights @ per_unit.reshape(units, -1)).reshape(bootstrap, levels, levels)
        alphas = alpha_from(resampled, level)
        alphas = alphas[~np.isnan(alphas)]
        if len(alphas):
            result["lo"], result["hi"] = (float(x) for x in np.percentile(alphas, [2.5, 97.5]))
    return result


def compute(rows, bootstrap, seed):
    first, repeats = {}, []
    for row in rows:
        if not row["repeat"]:
            first.setdefault((row["rater"], row["item"]), row)
    for row in rows:
        if row["repeat"] and (row["rater"], row["item"]) in first:
            repeats.append((first[(row["rater"], row["item"])], row))
    answers = list(first.values())
    raters = sorted({a["rater"] for a in answers})
    items = sorted({a["item"] for a in answers})
    item_fake = {}
    item_source = {}
    for row in rows:
        item_fake.setdefault(row["item"], row["fake"])
        item_source.setdefault(row["item"], row["source"])
    sources = sorted({row["source"] for row in rows})

    out = {"overall": classification(answers), "overall_auc": auc(answers),
           "time": quartiles([a["ms"] for a in answers]), "raters": {}, "sources": {}}
    for rater in raters:
        mine = [a for a in answers if a["rater"] == rater]
        out["raters"][rater] = {**classification(mine), "auc": auc(mine), "time": quartiles([a["ms"] for a in mine])}
    for source in sources:
        mine = [a for a in answers if item_source[a["item"]] == source]
        tags = {}
        for a in mine:
            for tag in set(a["tags"]):
                tags[tag] = tags.get(tag, 0) + 1
        out["sources"][source] = {**classification(mine), "tags": {t: wilson(k, len(mine)) for t, k in tags.items()}}

    # Agreement on the binary call (0 = fake, 1 = real) and the 6-point response (0..5).
    by_item = {item: {} for item in items}
    for a in answers:
        by_item[a["item"]][a["rater"]] = a["response"]
    complete = [item for item in items if len(by_item[item]) == len(raters)]
    if len(raters) >= 2 and complete:
        table = np.array([[sum(1 for r in by_item[i].values() if r <= 3), sum(1 for r in by_item[i].values() if r >= 4)] for i in complete])
        value = fleiss_kappa(table, method="fleiss")
        out["fleiss"] = {"items": len(complete), "kappa": None if math.isnan(value) else float(value)}
    else:
        out["fleiss"] = {"items": 0, "kappa": None}

    out["cohen"] = {}
    for i, a in enumerate(raters):
        for b in raters[i + 1:]:
            table = np.zeros((2, 2))
            for item in items:
                if a in by_item[item] and b in by_item[item]:
                    table[0 if by_item[item][a] <= 3 else 1, 0 if by_item[item][b] <= 3 else 1] += 1
            if table.sum() == 0:
                continue
            with np.errstate(divide="ignore", invalid="ignore"):
                value = float(cohens_kappa(table, return_results=False))
            out["cohen"][f"{a}|{b}"] = {"agreement": float(np.trace(table) / table.sum()), "kappa": None if math.isnan(value) else value}

    rng = np.random.default_rng(seed)
    binary = [[0 if r <= 3 else 1 for r in by_item[item].values()] for item in items]
    six = [[r - 1 for r in by_item[item].values()] for item in items]
    out["alpha_nominal"] = krippendorff(binary, 2, "nominal", bootstrap, rng)
    out["alpha_ordinal"] = krippendorff(six, 6, "ordinal", bootstrap, rng)

    out["intra"] = {}
    for rater in ["*"] + raters:
        pairs = [(f, r) for f, r in repeats if rater == "*" or f["rater"] == rater]
        if not pairs:
            continue
        table = np.zeros((2, 2))
        for f, r in pairs:
            table[0 if f["response"] <= 3 else 1, 0 if r["response"] <= 3 else 1] += 1
        with np.errstate(divide="ignore", invalid="ignore"):
            value = float(cohens_kappa(table, return_results=False))
        out["intra"][rater] = {"pairs": len(pairs), "agreement": float(np.trace(table) / table.sum()),
                               "kappa": None if math.isnan(value) else value,
                               "mad": statistics.fmean(abs(f["response"] - r["response"]) for f, r in pairs)}

    models = [s for s in sources if all(item_fake[i] for i in items if item_source[i] == s)
              and any(item_source[i] == s for i in items)]
    table = []
    for model in models:
        mine = [a for a in answers if item_source[a["item"]] == model]
        deceived = sum(1 for a in mine if a["response"] >= 4)
        table.append([deceived, len(mine) - deceived])
    out["deception"] = {"models": models, "table": table}
    if len(table) >= 2:
        t = np.asarray(table)
        if (t.sum(axis=0) > 0).all() and (t.sum(axis=1) > 0).all():
            chi2, p, dof, expected = stats.chi2_contingency(t, correction=False)
            out["deception"]["chi2"] = {"statistic": float(chi2), "p": float(p), "dof": int(dof), "min_expected": float(expected.min())}
        if len(table) == 2:
            out["deception"]["fisher_p"] = float(stats.fisher_exact(t, alternative="two-sided")[1])
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ratings")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bench", type=int, default=0, help="time the computation: one warm-up, then this many runs")
    args = parser.parse_args()
    rows = read(args.ratings)
    if args.bench > 0:
        compute(rows, args.bootstrap, args.seed)
        times = []
        for _ in range(args.bench):
            started = time.perf_counter()
            compute(rows, args.bootstrap, args.seed)
            times.append(time.perf_counter() - started)
        print(json.dumps({"median_seconds": statistics.median(times), "runs": times}))
        return
    print(json.dumps(compute(rows, args.bootstrap, args.seed)))


if __name__ == "__main__":
    main()
