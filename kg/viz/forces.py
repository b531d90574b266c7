"""The force model of the layout: a pivot-MDS start (Brandes & Pich 2006) and ForceAtlas2 (Jacomy et al. 2014).

Only ``+ - * /`` and square roots touch the coordinates (see :mod:`kg.viz.layout`), in blocks of rows so the
n × n matrices stay small.
"""

from __future__ import annotations

import math
import random
from collections import deque

import numpy as np

#: Pair interactions per refinement run: iterations shrink as a part grows (30 for 2,000 nodes: a second or two).
PAIR_BUDGET = 1.2e8
#: Pivot nodes of the MDS start: enough to give a large part its shape, few enough to stay cheap.
PIVOTS = 32
BLOCK = 128  # rows of the pairwise matrices computed at once: bounded memory on large graphs


def _bfs(adjacency: list[list[int]], start: int) -> list[int]:
    """Steps from ``start`` to every node (-1 where it cannot reach)."""
    dist = [-1] * len(adjacency)
    dist[start] = 0
    queue = deque([start])
    while queue:
        i = queue.popleft()
        for j in adjacency[i]:
            if dist[j] < 0:
                dist[j] = dist[i] + 1
                queue.append(j)
    return dist


def pivot_mds(n: int, edges: list[tuple[int, int, float]], rng: random.Random) -> np.ndarray:
    """A start that keeps graph distances: classical MDS over the distances to a few far-apart pivot nodes."""
    jitter = np.array([[rng.random() - 0.5, rng.random() - 0.5] for _ in range(n)])
    if n <= 3:
        return jitter * 2.0
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for i, j, _ in edges:
        adjacency[i].append(j)
        adjacency[j].append(i)
    degree = [len(a) for a in adjacency]
    pivot = max(range(n), key=lambda i: (degree[i], -i))
    nearest = [math.inf] * n
    columns = []
    for _ in range(min(PIVOTS, n)):
        dist = _bfs(adjacency, pivot)
        columns.append(dist)
        nearest = [min(a, b) for a, b in zip(nearest, dist)]
        pivot = max(range(n), key=lambda i: (nearest[i], -i))
        if nearest[pivot] == 0:
            break
    d2 = np.array(columns, dtype=np.float64).T ** 2  # n × k
    c = -0.5 * (d2 - d2.mean(axis=0)[None, :] - d2.mean(axis=1)[:, None] + d2.mean())
    m = np.stack([(c * c[:, [a]]).sum(axis=0) for a in range(c.shape[1])])  # cᵀc, k × k, without BLAS
    vectors: list[np.ndarray] = []
    for _ in range(2):
        v = np.array([rng.random() - 0.5 for _ in range(m.shape[0])])
        for _ in range(100):
            for u in vectors:
                v = v - (v * u).sum() * u
            v = (m * v[None, :]).sum(axis=1)
            norm = math.sqrt(float((v * v).sum()))
            if norm == 0.0:
                break
            v = v / norm
        vectors.append(v)
    pos = np.stack([(c * v[None, :]).sum(axis=1) for v in vectors], axis=1)
    spread = math.sqrt(float((pos * pos).sum()) / n) or 1.0
    # about one unit per step of graph distance, plus jitter so no two nodes start on the same spot
    return pos * (math.sqrt(n) / 2 / spread) + jitter * 0.1


