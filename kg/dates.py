"""Russian date words: month names and the parts of a date the text gives."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    "январь": 1,
    "января": 1,
    "январе": 1,
    "февраль": 2,
    "февраля": 2,
    "феврале": 2,
    "март": 3,
    "марта": 3,
    "марте": 3,
    "апрель": 4,
    "апреля": 4,
    "апреле": 4,
    "май": 5,
    "мая": 5,
    "мае": 5,
    "июнь": 6,
    "июня": 6,
    "июне": 6,
    "июль": 7,
    "июля": 7,
    "июле": 7,
    "август": 8,
    "августа": 8,
    "августе": 8,
    "сентябрь": 9,
    "сентября": 9,
    "сентябре": 9,
    "октябрь": 10,
    "октября": 10,
    "октябре": 10,
    "ноябрь": 11,
    "ноября": 11,
    "ноябре": 11,
    "декабрь": 12,
    "декабря": 12,
    "декабре": 12,
}

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))


def month_number(word: str) -> int | None:
    """Number of a Russian month name in any case.

    >>> month_number("Октября")
    10
    >>> month_number("понедельник") is None
    True
    """
    return MONTHS.get(word.lower())


def format_date(year: int | None, month: int | None, day: int | None) -> tuple[str | None, str | None]:
    """(xsd:date, partial date) for the parts known; exactly one of them is set, or neither.

    >>> format_date(2025, 10, 28)
    ('2025-10-28', None)
    >>> format_date(None, 12, 1)
    (None, '--12-01')
    >>> format_date(2019, 9, None)
    (None, '2019-09')
    >>> format_date(2019, None, None)
    (None, '2019')
    >>> format_date(None, None, None)
    (None, None)
    >>> format_date(2025, 2, 30)
    (None, None)
    """

    if year and month and day:
        try:
            return datetime.date(year, month, day).isoformat(), None
        except ValueError:
            return None, None
    if month and day:
        if not 1 <= day <= 31:
            return None, None
        return None, f"--{month:02d}-{day:02d}"
    if year and month:
        return None, f"{year:04d}-{month:02d}"
    if year:
        return None, f"{year:04d}"
    return None, None


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_iso(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date or date-time string, or None.

    >>> parse_iso("2025-10-29T08:00:00")
    (2025, 10, 29)
    >>> parse_iso("29.10.2025") is None
    True
    """
    m = _ISO.match(value.strip())
    if not m:
        return None
    return int(m[1]), int(m[2]), int(m[3])


def valid_date(text: str) -> str | None:
    """The ISO date (yyyy-mm-dd) a string opens with, when it is a day of the calendar.

    >>> valid_date("2025-10-29T08:00"), valid_date("2025-02-29"), valid_date("0000-01-01")
    ('2025-10-29', None, None)
    """
    parts = parse_iso(text)
    try:
        return datetime.date(*parts).isoformat() if parts else None
    except ValueError:
        return None
