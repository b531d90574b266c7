"""After the forces: turn each part flat, push overlapping boxes apart, and pack the parts side by side."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from kg.viz.boxes import NODE_GAP, Box
from kg.viz.forces import BLOCK, PAIR_BUDGET

#: Room kept free between packed parts.
PART_GAP = 60.0
#: Width over height of the packed picture, near a desktop canvas.
ASPECT = 1.3
#: Rounds of pushing boxes apart, at most; a part still jammed after half of them starts to spread out.
OVERLAP_ROUNDS = 100


def level(pos: np.ndarray) -> np.ndarray:
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


def remove_overlaps(pos: np.ndarray, boxes: Sequence[Box], labels: bool) -> np.ndarray:
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


def pack(parts: list[dict[int, tuple[float, float]]], boxes: Sequence[Box]) -> dict[int, tuple[float, float]]:
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
