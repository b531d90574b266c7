"""The dates of events: the dates a sentence states, which clause each belongs to, earlier happenings."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from kg.dates import MONTH_RE, format_date, month_number
from kg.pipeline.cues import clause_dep, governor
from kg.pipeline.events.groups import CACHE_KEY, dependents
from kg.pipeline.events.lexicon import EARLIER
from kg.pipeline.events.types import Part
from kg.pipeline.syntax import head_of

_WEEKDAY = re.compile(
    r"\bв?о?\s*(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.IGNORECASE
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})(?:\s+(\d{{4}})\s*(?:г\.|года|году)?)?", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    rf"\bв\s+({MONTH_RE})\s+(?:(\d{{4}})\s+года|(прошлого|этого|текущего|позапрошлого|минувшего)\s+года)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\bв\s+(\d{4})\s+году\b", re.IGNORECASE)
_REL_YEAR = re.compile(r"\bв\s+(прошлом|этом|текущем|позапрошлом|минувшем)\s+году\b", re.IGNORECASE)
_DAY_WORD = re.compile(r"\b(вчера|сегодня|накануне|позавчера)\b", re.IGNORECASE)
# a year the text states («в 1945 году», «8 апреля 2010 года», «2019 г.»)
_STATED_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\s*(?:год|г\.)", re.IGNORECASE)
# how many years before the latest year an article states an event's year makes it history («в 1945 году»)
HISTORY_YEARS = 10


class FoundDate(NamedTuple):
    """A date a sentence states: the full date, the date without its year, its words and their offset."""

    date: str | None
    partial_date: str | None
    words: str | None
    offset: int


NO_DATE = FoundDate(None, None, None, -1)


def dates_in(text: str, skip: tuple[int, int] | None = None) -> list[FoundDate]:
    """Every date a sentence states, in text order (the words in ``skip``, a dateline's, left out).

    >>> [d.words for d in dates_in("Встреча 5 мая прошла после визита в сентябре прошлого года")]
    ['5 мая', 'в сентябре прошлого года']
    """
    found: list[tuple[int, str | None, str | None, str]] = []
    for m in _DAY_MONTH.finditer(text):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        full, partial = format_date(int(m[3]) if m[3] else None, month_number(m[2]), int(m[1]))
        if full or partial:
            found.append((m.start(), full, partial, m[0].strip()))
    for m in _MONTH_YEAR.finditer(text):
        if m[2]:
            found.append((m.start(), None, format_date(int(m[2]), month_number(m[1]), None)[1], m[0]))
        else:
            found.append((m.start(), None, None, m[0]))
    for m in _YEAR.finditer(text):
        found.append((m.start(), None, f"{int(m[1]):04d}", m[0]))
    for pattern in (_REL_YEAR, _DAY_WORD):
        for m in pattern.finditer(text):
            found.append((m.start(), None, None, m[0]))
    for m in _WEEKDAY.finditer(text):
        start = m.start() + len(m[0]) - len(m[0].lstrip())
        found.append((start, None, None, m[0].strip()))
    found.sort(key=lambda f: (f[0], -len(f[3])))
    out: list[FoundDate] = []
    for start, full, partial, words in found:
        # words read by two patterns count once, as the longer reading
        if out and start < out[-1].offset + len(out[-1].words or ""):
            continue
        out.append(FoundDate(full, partial, words, start))
    return out


def find_date(text: str, skip: tuple[int, int] | None = None) -> FoundDate:
    """The first date a sentence states, or ``NO_DATE``.

    >>> tuple(find_date("28 октября провел встречу"))
    (None, '--10-28', '28 октября', 0)
    >>> find_date("Визит состоялся 3 мая 2019 года.")[:3]
    ('2019-05-03', None, '3 мая 2019 года')
    >>> find_date("В сентябре прошлого года премьер совершил визит")[:3]
    (None, None, 'В сентябре прошлого года')
    >>> find_date("в сентябре 2019 года")[:3]
    (None, '2019-09', 'в сентябре 2019 года')
    >>> find_date("В субботу по местному времени")[:3]
    (None, None, 'В субботу')
    >>> tuple(find_date("без даты"))
    (None, None, None, -1)
    """
    found = dates_in(text, skip)
    return found[0] if found else NO_DATE


def dominates(top: Token, token: Token) -> bool:
    """Whether ``token`` lies in the syntactic subtree of ``top`` (a token dominates itself)."""
    seen = set()
    cur = token
    while cur.i not in seen:
        if cur.i == top.i:
            return True
        seen.add(cur.i)
        head = head_of(cur)
        if head.i == cur.i:
            return False
        cur = head
    return False


def date_is_of(tok: Token, pred: Token, start: int, length: int) -> bool:
    """Whether the date words at a character offset belong to the event of a cue and its verb.

    A date belongs to the clause it is in: not to the event of a clause above it («На встрече стороны обсудили
    соглашение, подписанное в марте прошлого года»: March is the date of the signing) nor of a verb joined
    after it («встретился …, а 5 мая подписал …»). A date of a clause above the event's own is the event's too
    («В апреле министр посетил Лиму, где … подписал меморандум»), and so is one of a clause that describes the
    event's noun («переговоры, прошедшие 5 мая, …»).
    """
    doc = tok.doc
    span = doc.char_span(start, start + length, alignment_mode="expand")
    if span is None:
        return True
    anchor = next((t for t in span if not span.start <= head_of(t).i < span.end), span.root)
    verb = governor(anchor)
    if verb.i == anchor.i and verb.pos_ not in ("VERB", "AUX"):
        return True  # a date the parser left on its own
    # an infinitive that completes a verb is of that verb's clause: «может начаться в этом году»
    while clause_dep(verb) in ("xcomp", "csubj") and head_of(verb).i != verb.i:
        verb = head_of(verb)
    if dominates(verb, pred) or dominates(verb, tok) or tok.i != pred.i and dominates(tok, verb):
        # a clause above the event's, or one that describes its noun («переговоры, прошедшие 5 мая»)
        return True
    return not dominates(pred, verb)


def earlier(sent: Span, pred: Token) -> bool:
    """Whether a sentence tells of a happening before the reported one: «Ранее, в марте, …» (its first
    word), «Напомним, …», or «ранее» said of the event's own verb."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is not None and first.lower_ in EARLIER:
        return True
    return any(t.lower_ in ("ранее", "прежде") for t in dependents(pred))


def own_date(tok: Token, pred: Token, sent: Span, skip: tuple[int, int] | None) -> FoundDate:
    """The first date of the sentence that belongs to the cue's clause, or ``NO_DATE``."""
    index = sent.doc.user_data.setdefault(CACHE_KEY, {}).setdefault("dates", {})
    if (sent.start, skip) not in index:
        index[(sent.start, skip)] = list(dates_in(sent.text, skip))
    for found in index[(sent.start, skip)]:
        if date_is_of(tok, pred, sent.start_char + found.offset, len(found.words or "")):
            return found
    return NO_DATE


def historical(doc: Doc, date: str | None) -> bool:
    """Whether an event's year lies more than ``HISTORY_YEARS`` before the latest year the article states
    (the article's own time is at least that year): «встреча на Эльбе в 1945 году» in a report of 2020."""
    if not date or date.startswith("--"):
        return False
    index = doc.user_data.setdefault(CACHE_KEY, {})
    if "latest_year" not in index:
        index["latest_year"] = max((int(m[1]) for m in _STATED_YEAR.finditer(doc.text)), default=None)
    latest = index["latest_year"]
    return latest is not None and latest - int(date[:4]) > HISTORY_YEARS


def own_phrase(tok: Token, pred: Token, parts: list[Part]) -> list[Part]:
    """The participants a noun cue's own phrase names («встреча советских и американских солдат»), when the
    verb it hangs on does not say it took place («вспомнили встречу»): the subjects of that verb are not its
    sides. A verb cue keeps its subjects («в 1945 году X встретился с Y»)."""
    if tok.pos_ not in ("NOUN", "PROPN") or pred.i == tok.i:
        return parts
    return [(e, role) for e, role in parts if dominates(tok, e.root)]
