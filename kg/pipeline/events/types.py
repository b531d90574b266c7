"""The intermediate results of the event finder: a clause's reading, a mention, an event draft."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

#: A participant as read from a clause: its entity span and its role (None where the type has no roles).
Part = tuple[Span, str | None]


@dataclass(frozen=True)
class Reading:
    """What the clause of a cue says about its happening: who took part, where, about what, at which level."""

    parts: list[Part]
    implied: bool = False  # the sides are resolved from «стороны», «главы двух государств» …, not named
    place: Span | None = None
    concerns: list[Span] = field(default_factory=list)
    level: str | None = None


@dataclass
class Mention:
    """One cue occurrence with what its clause says (filled in as the clause is read)."""

    type: str
    trigger: Token
    sent: Span
    confidence: float
    primary: bool  # a verb or a noun that a «провести»-like verb governs: it may open a new event
    parts: list[Part] = field(default_factory=list)
    implied: bool = False  # participants resolved from «стороны», «главы двух государств» …
    place: Span | None = None
    concerns: list[Span] = field(default_factory=list)
    level: str | None = None
    date: str | None = None
    partial_date: str | None = None
    date_text: str | None = None
    own_date: bool = False  # the date is stated in the mention's own sentence, not taken from the dateline
    earlier: bool = False  # «Ранее …», «Напомним, …»: a happening before the one the article reports
    status: str | None = None  # a concept of dip:EventStatusScheme when not told as having happened


@dataclass
class Draft:
    """An event being assembled from its mentions."""

    main: Mention
    parts: list[Part]
    keys: dict[str, str | None]  # actor key → role
    evidence: list[Span] = field(default_factory=list)
    place: Span | None = None
    concerns: list[Span] = field(default_factory=list)
    level: str | None = None
    date: str | None = None
    partial_date: str | None = None
    date_text: str | None = None
    sub_of: Draft | None = None  # the gathering this event was held in