def forceatlas2(
    pos: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    w: np.ndarray,
    mass: np.ndarray,
    radius: np.ndarray | None,
    kr: float,
    kg: float,
    iterations: int,
) -> np.ndarray:
    """ForceAtlas2 (as in Gephi): repulsion kr·m·m/d, attraction w·d along edges, gravity kg·m·d to the centre.

    The gravity is Gephi's "strong" one, growing with distance as vis-network's: it keeps weakly linked nodes
    from being flung out by the repulsion of a large core on long lines.

    With ``radius``, distances are taken between node rims, and overlapping nodes push hard (Gephi's adjustSizes).
    The speed adapts to how much nodes swing, node by node, as in Gephi.
    """
    n = len(pos)
    pos = pos.copy()
    old = np.zeros_like(pos)
    speed, efficiency = 1.0, 1.0
    for _ in range(iterations):
        force = _repulsion(pos, mass, radius, kr)
        delta = pos[src] - pos[dst]
        if radius is None:
            pull = delta * w[:, None]
        else:
            dist = np.sqrt((delta * delta).sum(axis=1))
            rim = dist - radius[src] - radius[dst]
            ratio = np.where(rim > 0, rim / np.maximum(dist, 1e-9), 0.0)
            pull = delta * (w * ratio)[:, None]
        for axis in (0, 1):
            force[:, axis] -= np.bincount(src, weights=pull[:, axis], minlength=n)
            force[:, axis] += np.bincount(dst, weights=pull[:, axis], minlength=n)
        force -= pos * (kg * mass)[:, None]
        # Gephi's adaptive speed: slow down nodes that swing, speed up the whole when it moves coherently
        swing = mass * np.sqrt(((force - old) ** 2).sum(axis=1))
        traction = mass * np.sqrt(((force + old) ** 2).sum(axis=1)) / 2
        total_swing, total_traction = float(swing.sum()), float(traction.sum())
        estimate = 0.05 * math.sqrt(n)
        jitter = max(math.sqrt(estimate), min(10.0, estimate * total_traction / (n * n)))
        if total_traction > 0 and total_swing / total_traction > 2.0:
            efficiency = max(efficiency * 0.5, 0.05)
            jitter = max(jitter, 1.0)
        target = jitter * efficiency * total_traction / total_swing if total_swing > 0 else speed * 2
        if total_swing > jitter * total_traction:
            efficiency = max(efficiency * 0.7, 0.05)
        elif speed < 1000:
            efficiency *= 1.3
        speed = speed + min(target - speed, 0.5 * speed)
        factor = speed / (1.0 + np.sqrt(speed * swing))
        if radius is not None:
            factor = 0.1 * factor
        step = force * factor[:, None]
        if radius is not None:
            # near their final places nodes move at most 10 units a step, so none jumps over another
            length = np.sqrt((step * step).sum(axis=1))
            step = step * (np.minimum(length, 10.0) / np.maximum(length, 1e-9))[:, None]
        pos = pos + step
        old = force
    return pos - pos.mean(axis=0)


def _repulsion(pos: np.ndarray, mass: np.ndarray, radius: np.ndarray | None, kr: float) -> np.ndarray:
    """Every node's repulsion from every other, in blocks of rows so the n × n matrices stay small.

    Single precision: the matrices are memory-bound, and forces need no more digits than a picture.
    """
    n = len(pos)
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    m = mass.astype(np.float32)
    r = radius.astype(np.float32) if radius is not None else None
    out = np.empty((n, 2))
    for a in range(0, n, BLOCK):
        b = min(n, a + BLOCK)
        rows = np.arange(b - a)
        dx = x[a:b, None] - x[None, :]
        dy = y[a:b, None] - y[None, :]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, np.float32(1e-6), out=d2)
        d2[rows, rows + a] = np.inf  # a node does not push itself
        if r is None:
            f = np.divide(m[None, :], d2, out=d2)  # kr·m·m/d, along the unit vector dx/d
        else:
            d = np.sqrt(d2, out=d2)
            rim = d - r[a:b, None] - r[None, :]
            # overlapping nodes push a hundred times harder, whatever their distance (Gephi's adjustSizes)
            f = m[None, :] / np.where(rim > 0, d * rim, d / np.float32(100))
        dx *= f
        dy *= f
        out[a:b, 0] = dx.sum(axis=1) * (kr * m[a:b])
        out[a:b, 1] = dy.sum(axis=1) * (kr * m[a:b])
    return out


def nearest_distances(pos: np.ndarray) -> np.ndarray:
    """Each node's distance to its nearest other node."""
    n = len(pos)
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    out = np.empty(n)
    for a in range(0, n, BLOCK):
        b = min(n, a + BLOCK)
        dx = x[a:b, None] - x[None, :]
        dy = y[a:b, None] - y[None, :]
        d2 = dx * dx
        d2 += dy * dy
        rows = np.arange(b - a)
        d2[rows, rows + a] = np.inf
        out[a:b] = np.sqrt(d2.min(axis=1))
    return out
