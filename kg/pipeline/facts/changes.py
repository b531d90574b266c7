"""The change a figure states: «вырос на 18%» +18, «снизился на 5 процентов» -5, «вырос в 2 раза» +100."""

from __future__ import annotations

import re

from kg.numbers import PERCENT, TIMES

_DOWN = re.compile(
    r"\b(?:сниз|сниж|сократ|сокращ|уменьш|упал|упа[дс]|паден|ниже|меньше|спад|опусти|потеря)\w*",
    re.IGNORECASE,
)
_UP = re.compile(
    r"\b(?:вырос|выраст|рост|прирост|увелич|превыс|превыш|выше|больше|подня|поднима|возрос|возраст|прибав)\w*",
    re.IGNORECASE,
)

#: Characters either side of a percentage searched for the word that gives its direction («вырос на», «меньше»).
DIRECTION_WINDOW = 30


def _direction(text: str, start: int, end: int) -> int:
    """+1 or -1 from the words just around a change («вырос на 18%», «на 5% меньше»), 0 when none says."""
    before = text[max(0, start - DIRECTION_WINDOW) : start]
    before = before[before.rfind(",") + 1 :] if "," in before else before
    after = text[end : end + DIRECTION_WINDOW]
    after = after[: after.find(",")] if "," in after else after
    words = [(len(before) - m.start(), m[0]) for m in re.finditer(r"\w+", before)]
    words += [(m.start() + 1, m[0]) for m in re.finditer(r"\w+", after)]
    for _, word in sorted(words):
        if _DOWN.fullmatch(word):
            return -1
        if _UP.fullmatch(word):
            return 1
    return 0


def change_in(text: str, lo: int, hi: int) -> tuple[float, int, int] | None:
    """(percent, start, end) of the change stated in text[lo:hi]: «вырос на 18%» 18, «снизился на 5%» -5,
    «вырос в 2 раза» 100; None when no change with a direction is there.

    >>> change_in("вырос на 18% и составил", 0, 23)[0]
    18.0
    >>> change_in("снизился на 5 процентов", 0, 23)[0]
    -5.0
    >>> change_in("что на 7% превышает показатель", 0, 30)[0]
    7.0
    >>> change_in("сократился в 2 раза", 0, 19)[0]
    -50.0
    >>> change_in("доля составила 10%", 0, 18) is None
    True
    """
    for m in PERCENT.finditer(text, lo, hi):
        sign = _direction(text, m.start(), m.end())
        if sign:
            return sign * float(re.sub(r"\s", "", m["num"]).replace(",", ".")), m.start(), m.end()
    for m in TIMES.finditer(text, lo, hi):
        sign = _direction(text, m.start(), m.end())
        times = float(re.sub(r"\s", "", m["num"]).replace(",", "."))
        if sign and times > 1:
            pct = (times - 1) * 100 if sign > 0 else (1 / times - 1) * 100
            return round(pct, 2), m.start(), m.end()
    return None


_GOES_ON = re.compile(
    r"\s*(?:что|или|это|увеличи|выро|сократи|снизи|превыси|уменьши|прибави|упа)\w*", re.IGNORECASE
)


def clause_end(text: str, start: int) -> int:
    """Where the clause an amount ends goes on to: the first «;» or the first comma that a «что …» or a
    participle («, увеличившись на 5%») does not follow.

    >>> text = "составил $5 млрд, что на 3% больше, а доля экспорта выросла на 20%"
    >>> text[: clause_end(text, 16)]
    'составил $5 млрд, что на 3% больше'
    """
    for m in re.finditer(r"[,;(](?!\d)", text[start:]):
        if m[0] != "," or not _GOES_ON.match(text, start + m.end()):
            return start + m.start()
    return len(text)
