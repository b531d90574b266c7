"""How the page draws things: shapes and colours per type, the cooperation colour scale, Russian names."""

from __future__ import annotations

import itertools

#: Node kinds in legend order: (kind, Russian plural, vis-network shape, fill colour, border colour).
KINDS: tuple[tuple[str, str, str, str, str], ...] = (
    ("State", "Государства", "hexagon", "#e15759", "#9c2f31"),
    ("Person", "Персоны", "dot", "#4e79a7", "#2c4f75"),
    ("Organization", "Организации", "square", "#59a14f", "#36702f"),
    ("Initiative", "Инициативы", "star", "#b07aa1", "#7a4d6d"),
    ("Place", "Места", "triangle", "#d4a373", "#8f6a42"),
    ("Other", "Прочее", "ellipse", "#bab0ac", "#7f7672"),
    ("Event", "События", "diamond", "#9e9e9e", "#616161"),
)

KIND_STYLE = {
    k: {"label": label, "shape": shape, "color": fill, "border": border}
    for k, label, shape, fill, border in KINDS
}

KIND_SINGULAR = {
    "State": "государство",
    "Person": "персона",
    "Organization": "организация",
    "Initiative": "инициатива",
    "Place": "место",
    "Other": "ресурс",
    "Event": "событие",
}

#: How an entity's name is drawn: larger for the states and persons the picture is about.
ENTITY_FONT = {"color": "#1b1b1b", "strokeWidth": 4, "strokeColor": "#ffffff"}
ENTITY_FONT_SIZE = {"State": 18, "Person": 18}
OTHER_FONT_SIZE = 15
#: Entity nodes grow with the square root of their degree, from the smallest to the largest size.
MIN_NODE_SIZE, NODE_SIZE_RANGE = 12, 22
#: An event is a small diamond in the colour of its cooperation score.
EVENT_SIZE = 7
EVENT_FONT = {"size": 12, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff"}
EVENT_BORDER = "#555555"
#: The border of a selected or hovered node.
HIGHLIGHT_BORDER = "#111111"

#: Lines by kind (a participant line takes the colour of its event's score): colour, width, dashes.
EDGE_STYLE: dict[str, dict[str, object]] = {
    "participant": {"width": 2},
    "place": {"color": "#b08a5e", "width": 1, "dashes": [4, 4]},
    "concerns": {"color": "#b07aa1", "width": 1, "dashes": [2, 4]},
    "post": {"color": "#8a8a8a", "width": 1.5, "dashes": [8, 4]},
    "supports": {"color": "#b07aa1", "width": 1.5, "dashes": [8, 4]},
    "member": {"color": "#8a8a8a", "width": 1, "dashes": [2, 2]},
    "subevent": {"color": "#7f7f7f", "width": 1, "dashes": [1, 3]},
}
#: A line between two participants of the same events (the other view) is thicker the more events they share.
PAIR_BASE_WIDTH, PAIR_MAX_EXTRA = 1.5, 6

# Goldstein values run from -10 (conflict) to +10 (cooperation); stops of a red-grey-green scale.
_SCALE: tuple[tuple[float, tuple[int, int, int]], ...] = (
    (-10.0, (0xB2, 0x18, 0x2B)),
    (-4.0, (0xEF, 0x8A, 0x62)),
    (0.0, (0xA8, 0xA8, 0xA8)),
    (3.0, (0x8C, 0xC0, 0x84)),
    (6.0, (0x3A, 0x9A, 0x4E)),
    (10.0, (0x00, 0x5A, 0x32)),
)
UNKNOWN_SCORE_COLOR = "#c9c3bd"


def score_color(score: float | None) -> str:
    """Colour of a cooperation score (Goldstein scale) as ``#rrggbb``; unknown scores are a pale grey.

    >>> score_color(0.0)
    '#a8a8a8'
    >>> score_color(10.0), score_color(99.0)
    ('#005a32', '#005a32')
    >>> score_color(-10.0)
    '#b2182b'
    >>> score_color(None)
    '#c9c3bd'
    """
    if score is None:
        return UNKNOWN_SCORE_COLOR
    s = max(_SCALE[0][0], min(_SCALE[-1][0], score))
    for (x0, c0), (x1, c1) in itertools.pairwise(_SCALE):
        if s <= x1:
            t = (s - x0) / (x1 - x0)
            return "#" + "".join(f"{round(a + (b - a) * t):02x}" for a, b in zip(c0, c1))
    raise AssertionError("unreachable")  # pragma: no cover


def score_stops() -> list[list[float | str]]:
    """The stops of the score scale, for the legend's gradient."""
    return [[x, score_color(x)] for x, _ in _SCALE]


def short_label(text: str, limit: int = 42) -> str:
    """A label short enough to draw on the canvas; the full one stays in the tooltip and the panel.

    >>> short_label("Ван И")
    'Ван И'
    >>> short_label("Российско-монгольская программа обмена молодыми инженерами-энергетиками", 30)
    'Российско-монгольская…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # cut at a word boundary when one is near, so no word is chopped in half
    space = max(cut.rfind(" "), cut.rfind("-"))
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"
