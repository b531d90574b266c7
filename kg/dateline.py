"""The dateline of a news article («ПЕКИН, 29 октября. /ТАСС/.»): found once, by one parser (pure, no spaCy).

Case matters: a place is written with a capital letter and an agency named without slashes in capitals
(«KAZAKHSTAN TODAY»), so «Напомним, 3 июня 2015 года Пермский край …» is a sentence, not a dateline. The date
must end the dateline (a stop, an agency, a dash or the line's end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.dates import MONTH_RE, format_date, month_number

#: A dateline opens one of the first paragraphs (after a title, a byline or a photo credit).
DATELINE_LINES = 12

_WORD = r"[А-ЯЁA-Z][А-ЯЁа-яёA-Za-z]+"
_DATELINE = re.compile(
    # «Нур-Султан», «НЬЮ-ЙОРК», «Рио-де-Жанейро», «Улан Батор»
    rf"[^\S\n]*(?P<place>{_WORD}(?:(?:-[а-яёa-z]{{1,3}})*[- ]{_WORD}){{0,2}})[.,][^\S\n]+"
    rf"(?P<day>\d{{1,2}})[^\S\n]+(?P<month>(?i:{MONTH_RE}))(?:[^\S\n]+(?P<year>\d{{4}})(?:[^\S\n]*г\.|[^\S\n]+года?\b)?)?"
    r"(?=[^\S\n]*(?:[./—–-]|[A-ZА-ЯЁ]{2}|$))\.?[^\S\n]*"
    r"(?:/[^\S\n]*(?P<agency>[^/\n]{2,40}?)[^\S\n]*/\.?|(?P<agency2>[A-ZА-ЯЁ]{2,}(?: [A-ZА-ЯЁ]{2,}){0,3})\b)?"
    r"[^\S\n]*(?:--|—|–|-)?"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found in a text, with the offsets of its parts in that text."""

    place: str  # as written: «ПЕКИН»
    place_start: int
    place_end: int
    date_start: int  # the date words: «29 октября»
    date_end: int
    date: str  # xsd:date when the year is given, else --MM-DD
    agency: str | None
    line_start: int
    end: int


def find_dateline(text: str, lines: int = DATELINE_LINES) -> Dateline | None:
    """The dateline that opens one of the first ``lines`` lines of a text, if any.

    >>> d = find_dateline("ПЕКИН, 29 октября. /ТАСС/. Председатель КНР провёл переговоры.")
    >>> d.place, d.date, d.agency, d.date_start, d.date_end
    ('ПЕКИН', '--10-29', 'ТАСС', 7, 17)
    >>> find_dateline("Напомним, 3 июня 2015 года Пермский край и Монголия подписали соглашение.") is None
    True
    """
    offset = 0
    for line in text.split("\n")[:lines]:
        m = _DATELINE.match(line)
        month = month_number(m["month"]) if m else None
        if m and month:
            full, partial = format_date(int(m["year"]) if m["year"] else None, month, int(m["day"]))
            date_end = m.end("year") if m["year"] else m.end("month")
            return Dateline(
                place=m["place"],
                place_start=offset + m.start("place"),
                place_end=offset + m.end("place"),
                date_start=offset + m.start("day"),
                date_end=offset + date_end,
                date=full or partial or "",
                agency=(m["agency"] or m["agency2"] or "").strip() or None,
                line_start=offset,
                end=offset + m.end(),
            )
        offset += len(line) + 1
    return None
