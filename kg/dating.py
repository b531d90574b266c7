"""Anchoring the dates events give only in part («28 октября», «в прошлом году», «в субботу») to the article's date.

Pure functions over the records: ``anchor(record)`` returns a new record; ``date_text`` is always kept.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from kg.dates import MONTHS, parse_iso
from kg.records import ArticleRecord, Event

WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "среда": 2,
    "четверг": 3,
    "пятницу": 4,
    "пятница": 4,
    "субботу": 5,
    "суббота": 5,
    "воскресенье": 6,
}
_REL_YEAR = {
    "прошлом": -1,
    "прошлого": -1,
    "минувшем": -1,
    "минувшего": -1,
    "позапрошлом": -2,
    "позапрошлого": -2,
    "этом": 0,
    "этого": 0,
    "текущем": 0,
    "текущего": 0,
}
_YEAR_WORDS = re.compile(r"\b(прошлом|минувшем|позапрошлом|этом|текущем)\s+году\b", re.IGNORECASE)
_MONTH_YEAR_WORDS = re.compile(
    r"\b([а-я]+)\s+(прошлого|минувшего|позапрошлого|этого|текущего)\s+года\b", re.IGNORECASE
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_DAY_WORDS = {"сегодня": 0, "вчера": -1, "позавчера": -2}


def reference_day(date: str | None, dateline_date: str | None) -> tuple[datetime.date | None, int | None]:
    """(full publishing day, year) known for an article from its date and its dateline.

    >>> reference_day("2025-10-29", "--10-29")
    (datetime.date(2025, 10, 29), 2025)
    >>> reference_day(None, "--09-12")
    (None, None)
    >>> reference_day("2020-09-14", "--09-12")
    (datetime.date(2020, 9, 12), 2020)
    """
    day, year = None, None
    if date and parse_iso(date):
        y, m, d = parse_iso(date)  # type: ignore[misc]
        day, year = datetime.date(y, m, d), y
    if dateline_date:
        full = parse_iso(dateline_date)
        if full:
            return datetime.date(*full), full[0]
        m = re.fullmatch(r"--(\d{2})-(\d{2})", dateline_date)
        if m and year is not None:
            try:
                dl = datetime.date(year, int(m[1]), int(m[2]))
            except ValueError:
                return day, year
            # a dateline a few days before a new year's publication date belongs to the year before
            return (dl if dl <= day + datetime.timedelta(days=2) else dl.replace(year=year - 1)), year  # type: ignore[operator]
    return day, year


def anchor_event(
    event: Event, day: datetime.date | None, year: int | None, dateline_partial: str | None = None
) -> Event:
    """The event with a date or partial date filled from the article's day where its words allow.

    >>> e = Event("Talks", None, None, partial_date="--10-28", date_text="28 октября")  # type: ignore[arg-type]
    >>> anchor_event(e, datetime.date(2025, 10, 29), 2025).date
    '2025-10-28'
    >>> anchor_event(e, datetime.date(2025, 1, 5), 2025).date
    '2024-10-28'
    >>> e = Event("StateVisit", None, None, date_text="В сентябре прошлого года")  # type: ignore[arg-type]
    >>> anchor_event(e, datetime.date(2020, 5, 1), 2020).partial_date
    '2019-09'
    >>> e = Event("PartnershipUpgrade", None, None, date_text="в прошлом году")  # type: ignore[arg-type]
    >>> anchor_event(e, None, 2020).partial_date
    '2019'
    >>> e = Event("Talks", None, None, date_text="В субботу")  # type: ignore[arg-type]
    >>> a = anchor_event(e, datetime.date(2020, 9, 14), 2020); a.date, a.date_inferred, a.date_text
    ('2020-09-12', True, 'В субботу')
    >>> anchor_event(e, None, None, "--09-12").partial_date
    '--09-12'
    """
    if event.date:
        return event
    text = (event.date_text or "").lower()
    if event.partial_date and event.partial_date.startswith("--") and year is not None:
        month, dom = int(event.partial_date[2:4]), int(event.partial_date[5:7])
        try:
            when = datetime.date(year, month, dom)
            if day is not None and when > day:
                when = when.replace(year=year - 1)
        except ValueError:
            return event
        return replace(event, date=when.isoformat(), partial_date=None, date_inferred=True)
    if event.partial_date:
        return event
    m = _MONTH_YEAR_WORDS.search(text)
    if m and m[1] in MONTHS and year is not None:
        return replace(
            event, partial_date=f"{year + _REL_YEAR[m[2]]:04d}-{MONTHS[m[1]]:02d}", date_inferred=True
        )
    m = _YEAR_WORDS.search(text)
    if m and year is not None:
        return replace(event, partial_date=f"{year + _REL_YEAR[m[1]]:04d}", date_inferred=True)
    m = _WEEKDAY.search(text)
    if m:
        if day is not None:
            back = (day.weekday() - WEEKDAYS[m[1]]) % 7
            return replace(event, date=(day - datetime.timedelta(days=back)).isoformat(), date_inferred=True)
        if dateline_partial:
            # no year, so no calendar: the dateline's day is the publishing day the weekday refers to
            return replace(event, partial_date=dateline_partial, date_inferred=True)
        return event
    for word, shift in _DAY_WORDS.items():
        if re.search(rf"\b{word}\b", text) and day is not None:
            return replace(event, date=(day + datetime.timedelta(days=shift)).isoformat(), date_inferred=True)
    return event


def anchor(record: ArticleRecord) -> ArticleRecord:
    """The record with its events' partial and relative dates anchored to the article's date and dateline."""
    art = record.article
    day, year = reference_day(art.date, art.dateline_date)
    partial = art.dateline_date if art.dateline_date and art.dateline_date.startswith("--") else None
    events = tuple(anchor_event(e, day, year, partial) for e in record.events)
    return replace(record, events=events)
