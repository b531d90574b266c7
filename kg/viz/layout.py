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
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

#: The median length of a link, in canvas units: vis-network's own spring length.
EDGE_LENGTH = 110.0
#: The median distance from a node to its nearest neighbour, at least (canvas units).
NEIGHBOUR_GAP = 55.0
#: Room kept free around each node's box, and between packed parts.
NODE_GAP = 8.0
PART_GAP = 60.0
#: Pair interactions per refinement run: iterations shrink as a part grows (30 for 2,000 nodes: a second or two).
PAIR_BUDGET = 1.2e8
MIN_ITERATIONS, MAX_ITERATIONS = 30, 150
#: Strength of the pull to the centre of a part (ForceAtlas2's strong gravity).
GRAVITY = 0.05
#: Width over height of the packed picture, near a desktop canvas.
ASPECT = 1.3
PIVOTS = 32
#: The share of a part's area its node and label boxes may fill (the rest is the room that keeps them readable).
FILL = 0.6
#: Rounds of pushing boxes apart, at most; a part still jammed after half of them starts to spread out.
OVERLAP_ROUNDS = 100
#: Parts up to this many nodes keep labels apart too; larger ones only their shapes (labels show when zoomed in).
LABEL_ROOM_NODES = 400
# how wide a character is, in ems, in a wide sans-serif (DejaVu Sans, Chromium's system-ui on Debian)
_NARROW = frozenset(" .,:;!|'ijlI()[]-/")
BLOCK = 128  # rows of the pairwise matrices computed at once: bounded memory on large graphs


@dataclass(frozen=True)
class Box:
    """The room a node takes on the canvas: its shape's radius and its one-line label drawn under the shape."""

    radius: float
    label_width: float = 0.0
    label_height: float = 0.0

    @property
    def half_width(self) -> float:
        return max(self.radius, self.label_width / 2)

    @property
    def height(self) -> float:
        return 2 * self.radius + self.label_height


def node_box(size: float, label: str, font_size: float) -> Box:
    """The box of a vis-network node of radius ``size`` whose label is drawn under it in ``font_size`` pixels.

    >>> node_box(10, "Ван И", 18)
    Box(radius=10, label_width=57.42, label_height=23.4)
    """
    if not label:
        return Box(size)
    return Box(size, round(text_width(label, font_size), 2), round(1.3 * font_size, 2))


