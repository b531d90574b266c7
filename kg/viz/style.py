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

#: Russian names of participant roles, when the graph itself carries no label for the role concept.
ROLE_LABELS = {
    "host": "принимающая сторона",
    "guest": "гость",
    "initiator": "инициатор",
    "target": "адресат",
    "signatory": "подписант",
    "donor": "донор",
    "recipient": "получатель",
    "inviter": "приглашающий",
    "invitee": "приглашённый",
    "supporter": "сторонник",
    "participantRole": "участник",
}

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
    >>> short_label("Китайско-казахстанская программа первой группы из тысячи экспертов", 30)
    'Китайско-казахстанская…'
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
