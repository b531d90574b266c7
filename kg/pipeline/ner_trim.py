"""Character-level cutting of a name's span: characters no name holds, unpaired quotes, leading bullets."""

from __future__ import annotations

import re

# characters that never stand inside a name: a span running over one is cut there («Анна Ли © AP Photo/ …»)
_CUT = re.compile(r"[©|/\\()\[\];:\n•·]|\s--\s|\s[-–—]\s")
_LEAD = ".,-–—/|\\•·"
#: opening and closing quotes that pair up around a quoted name
QUOTE_PAIRS = (("«", "»"), ("„", "“"), ("“", "”"), ('"', '"'))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span at the first character that cannot be part of a name, strip spaces, dots and unpaired quotes.

    >>> t = "Анна Ли © AP Photo/ John Doe"
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'Анна Ли'
    >>> t = "/ТАСС/."
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'ТАСС'
    >>> t = "• Новая Зеландия"
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'Новая Зеландия'
    >>> t = "Нью-Йорк Таймс»"
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'Нью-Йорк Таймс'
    >>> t = "КБ „Салют“"
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'КБ „Салют“'
    """
    while start < end and (text[start].isspace() or text[start] in _LEAD):
        start += 1
    m = _CUT.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,-–—"):
        end -= 1
    return unpaired_quotes(text, start, end)


def unpaired_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a quote at either end of a span that has no partner inside it.

    >>> t = "«Нью-Йорк Таймс"
    >>> s, e = unpaired_quotes(t, 0, len(t)); t[s:e]
    'Нью-Йорк Таймс'
    >>> t = "«Яблоко»"
    >>> s, e = unpaired_quotes(t, 0, len(t)); t[s:e]
    '«Яблоко»'
    """
    changed = True
    while changed and end > start:
        changed = False
        span = text[start:end]
        for open_, close in QUOTE_PAIRS:
            same = open_ == close
            if span.endswith(close) and (
                span.count(close) % 2 if same else span.count(open_) < span.count(close)
            ):
                end -= 1
                changed = True
                break
            if span.startswith(open_) and (
                span.count(open_) % 2 if same else span.count(close) < span.count(open_)
            ):
                start += 1
                changed = True
                break
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
    return start, end
