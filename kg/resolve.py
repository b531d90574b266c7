"""Canonical entities across articles, and every decision about which entity a name stands for.

Two passes over the records: the first collects every person's full name in the corpus, the second links each
mention to one entity. A partial name («Токаев», «М. Тлеуберди») goes to the full name with the same surname (and
initial) in the same article, else to the only such full name in the corpus; an ambiguous one stays on its own.
Then the decisions the graph only writes down: a capital in an actor's role stands for its state, a post is in a
state or an organisation (a minister «of the MFA of X» is a minister of X, a governor of a region is in its
authorities), a dateline's agency is an organisation of the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.folding import fold
from kg.identity import same_person, state_of_body, surname_bucket
from kg.iri import article_slug, authorities_key, entity_key, post_key
from kg.lexicon import body_state, capitals, case_forms, entries, genitive, lookup, wikidata
from kg.records import ArticleRecord, Corpus, Entity, Mention, Position, Post

#: a surname alone is the person of several with that surname who is named this many times more than any other
DOMINANT = 3
_DASHES = re.compile(r"\s*[-–—]\s*")
_QUOTES = re.compile(r"[«»\"“”„']")


def match_key(text: str) -> str:
    """The form two names are compared in: lower case, ё as е, one kind of dash, no quotes.

    >>> match_key("«Центральная Азия – Китай»")
    'центральная азия-китай'
    >>> match_key("Один пояс — один путь") == match_key("один пояс - один путь")
    True
    """
    text = _QUOTES.sub("", fold(text))
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


def format_key(text: str) -> str:
    """A «X — Y» format name compared regardless of order: «Китай - Центральная Азия» = «Центральная Азия — Китай».

    >>> format_key("Китай - Центральная Азия") == format_key("Центральная Азия — Китай")
    True
    """
    key = match_key(text)
    parts = key.split("-")
    if len(parts) == 2 and all(" " in p or len(p) > 3 for p in parts):
        return "-".join(sorted(parts))
    return key


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[tuple[str, str], str]:
    """(type, format_key(name)) → gazetteer key, for every listed name and alias."""
    index: dict[tuple[str, str], str] = {}
    for e in entries():
        for name in e.names:
            index.setdefault((e.type, format_key(name)), e.key)
    return index


@lru_cache(maxsize=4096)
def _forms(name: str) -> frozenset[str]:
    return frozenset(case_forms(name))


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and word.endswith(".")


def _name_words(norm: str) -> list[str]:
    return [w for w in re.split(r"\s+", norm.strip()) if w]


def _is_full_name(norm: str) -> bool:
    words = _name_words(norm)
    return sum(not _is_initial(w) for w in words) >= 2


def _surname(norm: str) -> str:
    return surname_bucket(norm)


@dataclass
class _Cluster:
    key: str
    type: str
    norms: Counter[str] = field(default_factory=Counter)
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # (surface, nominative, source)
    first_seen: int = 0


class _Resolver:
    def __init__(self, records: Iterable[ArticleRecord]) -> None:
        self.records = records
        self.clusters: dict[str, _Cluster] = {}
        self.links: dict[tuple[str, int, int], str] = {}
        self.order = 0
        # every full person name in the corpus, by surname
        self.full_by_surname: dict[str, Counter[str]] = defaultdict(Counter)
        self.canonical: dict[str, str] = self.same_persons(records)
        for rec in records:
            for m in rec.mentions:
                if m.type == "Person" and _is_full_name(m.norm):
                    self.full_by_surname[_surname(m.norm)][m.norm] += 1

    @staticmethod
    def same_persons(records: list[ArticleRecord]) -> dict[str, str]:
        """Each name of a person → the name its person goes by: of the full names (or of the surnames alone)
        that can be one person (an inflection, a patronymic, a transliteration variant apart) the most frequent,
        then the longest. Two names are one person only when no third one that fits either disagrees."""
        counts: Counter[str] = Counter(m.norm for rec in records for m in rec.mentions if m.type == "Person")
        by_surname: dict[str, list[str]] = defaultdict(list)
        for norm in sorted(counts):
            by_surname[_surname(norm)].append(norm)
        out: dict[str, str] = {}
        for norms in by_surname.values():
            for norm in norms:
                full = _is_full_name(norm)
                fits = [n for n in norms if _is_full_name(n) == full and same_person(n, norm)]
                if all(same_person(a, b) for a in fits for b in fits):
                    out[norm] = min(fits, key=lambda n: (-counts[n], -len(n.split()), n))
        return out

    def person_key(self, norm: str) -> str:
        norm = self.canonical.get(norm, norm)
        listed = _lexicon_index().get(("Person", format_key(norm)))
        return listed or entity_key("Person", norm)

    def key_for(self, mention: Mention, article_full: dict[str, Counter[str]], article: str = "") -> str:
        if mention.key:
            return mention.key
        if mention.source == "descriptor":
            # a body named by a common noun («палестинская делегация») is that article's: the same words in
            # another article may name another body
            return entity_key(mention.type, f"{match_key(mention.norm)} {article_slug(article)}")
        if mention.type == "Person":
            if _is_full_name(mention.norm):
                return self.person_key(mention.norm)
            surname = _surname(mention.norm)
            for pool in (article_full.get(surname, Counter()), self.full_by_surname.get(surname, Counter())):
                fits: Counter[str] = Counter()
                for n, count in pool.items():
                    if same_person(n, mention.norm):
                        fits[self.person_key(n)] += count
                ranked = fits.most_common(2)
                # several persons fit: the one named far more often than any other («Обама»), else none
                if len(ranked) == 1 or ranked and ranked[0][1] >= DOMINANT * ranked[1][1]:
                    return ranked[0][0]
            return self.person_key(mention.norm)
        listed = _lexicon_index().get((mention.type, format_key(mention.norm)))
        if listed:
            return listed
        if mention.type == "Initiative":
            return entity_key("Initiative", format_key(mention.norm).replace("-", " "))
        return entity_key(mention.type, match_key(mention.norm))

    def run(self) -> Corpus:
        # full names first, so that partial names find their clusters' first letters
        for rec in self.records:
            for m in rec.mentions:
                if m.type == "Person" and _is_full_name(m.norm):
                    self.add(self.person_key(m.norm), m)
        for rec in self.records:
            article_full: dict[str, Counter[str]] = defaultdict(Counter)
            for m in rec.mentions:
                if m.type == "Person" and _is_full_name(m.norm):
                    article_full[_surname(m.norm)][m.norm] += 1
            for m in rec.mentions:
                key = self.key_for(m, article_full, rec.article.id)
                if not (m.type == "Person" and _is_full_name(m.norm)):
                    self.add(key, m)
                self.links[(rec.article.id, m.start, m.end)] = key
        entities = tuple(self.entity(c) for c in sorted(self.clusters.values(), key=lambda c: c.key))
        return Corpus(records=self.records, entities=entities, links=self.links)

    def add(self, key: str, m: Mention) -> None:
        cluster = self.clusters.get(key)
        if cluster is None:
            listed = lookup(key)
            cluster = self.clusters[key] = _Cluster(
                key, listed.type if listed else m.type, first_seen=self.order
            )
            self.order += 1
        cluster.norms[m.norm] += 1
        cluster.texts.append((m.text, m.norm, m.source))

    @staticmethod
    def entity(cluster: _Cluster) -> Entity:
        listed = lookup(cluster.key)
        if listed:
            label, label_en, names = listed.label, listed.label_en, listed.names
        else:

            def rank(item: tuple[str, int]) -> tuple:
                norm, count = item
                shouting = norm.isupper() and len(norm) > 5
                full = sum(not _is_initial(w) for w in _name_words(norm))
                return (shouting, -full if cluster.type == "Person" else 0, -count, norm)

            label = min(cluster.norms.items(), key=rank)[0]
            label_en, names = None, (label,)
        alt, hidden = set(), set()
        for name in names[1:]:
            alt.add(name)
        for norm in cluster.norms:
            if norm != label:
                alt.add(norm)
        for text, norm, source in sorted(set(cluster.texts)):
            if text == label or text in alt:
                continue
            if source != "gazetteer" and norm != text:
                hidden.add(text)  # an inflected form of its own nominative
                continue
            base = next((n for n in (label, *sorted(alt)) if text.lower() in _forms(n)), None)
            if base is None and fold(text) == fold(label):
                base = label
            if base is None:
                alt.add(text)
            else:
                hidden.add(text)
        return Entity(
            key=cluster.key,
            type=cluster.type,
            label=label,
            alt_labels=tuple(sorted(alt - {label})),
            hidden_labels=tuple(sorted(hidden - alt - {label})),
            label_en=label_en,
            wikidata=wikidata().get(cluster.key),
        )


def post_in(role: str, of_key: str | None) -> str | None:
    """Where a post is: a minister «of the MFA of X» is the minister of X («глава МИД Казахстана»).

    >>> post_in("министр иностранных дел", "organization/mfa-kazakhstan")
    'state/kazakhstan'
    >>> post_in("пресс-секретарь", "organization/mfa-kazakhstan")
    'organization/mfa-kazakhstan'
    """
    body = body_state(of_key) if of_key else None
    if body and body[0] == "mfa" and role.startswith(("министр", "заместитель министра", "глава")):
        return body[1]
    return of_key


def post_label(role: str, of_label: str | None, of_type: str | None = None) -> str:
    """A post's name: «министр иностранных дел Китая»; a member's post names the body once.

    >>> post_label("член политбюро", "Политбюро ЦК КПК", "Organization")
    'член Политбюро ЦК КПК'
    >>> post_label("министр иностранных дел", "Китай", "State")
    'министр иностранных дел Китая'
    """
    if not of_label:
        return role
    if role.startswith("член ") and of_type == "Organization":
        role = "член"
    return f"{role} {genitive(of_label)}"


def capital_state(label: str) -> str | None:
    """The state key a capital city stands for, or None («Пекин» → «state/china»)."""
    return capitals().get(fold(label))


class _Decisions:
    """Which entity each participant, post and agency stands for; brings in the entities no text names."""

    def __init__(self, records: tuple[ArticleRecord, ...], entities: tuple[Entity, ...], links: dict) -> None:
        self.records, self.named, self.links = records, entities, links
        self._agencies: dict[str, str] | None = None
        self.entities = {e.key: e for e in entities}
        self.implied: dict[str, Entity] = {}
        self.actors: dict[tuple[str, int, int], str | None] = {}
        self.posts: dict[tuple[str, int], Post] = {}
        self.agencies: dict[str, str] = {}
        self.locations: dict[str, str] = {}
        self.part_of: dict[str, str] = {}

    def ensure(self, key: str) -> bool:
        """Bring in the gazetteer entity a capital or a post stands for, even if the texts never name it."""
        if key in self.entities:
            return True
        entry = lookup(key)
        if entry is None:
            return False
        entity = Entity(
            key,
            entry.type,
            entry.label,
            tuple(sorted(set(entry.names[1:]))),
            (),
            entry.label_en,
            wikidata().get(key),
        )
        self.entities[key] = self.implied[key] = entity
        return True

    def actor(self, art: str, start: int, end: int) -> None:
        """The entity a participant names; a capital or a place in an actor's role stands for its state."""
        key = self.links.get((art, start, end))
        entity = self.entities.get(key) if key else None
        if entity is not None and entity.type == "Place":
            state = capital_state(entity.label)
            key = state if state is not None and self.ensure(state) else None
        self.actors[(art, start, end)] = key

    def authorities(self, place: Entity) -> str:
        """The authorities of a region or city («власти Московской области»), the organisation a post such as
        «губернатор Московской области» is in (a post is in an organisation or a state, not in a place); they
        are located in the place."""
        key = authorities_key(place.key)
        if key not in self.entities:
            entity = Entity(key, "Organization", f"власти {genitive(place.label)}")
            self.entities[key] = self.implied[key] = entity
            self.locations[key] = place.key
        return key

    def post(self, art: str, pos: Position) -> Post:
        """The post a position names; the seat of a post whose holder is known (a post of nobody is not kept)."""
        of_key = post_in(pos.role, self.links.get((art, pos.of.start, pos.of.end)) if pos.of else None)
        held = (art, pos.person.start, pos.person.end) in self.links
        if held and of_key is not None:
            self.ensure(of_key)
        where = (self.entities.get(of_key) or lookup(of_key)) if of_key else None
        seat = None
        if held:
            seat = self.authorities(where) if where is not None and where.type == "Place" else of_key
        return Post(
            post_key(pos.role, of_key),
            pos.role,
            post_label(pos.role, where.label if where else None, where.type if where else None),
            of_key,
            where.label if where else None,
            where.type if where else None,
            seat,
        )

    def agency(self, name: str) -> str | None:
        """The organisation of the corpus a dateline's or byline's agency name stands for (the first one named so,
        from an index made once: a scan of every organisation per article grew with the square of the corpus)."""
        if self._agencies is None:
            self._agencies = {}
            for e in self.named:
                if e.type == "Organization":
                    for n in (e.label, *e.alt_labels):
                        self._agencies.setdefault(format_key(n), e.key)
        return self._agencies.get(format_key(name))

    def run(self) -> Corpus:
        for rec in self.records:
            art = rec.article.id
            if rec.article.agency and (agency := self.agency(rec.article.agency)):
                self.agencies[art] = agency
            for ev in rec.events:
                for ref in ev.participants:
                    self.actor(art, ref.start, ref.end)
            for i, pos in enumerate(rec.positions):
                self.posts[(art, i)] = self.post(art, pos)
            for fact in rec.facts:
                for ref in fact.between:
                    self.actor(art, ref.start, ref.end)
        # a state's body belongs to its state («МИД Казахстана» → Казахстан), so that the graph can be asked
        for e in sorted(self.entities.values(), key=lambda e: e.key):
            state = state_of_body(e.key, e.label) if e.type == "Organization" else None
            if state is not None and self.ensure(state):
                self.part_of[e.key] = state
        return Corpus(
            self.records,
            self.named,
            self.links,
            tuple(self.implied.values()),
            self.actors,
            self.posts,
            self.agencies,
            self.locations,
            self.part_of,
        )


def resolve(records: Iterable[ArticleRecord]) -> Corpus:
    """Link every mention of every record to a canonical entity, and decide what participants and posts stand for.

    The records are read a few times over, never all held at once: a collection that can be read again (a
    kg.spool.RecordSpool of a large corpus, kept on disk) is used as it is, anything else is made a tuple."""
    if not hasattr(records, "__len__") or isinstance(records, list):
        records = tuple(records)
    named = _Resolver(records).run()
    return _Decisions(named.records, named.entities, named.links).run()
