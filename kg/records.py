"""Plain records that flow from the pipeline to the graph: standard library only.

Offsets are Python ``str`` indices into ``Article.text`` (after newline normalisation).
Everything downstream of ``kg.extract`` sees only these, never a spaCy object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The five entity types, as they are named in the ontology (``dip:Person`` …).
ENTITY_TYPES: tuple[str, ...] = ("Person", "State", "Organization", "Initiative", "Place")

#: The ten event types (SKOS concepts of ``dip:EventTypeScheme``).
EVENT_TYPES: tuple[str, ...] = (
    "Talks",
    "Meeting",
    "StateVisit",
    "AgreementSigning",
    "Statement",
    "AidDelivery",
    "Invitation",
    "PartnershipUpgrade",
    "ProgramLaunch",
    "InitiativeSupport",
)
# what an event the text does not report as having happened is (dip:status; none: it happened)
EVENT_STATUSES: tuple[str, ...] = ("Planned", "Proposed", "Hypothetical", "Cancelled", "Negated")


@dataclass(frozen=True)
class Article:
    """A source document as read, with the metadata the text or its container carries."""

    id: str
    text: str
    path: str | None = None
    date: str | None = None  # publication date, ISO yyyy-mm-dd, when known
    agency: str | None = None  # news agency named in the dateline or byline (ТАСС, Синьхуа)
    dateline_place: str | None = None  # «ПЕКИН» of «ПЕКИН, 29 октября. /ТАСС/.»
    dateline_date: str | None = None  # «--10-29» (xsd:gMonthDay) or a full date
    url: str | None = None
    title: str | None = None
    body_start: int = 0  # offset where the article's running text starts (after a metadata line)


@dataclass(frozen=True)
class TextSpan:
    """A stretch of an article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span that names an entity, with its type and its nominative form."""

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES
    norm: str  # nominative form of this surface («Си Цзиньпином» → «Си Цзиньпин»)
    source: str  # "ner", "gazetteer" or "pattern"
    key: str | None = None  # canonical key from a gazetteer («state/china»), when known


@dataclass(frozen=True)
class Ref:
    """A pointer to the mention (by offsets) that names an event's participant, place or object."""

    start: int
    end: int
    role: str | None = None  # host, guest, initiator, target, signatory, donor, recipient, …


@dataclass(frozen=True)
class Event:
    """A partnership event found in one article."""

    type: str  # one of EVENT_TYPES
    trigger: TextSpan
    sentence: TextSpan
    participants: tuple[Ref, ...] = ()
    place: Ref | None = None
    date: str | None = None  # xsd:date when the full date is known
    partial_date: str | None = None  # --MM-DD, YYYY-MM or YYYY
    date_text: str | None = None  # the words that gave the date («в субботу», «в прошлом году»)
    date_inferred: bool = False  # the year was taken from the article's date
    concerns: tuple[Ref, ...] = ()
    level: str | None = None  # «всестороннее стратегическое партнерство»
    confidence: float = 0.5
    evidence: tuple[TextSpan, ...] = ()  # further sentences describing the same happening
    sub_event_of: int | None = None  # index of the enclosing event in the article's list
    status: str | None = None  # one of EVENT_STATUSES when the text does not report it as having happened


@dataclass(frozen=True)
class Position:
    """A person holding a post: «министр иностранных дел Чили Хуан Перес»."""

    person: Ref
    role: str  # the post's name, nominative, lower case: «министр иностранных дел»
    of: Ref | None  # the state or organisation the post is in
    evidence: TextSpan
    confidence: float = 0.8
    role_span: TextSpan | None = (
        None  # the words that name the post in the text («министром иностранных дел»)
    )
    # the words naming the same post of the same person elsewhere in the article («президент Франции …
    # Президент Саркози»): one holding, stated more than once
    restated: tuple[TextSpan, ...] = ()


@dataclass(frozen=True)
class Ownership:
    """A person who owns or founded an organisation: «основатель компании «Вега» Иван Петров» (no post)."""

    person: Ref
    kind: str  # "owns" or "founded"
    body: Ref
    evidence: TextSpan
    confidence: float = 0.8


@dataclass(frozen=True)
class Fact:
    """A figure the text states: «товарооборот … вырос до $4,2 млрд, что на 7% больше …»."""

    indicator: str  # "TradeTurnover", "Investment", …
    value: float
    unit: str  # ISO 4217 code or a plain unit
    evidence: TextSpan
    period: str | None = None
    change_percent: float | None = None
    between: tuple[Ref, ...] = ()
    value_text: str = ""
    confidence: float = 0.7


@dataclass(frozen=True)
class ArticleRecord:
    """Everything extracted from one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    facts: tuple[Fact, ...] = ()
    ownerships: tuple[Ownership, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A canonical real-world entity, resolved across articles."""

    key: str  # «person/wang-yi», also the IRI path under the base
    type: str  # one of ENTITY_TYPES
    label: str  # nominative Russian name
    alt_labels: tuple[str, ...] = ()  # aliases («КНР»)
    hidden_labels: tuple[str, ...] = ()  # inflected forms seen in the texts
    label_en: str | None = None
    wikidata: str | None = None  # Q-identifier, only from the checked table


@dataclass(frozen=True)
class Post:
    """A post as resolved: its key, its name, and the state or organisation it is in."""

    key: str  # «post/ministr-inostrannykh-del--china»
    role: str  # «министр иностранных дел»
    label: str  # «министр иностранных дел Китая»
    of: str | None  # key of the state or organisation (or the place) the post is of
    of_label: str | None = None
    of_type: str | None = None
    seat: str | None = (
        None  # the state or organisation it is in (a place: its authorities); None: nobody holds it
    )


@dataclass(frozen=True)
class Corpus:
    """The resolved corpus: articles, canonical entities and every decision about which entity a name stands for."""

    records: tuple[ArticleRecord, ...]
    entities: tuple[Entity, ...]
    # (article id, start, end) → entity key
    links: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # entities no text names that the decisions bring in: the state a capital stands for, the state a post is
    # in, the authorities of a region a post is in
    implied: tuple[Entity, ...] = ()
    # (article id, start, end) of a participant → the actor it stands for (a capital: its state); None: no actor
    actors: dict[tuple[str, int, int], str | None] = field(default_factory=dict)
    # (article id, index of the position in its record) → the post
    posts: dict[tuple[str, int], Post] = field(default_factory=dict)
    # article id → key of the organisation its dateline or byline names
    agencies: dict[str, str] = field(default_factory=dict)
    # organisation key → key of the place it is located in (the authorities of a region)
    locations: dict[str, str] = field(default_factory=dict)
    # a state's body → the state it belongs to («МИД Казахстана» → Казахстан)
    part_of: dict[str, str] = field(default_factory=dict)
