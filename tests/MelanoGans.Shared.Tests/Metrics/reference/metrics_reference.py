"""Independent reference for MelanoGans.Shared.Metrics, written from the papers' definitions.

Reads a JSON request (path in argv[1]) naming .npy files and a task, prints a JSON answer. Everything in float64 on
the float32 features. Distances come from scipy.spatial.distance.cdist, which takes each pair's differences directly.
"""
import json
import sys

import numpy as np
import scipy.linalg
from scipy.spatial.distance import cdist


def load(path):
    return np.load(path).astype(np.float64)


def fd(a, b):
    """Frechet distance of Gaussian fits (FID formula): scipy.linalg.sqrtm of S1 S2, real part."""
    m1, m2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    covmean = scipy.linalg.sqrtm(s1 @ s2)
    covmean = np.real(covmean)
    sqrtm_value = float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))
    # A second route for singular covariances: eigenvalues of S1 S2 are real and >= 0, tr sqrt = sum of their roots.
    lam = np.linalg.eigvals(s1 @ s2).real
    eig_value = float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.sqrt(np.clip(lam, 0, None)).sum())
    return {"fd_sqrtm": sqrtm_value, "fd_eigvals": eig_value, "trace": float(np.trace(s1) + np.trace(s2))}


def mmd_unbiased(x, y):
    """Unbiased MMD^2 with k(x, y) = (x.y / d + 1)^3 (Binkowski et al. 2018)."""
    d = x.shape[1]
    kxx = (x @ x.T / d + 1) ** 3
    kyy = (y @ y.T / d + 1) ** 3
    kxy = (x @ y.T / d + 1) ** 3
    m, n = x.shape[0], y.shape[0]
    return float((kxx.sum() - np.trace(kxx)) / (m * (m - 1))
                 + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
                 - 2 * kxy.sum() / (m * n))


def kid(real, fake, subsets):
    if not subsets:
        return {"mean": mmd_unbiased(real, fake), "sd": 0.0}
    values = [mmd_unbiased(real[np.array(r)], fake[np.array(f)]) for r, f in subsets]
    return {"mean": float(np.mean(values)), "sd": float(np.std(values, ddof=1)) if len(values) > 1 else 0.0,
            "values": values}


def kth_radius(x, k):
    """Distance to the k-th nearest other row (the row itself left out by index)."""
    dist = cdist(x, x)
    np.fill_diagonal(dist, np.inf)
    return np.sort(dist, axis=1)[:, k - 1]


def prdc(real, fake, ks):
    """For each k: precision/recall and density/coverage, all with that k."""
    d_rf = cdist(real, fake)  # [i, j]: real i, fake j
    answer = {}
    for k in ks:
        r_real = kth_radius(real, k)
        r_fake = kth_radius(fake, k)
        # Kynkaanniemi et al. 2019: closed balls.
        precision = float((d_rf <= r_real[:, None]).any(axis=0).mean())
        recall = float((d_rf <= r_fake[None, :]).any(axis=1).mean())
        # Naeem et al. 2020 as in their prdc package: strict inequality.
        density = float((1.0 / k) * (d_rf < r_real[:, None]).sum(axis=0).mean())
        coverage = float((d_rf.min(axis=1) < r_real).mean())
        answer[str(k)] = {"precision": precision, "recall": recall, "density": density, "coverage": coverage}
    return answer


def memorisation(train, generated, metric):
    d_tt = cdist(train, train, metric=metric)
    np.fill_diagonal(d_tt, np.inf)
    threshold = float(np.percentile(d_tt.min(axis=1), 5))
    d_gt = cdist(generated, train, metric=metric)
    nearest = d_gt.argmin(axis=1)
    ordered = np.sort(d_gt, axis=1)
    best, second = ordered[:, 0], ordered[:, 1]
    order = np.lexsort((np.arange(len(best)), best))
    return {"share": float((best < threshold).mean()), "threshold": threshold,
            "fake_index": [int(i) for i in order], "train_index": [int(nearest[i]) for i in order],
            "distance": [float(best[i]) for i in order],
            "second_ratio": [float(best[i] / second[i]) if second[i] > 0 else 1.0 for i in order]}


def main():
    with open(sys.argv[1]) as f:
        request = json.load(f)
    task = request["task"]
    if task == "fd":
        answer = fd(load(request["a"]), load(request["b"]))
    elif task == "kid":
        answer = kid(load(request["real"]), load(request["fake"]), request.get("subsets") or [])
    elif task == "prdc":
        answer = prdc(load(request["real"]), load(request["fake"]), request["ks"])
    elif task == "memorisation":
        answer = memorisation(load(request["train"]), load(request["generated"]), request["metric"])
    elif task == "load":
        m = np.load(request["path"])
        answer = {"dtype": str(m.dtype), "shape": list(m.shape), "fortran": bool(np.isfortran(m)) if m.ndim > 1 else False,
                  "values": [float(v) for v in m.ravel()]}
    elif task == "save":
        # Writes an array for the C# reader: values, dtype and order as asked.
        m = np.array(request["values"], dtype=request["dtype"]).reshape(request["shape"])
        if request.get("fortran"):
            m = np.asfortranarray(m)
        with open(request["path"], "wb") as f:
            np.lib.format.write_array(f, m, version=tuple(request.get("version", [1, 0])))
        answer = {"written": request["path"]}
    else:
        raise SystemExit(f"unknown task {task}")
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
