"""Where each node stands on the page: a force layout computed once, when the page is written.

Left to vis-network, the layout costs every reader seconds of physics (150 iterations for 2,000 nodes) and still
shows a half-settled picture. Here each connected part of the graph is laid out on its own: a pivot-MDS start
(Brandes & Pich 2006) gives a large part its overall shape at once, a ForceAtlas2 model (Jacomy et al. 2014, the
one vis-network's solver follows) refines it — repulsion grows with degree, so hubs stand apart, and events settle
between their participants — and then the boxes of nodes and their labels are pushed apart. The parts are packed
side by side, largest first, and nodes with no link at all line up in rows after them.

Deterministic: the start is seeded, the nodes are taken in the order given, and only ``+ - * /`` and square roots
touch the coordinates (no BLAS, no ``exp`` or ``log``, whose last bits differ between machines), so the same graph
gives the same integer coordinates.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

import numpy as np

from kg.viz.boxes import NODE_GAP, Box, node_box, round_radius, text_width
from kg.viz.forces import PAIR_BUDGET, forceatlas2, nearest_distances, pivot_mds
from kg.viz.packing import level, pack, remove_overlaps

__all__ = ["Box", "layout", "node_box", "refine_iterations", "text_width"]

#: The median length of a link, in canvas units: vis-network's own spring length.
EDGE_LENGTH = 110.0
#: The median distance from a node to its nearest neighbour, at least (canvas units).
NEIGHBOUR_GAP = 55.0
MIN_ITERATIONS, MAX_ITERATIONS = 30, 150
#: Strength of the pull to the centre of a part (ForceAtlas2's strong gravity).
GRAVITY = 0.05
#: The share of a part's area its node and label boxes may fill (the rest is the room that keeps them readable).
FILL = 0.6
#: Parts up to this many nodes keep labels apart too; larger ones only their shapes (labels show when zoomed in).
LABEL_ROOM_NODES = 400


def layout(
    ids: Sequence[str], boxes: Sequence[Box], edges: Iterable[tuple[str, str, float]], *, seed: int = 7
) -> dict[str, tuple[int, int]]:
    """Integer canvas coordinates for every node: ``edges`` are (from, to, weight); ``ids`` fix the order of ties."""
    n = len(ids)
    if len(boxes) != n:
        raise ValueError(f"expected one box per node ({n}), got {len(boxes)}")
    index = {key: i for i, key in enumerate(ids)}
    if len(index) != n:
        raise ValueError("node ids must be unique")
    weights: dict[tuple[int, int], float] = {}
    for a, b, w in edges:
        if a not in index or b not in index:
            raise ValueError(f"edge {a} -> {b} names a node not in ids")
        i, j = index[a], index[b]
        if i != j:
            key = (min(i, j), max(i, j))
            weights[key] = weights.get(key, 0.0) + w
    rng = random.Random(seed)
    groups = _components(n, sorted(weights))
    part_of = {i: k for k, group in enumerate(groups) for i in group}
    links: list[list[tuple[int, int, float]]] = [[] for _ in groups]
    for (i, j), w in sorted(weights.items()):
        links[part_of[i]].append((i, j, w))
    parts = [_place_part(group, part_links, boxes, rng) for group, part_links in zip(groups, links)]
    return {ids[i]: (round(x), round(y)) for i, (x, y) in pack(parts, boxes).items()}


def _components(n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected parts, largest first, then by their first node; each lists its nodes in order."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _place_part(
    nodes: list[int], links: list[tuple[int, int, float]], boxes: Sequence[Box], rng: random.Random
) -> dict[int, tuple[float, float]]:
    """Positions of one connected part (its nodes and the links among them) around (0, 0), in canvas units."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    local = {g: i for i, g in enumerate(nodes)}
    edges = [(local[i], local[j], w) for i, j, w in links]
    src = np.array([e[0] for e in edges], dtype=np.intp)
    dst = np.array([e[1] for e in edges], dtype=np.intp)
    w = np.array([e[2] for e in edges], dtype=np.float64)
    n = len(nodes)
    degree = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    mass = degree.astype(np.float64) + 1.0
    pos = pivot_mds(n, edges, rng)
    boxes_here = [boxes[g] for g in nodes]
    # ForceAtlas2 on its own scale first; then in canvas units, where node sizes are known
    iterations = refine_iterations(n)
    kr, kg = (2.0 if n < 100 else 10.0), GRAVITY
    pos = forceatlas2(pos, src, dst, w, mass, None, kr, kg, iterations)
    # labels get room of their own only where they can be read at all: in a part small enough to see whole
    labels = n <= LABEL_ROOM_NODES
    # links about as long as vis-network's springs, and never closer neighbours than NEIGHBOUR_GAP on average:
    # a part with many links across it (no clusters) keeps its links long and its nodes crowded otherwise
    lengths = np.sqrt(((pos[src] - pos[dst]) ** 2).sum(axis=1))
    scale = max(
        EDGE_LENGTH / max(float(np.median(lengths)), 1e-9),
        NEIGHBOUR_GAP / max(float(np.median(nearest_distances(pos))), 1e-9),
    )
    if labels:
        # and room for the labels: their boxes fill no more than FILL of the disc the part spreads over
        need = sum((2 * b.half_width + NODE_GAP) * (b.height + NODE_GAP) for b in boxes_here) / FILL
        disc = 2 * math.pi * float((pos * pos).sum()) / n  # a uniform disc of radius R has mean r² = R²/2
        scale = max(scale, math.sqrt(need / max(disc, 1e-9)))
    pos = pos * scale
    radius = np.array([round_radius(b) if labels else b.radius + NODE_GAP / 2 for b in boxes_here])
    # forces keep their balance at the new scale: repulsion falls as 1/d, pull and gravity grow as d
    pos = forceatlas2(pos, src, dst, w, mass, radius, kr * scale * scale, kg, max(10, iterations // 3))
    pos = level(pos)
    pos = remove_overlaps(pos, boxes_here, labels)
    return {g: (float(pos[i, 0]), float(pos[i, 1])) for i, g in enumerate(nodes)}


def refine_iterations(n: int) -> int:
    """ForceAtlas2 steps for a part of ``n`` nodes: a small part settles in few, a large one gets a fixed budget.

    >>> [refine_iterations(n) for n in (2, 50, 1000, 2000, 10_000)]
    [34, 130, 120, 30, 30]
    """
    return max(MIN_ITERATIONS, min(MAX_ITERATIONS, 30 + 2 * n, int(PAIR_BUDGET // (n * n))))
