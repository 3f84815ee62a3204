"""scikit-learn's KernelDensity on the data `trygg bench spatial --write-data DIR` timed, and a check of Trygg's grid.

Usage: /usr/bin/python3 kde.py DIR CELLS   (appends "tool,what,seconds" lines to DIR/timings.csv; called by bench/peers.sh)

scikit-learn has no quartic kernel; the Epanechnikov kernel (1 - d²/h², the same support of h = 300 m) is the closest, and
takes about the same work per point. It is evaluated exactly (rtol = atol = 0) with a k-d tree, on one core (Trygg's KDE uses both),
at CELLS of the 1,000,000 cell centres drawn at random (the time then scaled to all of them) or at all of them.
Trygg's grid is checked against the quartic sum computed here independently: for 10,000 random cells, every point within
300 m (found with scipy's cKDTree) summed in float64.
"""
import sys
import time

import numpy as np
import scipy
import sklearn
from scipy.spatial import cKDTree
from sklearn.neighbors import KernelDensity

folder, cells = sys.argv[1], int(sys.argv[2])
points = np.loadtxt(f"{folder}/kde-points.csv", delimiter=",", skiprows=1)
trygg = np.loadtxt(f"{folder}/kde-trygg.csv", delimiter=",", skiprows=1)
centres, density = trygg[:, :2], trygg[:, 2]
rng = np.random.default_rng(1)

start = time.perf_counter()
model = KernelDensity(kernel="epanechnikov", bandwidth=300.0, algorithm="kd_tree", rtol=0, atol=0).fit(points)
fit = time.perf_counter() - start
chosen = np.arange(len(centres)) if cells >= len(centres) else rng.choice(len(centres), size=cells, replace=False)
start = time.perf_counter()
model.score_samples(centres[chosen])
scored = time.perf_counter() - start
whole = fit + scored * len(centres) / cells
with open(f"{folder}/timings.csv", "a", encoding="utf-8") as timings:
    timings.write(f"sklearn,kde,{whole:.3f}\n")
print(f"sklearn KernelDensity(epanechnikov, h = 300 m, exact): fit {fit:.2f} s, {len(chosen):,} cells in {scored:.2f} s"
      + ("" if len(chosen) == len(centres) else f", so all 1,000,000 cells in {whole:.1f} s (scaled from the {len(chosen):,})"))

tree = cKDTree(points)
sample = rng.choice(len(centres), size=10_000, replace=False)
largest = 0.0
for cell in sample:
    near = points[tree.query_ball_point(centres[cell], 300.0)]
    u = ((near - centres[cell]) ** 2).sum(axis=1) / 300.0**2
    exact = (3 / np.pi * (1 - u[u < 1]) ** 2).sum() / 300.0**2 * 1e6
    largest = max(largest, abs(exact - density[cell]))
print(f"Trygg's KDE against the exact quartic sum at 10,000 random cells: max |difference| {largest:.3g} per km² "
      f"(densities up to {density.max():.0f})")
with open(f"{folder}/kde-exact-maxdiff.txt", "w", encoding="utf-8") as out:
    out.write(f"{largest:.3g}\n")
with open(f"{folder}/versions-kde.txt", "w", encoding="utf-8") as out:
    out.write(f"Python {sys.version.split()[0]}, scikit-learn {sklearn.__version__}, NumPy {np.__version__}, SciPy {scipy.__version__}\n")
