"""The room a node takes on the canvas: its shape and its one-line label, measured without a browser."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Room kept free around each node's box.
NODE_GAP = 8.0
# how wide a character is, in ems, in a wide sans-serif (DejaVu Sans, Chromium's system-ui on Debian)
_NARROW = frozenset(" .,:;!|'ijlI()[]-/")


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


def round_radius(box: Box) -> float:
    """The radius of a circle as large as the node's box, so the force model keeps labels mostly apart."""
    return math.sqrt(2 * box.half_width * box.height / math.pi) + NODE_GAP / 2