def text_width(text: str, font_size: float) -> float:
    """About how wide ``text`` is drawn in ``font_size`` pixels: upper case and Cyrillic are wider than digits.

    >>> round(text_width("Ван И", 10), 1), round(text_width("KAZAKHSTAN TODAY", 10), 1)
    (31.9, 108.3)
    """
    ems = 0.0
    for ch in text:
        if ch in _NARROW:
            ems += 0.33
        elif ch.isupper():
            ems += 0.76 if ch > "\u0400" else 0.7
        elif ch.isalpha():
            ems += 0.67 if ch > "\u0400" else 0.57
        else:
            ems += 0.64
    return ems * font_size


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
    return {ids[i]: (round(x), round(y)) for i, (x, y) in _pack(parts, boxes).items()}


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
    pos = _pivot_mds(n, edges, rng)
    boxes_here = [boxes[g] for g in nodes]
    # ForceAtlas2 on its own scale first; then in canvas units, where node sizes are known
    iterations = refine_iterations(n)
    kr, kg = (2.0 if n < 100 else 10.0), GRAVITY
    pos = _forceatlas2(pos, src, dst, w, mass, None, kr, kg, iterations)
    # labels get room of their own only where they can be read at all: in a part small enough to see whole
    labels = n <= LABEL_ROOM_NODES
    # links about as long as vis-network's springs, and never closer neighbours than NEIGHBOUR_GAP on average:
    # a part with many links across it (no clusters) keeps its links long and its nodes crowded otherwise
    lengths = np.sqrt(((pos[src] - pos[dst]) ** 2).sum(axis=1))
    scale = max(
        EDGE_LENGTH / max(float(np.median(lengths)), 1e-9),
        NEIGHBOUR_GAP / max(float(np.median(_nearest(pos))), 1e-9),
    )
    if labels:
        # and room for the labels: their boxes fill no more than FILL of the disc the part spreads over
        need = sum((2 * b.half_width + NODE_GAP) * (b.height + NODE_GAP) for b in boxes_here) / FILL
        disc = 2 * math.pi * float((pos * pos).sum()) / n  # a uniform disc of radius R has mean r² = R²/2
        scale = max(scale, math.sqrt(need / max(disc, 1e-9)))
    pos = pos * scale
    radius = np.array([_round_radius(b) if labels else b.radius + NODE_GAP / 2 for b in boxes_here])
    # forces keep their balance at the new scale: repulsion falls as 1/d, pull and gravity grow as d
    pos = _forceatlas2(pos, src, dst, w, mass, radius, kr * scale * scale, kg, max(10, iterations // 3))
    pos = _level(pos)
    pos = _remove_overlaps(pos, boxes_here, labels)
    return {g: (float(pos[i, 0]), float(pos[i, 1])) for i, g in enumerate(nodes)}


def refine_iterations(n: int) -> int:
    """ForceAtlas2 steps for a part of ``n`` nodes: a small part settles in few, a large one gets a fixed budget.

    >>> [refine_iterations(n) for n in (2, 50, 1000, 2000, 10_000)]
    [34, 130, 120, 30, 30]
    """
    return max(MIN_ITERATIONS, min(MAX_ITERATIONS, 30 + 2 * n, int(PAIR_BUDGET // (n * n))))


def _round_radius(box: Box) -> float:
    """The radius of a circle as large as the node's box, so the force model keeps labels mostly apart."""
    return math.sqrt(2 * box.half_width * box.height / math.pi) + NODE_GAP / 2


def _bfs(adjacency: list[list[int]], start: int) -> list[int]:
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


def _pivot_mds(n: int, edges: list[tuple[int, int, float]], rng: random.Random) -> np.ndarray:
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


def _forceatlas2(
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


def _nearest(pos: np.ndarray) -> np.ndarray:
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


def _level(pos: np.ndarray) -> np.ndarray:
    """Turn the part so its longest axis lies flat: screens are wider than tall."""
    centred = pos - pos.mean(axis=0)
    a = float((centred[:, 0] ** 2).sum())
    b = float((centred[:, 0] * centred[:, 1]).sum())
    c = float((centred[:, 1] ** 2).sum())
    top = (a + c) / 2 + math.sqrt(((a - c) / 2) ** 2 + b * b)
    vx, vy = (b, top - a) if abs(b) > 1e-12 else ((1.0, 0.0) if a >= c else (0.0, 1.0))
    norm = math.sqrt(vx * vx + vy * vy)
    cos, sin = vx / norm, vy / norm
    return np.stack(
        [centred[:, 0] * cos + centred[:, 1] * sin, centred[:, 1] * cos - centred[:, 0] * sin], axis=1
    )


def _remove_overlaps(pos: np.ndarray, boxes: Sequence[Box], labels: bool) -> np.ndarray:
    """Push apart nodes whose boxes overlap (shape, and label under it when ``labels``), along the shorter overlap.

    Each round finds the overlapping pairs at once, then moves them one pair after another (Gauss-Seidel). Where
    nodes stay jammed after a while, the whole part spreads out by 1 % a round until they come free. A large part
    gets fewer rounds (the same pair budget as the force model).
    """
    n = len(pos)
    rounds = max(10, min(OVERLAP_ROUNDS, int(PAIR_BUDGET // (n * n))))
    half_w = np.array([(b.half_width if labels else b.radius) + NODE_GAP / 2 for b in boxes])
    half_h = np.array([(b.height if labels else 2 * b.radius) / 2 + NODE_GAP / 2 for b in boxes])
    # a box's centre lies below the node's, by half its label
    drop = np.array([b.label_height / 2 if labels else 0.0 for b in boxes])
    hw32, hh32 = half_w.astype(np.float32), half_h.astype(np.float32)
    hw, hh = half_w.tolist(), half_h.tolist()
    xs, ys = pos[:, 0].tolist(), (pos[:, 1] + drop).tolist()
    for r in range(rounds):
        cx, cy = np.array(xs, dtype=np.float32), np.array(ys, dtype=np.float32)
        found: list[tuple[int, int]] = []
        for a in range(0, n, BLOCK):
            b = min(n, a + BLOCK)
            ox = hw32[a:b, None] + hw32[None, :] - np.abs(cx[a:b, None] - cx[None, :])
            oy = hh32[a:b, None] + hh32[None, :] - np.abs(cy[a:b, None] - cy[None, :])
            i, j = np.nonzero((ox > 0) & (oy > 0))
            keep = i + a < j  # each pair once, never a node with itself
            found.extend(zip((i[keep] + a).tolist(), j[keep].tolist()))
        if not found:
            break
        if r >= rounds // 2:
            mx, my = sum(xs) / n, sum(ys) / n
            xs = [mx + (x - mx) * 1.01 for x in xs]
            ys = [my + (y - my) * 1.01 for y in ys]
        for i, j in found:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            ox = hw[i] + hw[j] - abs(dx)
            oy = hh[i] + hh[j] - abs(dy)
            if ox <= 0 or oy <= 0:
                continue  # an earlier push in this round already parted them
            # each moves half the overlap and a little more, away from the other; a tie goes by index
            if ox <= oy:
                push = (ox / 2 + 0.5) * (1.0 if dx >= 0 else -1.0)
                xs[i] += push
                xs[j] -= push
            else:
                push = (oy / 2 + 0.5) * (1.0 if dy >= 0 else -1.0)
                ys[i] += push
                ys[j] -= push
    return np.stack([np.array(xs), np.array(ys) - drop], axis=1)


def _pack(
    parts: list[dict[int, tuple[float, float]]], boxes: Sequence[Box]
) -> dict[int, tuple[float, float]]:
    """The largest part on top; the other parts, then the lone nodes, on shelves under it, left to right."""
    if not parts:
        return {}
    frames = []
    for part in parts:
        left = min(x - boxes[i].half_width for i, (x, _) in part.items())
        right = max(x + boxes[i].half_width for i, (x, _) in part.items())
        top = min(y - boxes[i].radius for i, (_, y) in part.items())
        bottom = max(y + boxes[i].radius + boxes[i].label_height for i, (_, y) in part.items())
        frames.append((left, top, right - left, bottom - top))
    rest = sum((w + PART_GAP) * (h + PART_GAP) for _, _, w, h in frames[1:])
    # the shelves are as wide as the largest part, or wider when what is left would make a tall stack of them
    width = max([frames[0][2], math.sqrt(rest * ASPECT)] + [w for _, _, w, _ in frames[1:]])
    placed: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for k, (part, (left, top, w, h)) in enumerate(zip(parts, frames)):
        single, after_single = len(part) == 1, k > 0 and len(parts[k - 1]) == 1
        under_largest = k == 1 and len(parts[0]) > 1
        if k > 0 and (under_largest or (single and not after_single) or x + w > width):
            # rows of lone nodes sit closer together than rows of linked parts
            gap = 2 * NODE_GAP if single and after_single else PART_GAP
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for i, (px, py) in part.items():
            placed[i] = (px - left + x, py - top + y)
        x += w + (PART_GAP if len(part) > 1 else 3 * NODE_GAP)
        row_height = max(row_height, h)
    # centre the picture on the origin, where vis-network's camera starts
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {i: (px - mx, py - my) for i, (px, py) in placed.items()}
