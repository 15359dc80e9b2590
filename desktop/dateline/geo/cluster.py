"""Marker clustering in screen space: places whose markers would pile up at the current
zoom become one marker, and split again as the user zooms in.

Greedy, heaviest first: each place not yet taken leads a cluster and takes every free
place within ``radius`` pixels of it. The leader is the place with the most weight over
the whole corpus (not the current time window), so while the user scrubs, clusters keep
their members and their position; only their counts change. A grid of ``radius``-sized
cells keeps the neighbour search to nine cells per leader.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

CLUSTER_PX = 22.0      # centres closer than this (pixels) share a marker: half-covered


def greedy_clusters(sx, sy, weight, radius: float = CLUSTER_PX,
                    alone: np.ndarray | None = None) -> np.ndarray:
    """For each point (screen pixels ``sx``, ``sy``), the index of its cluster's leader
    (itself for a leader or a point alone). Points with a non-finite position, and those
    flagged in ``alone`` (the selected place: it keeps its own marker), are never merged.
    Ties in ``weight`` are broken by index, so the result does not depend on hashing."""
    sx, sy = np.asarray(sx, dtype=float), np.asarray(sy, dtype=float)
    n = len(sx)
    leader = np.arange(n)
    free = np.isfinite(sx) & np.isfinite(sy)
    if alone is not None:
        free &= ~np.asarray(alone, dtype=bool)
    if n == 0 or radius <= 0 or free.sum() < 2:
        return leader
    cx = np.floor(sx[free] / radius).astype(np.int64)
    cy = np.floor(sy[free] / radius).astype(np.int64)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, key in zip(np.flatnonzero(free).tolist(), zip(cx.tolist(), cy.tolist())):
        cells[key].append(i)
    order = np.lexsort((np.arange(n), -np.asarray(weight, dtype=float)))
    r2 = radius * radius
    for i in order[free[order]].tolist():
        if not free[i]:
            continue                         # already taken by a heavier neighbour
        free[i] = False
        kx, ky = int(np.floor(sx[i] / radius)), int(np.floor(sy[i] / radius))
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                for j in cells.get((kx + dx, ky + dy), ()) if free[j]]
        if not near:
            continue
        near = np.asarray(near)
        taken = near[(sx[near] - sx[i]) ** 2 + (sy[near] - sy[i]) ** 2 <= r2]
        leader[taken] = i
        free[taken] = False
    return leader
