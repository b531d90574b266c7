"""Records → RDF: shared knowledge in the default graph, each article's triples in its own graph.

The corpus is written one article at a time (:func:`graph_parts`): each article's graph is a small set of rdflib
triples, made and handed on before the next article's, and the shared knowledge (the default graph) comes last.
No whole-corpus rdflib store is ever built by ``kg build``; :func:`build_dataset` puts the parts into a Dataset
for tests and small corpora.

Every triple is stated once in the whole dataset. What two articles may both say about shared things (an
entity's types and labels, who holds which post, which state supports which initiative) goes to the default
graph; an article graph holds only what is that article's own: its mentions, events, post ownerships and
figures, and the links from shared entities to them (``dip:denotedBy``, ``dip:extractedFrom``). So a query
over the union of the graphs gives the same rows whether a store keeps the union as a set (rdflib, Jena) or
as a bag (Oxigraph), and a ``COUNT`` agrees with the plain Turtle export.

The plain Turtle export is the union of all graphs; TriG / N-Quads keep the article graphs apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD, NamespaceManager

from kg.cooccurrence import ACTOR_TYPES as COOCCURRING
from kg.cooccurrence import article_cooccurrences, cooccurrence_key
from kg.eventtypes import event_label, ontology
from kg.iri import (
    DEFAULT_BASE,
    article_key,
    event_key,
    fact_key,
    holding_key,
    level_key,
    mention_key,
    mint,
)
from kg.records import ArticleRecord, Corpus, Entity, Event, Fact, Position, Post, Ref, TextSpan
from kg.vocab import DIP, ITSRDF, NIF, PROV, SCHEMA, WD, bind_prefixes

ACTOR_TYPES = {"Person", "State", "Organization"}
_EVENT_TYPE_FACTS = (SKOS.prefLabel, SKOS.inScheme, DIP.cooperationScore, DIP.cameoCode, RDF.type)

Triple = tuple  # (subject, predicate, object) of rdflib terms


class Shared:
    """The default graph as it grows: a set of triples, indexed by subject (validation reads what an article's
    graph points to)."""

    def __init__(self) -> None:
        self.triples: set[Triple] = set()
        self.about: dict[URIRef, set[Triple]] = {}

    def add(self, triple: Triple) -> None:
        if triple not in self.triples:
            self.triples.add(triple)
            self.about.setdefault(triple[0], set()).add(triple)


class GraphBuilder:
    """Writes a resolved corpus into a Dataset; one method per kind of record."""

    def __init__(self, corpus: Corpus, base: str = DEFAULT_BASE, include_text: bool = False) -> None:
        self.corpus = corpus
        self.base = base
        self.include_text = include_text
        self.entities = {e.key: e for e in (*corpus.entities, *corpus.implied)}
        self.default = Shared()
        self.event_types: set[URIRef] = set()
        self.posts: dict[str, Post] = {}
        self.actors = {e.key for e in self.entities.values() if e.type in COOCCURRING}
        # actors named in one sentence (kg/cooccurrence.py): (a, b) → how many sentences
        self.cooccurring: dict[tuple[str, str], int] = {}

    # -- IRIs ------------------------------------------------------------------------------------------------
    def iri(self, key: str) -> URIRef:
        return URIRef(mint(self.base, key))

    def article_iri(self, article_id: str) -> URIRef:
        return self.iri(article_key(article_id))

    def mention_iri(self, art: str, start: int, end: int) -> URIRef:
        return self.iri(mention_key(art, start, end))

    # -- shared knowledge ------------------------------------------------------------------------------------
    def add_entity(self, e: Entity) -> None:
        g, node = self.default, self.iri(e.key)
        g.add((node, RDF.type, DIP[e.type]))
        if e.type in ACTOR_TYPES:
            g.add((node, RDF.type, DIP.Actor))
        g.add((node, SKOS.prefLabel, Literal(e.label, lang="ru")))
        g.add((node, RDFS.label, Literal(e.label, lang="ru")))
        if e.label_en:
            g.add((node, SKOS.prefLabel, Literal(e.label_en, lang="en")))
        for alt in e.alt_labels:
            g.add((node, SKOS.altLabel, Literal(alt, lang="ru")))
        for hidden in e.hidden_labels:
            g.add((node, SKOS.hiddenLabel, Literal(hidden, lang="ru")))
        if e.wikidata:
            g.add((node, SKOS.exactMatch, WD[e.wikidata]))

    def add_event_types(self) -> None:
        onto = ontology()
        for concept in sorted(self.event_types):
            for p in _EVENT_TYPE_FACTS:
                for o in onto.objects(concept, p):
                    self.default.add((concept, p, o))

    def add_post(self, post: Post) -> None:
        if post.key in self.posts:
            return
        self.posts[post.key] = post
        node = self.iri(post.key)
        self.default.add((node, RDF.type, DIP.Post))
        self.default.add((node, SKOS.prefLabel, Literal(post.label, lang="ru")))
        self.default.add((node, RDFS.label, Literal(post.label, lang="ru")))
        if post.seat:
            self.default.add((node, DIP.postIn, self.iri(post.seat)))

    def add_locations(self) -> None:
        for org, place in self.corpus.locations.items():
            self.default.add((self.iri(org), SCHEMA.location, self.iri(place)))
        for body, state in self.corpus.part_of.items():
            self.default.add((self.iri(body), DIP.partOf, self.iri(state)))

    # -- per article -----------------------------------------------------------------------------------------
    def key_of(self, art: str, ref: Ref) -> str | None:
        return self.corpus.links.get((art, ref.start, ref.end))

    def actor_key(self, art: str, ref: Ref) -> str | None:
        """The actor a participant ref stands for, as resolved (a capital: its state)."""
        return self.corpus.actors.get((art, ref.start, ref.end))

    def add_mention(
        self, g: set[Triple], art: str, span: TextSpan, kind: str, target: URIRef | None = None
    ) -> URIRef:
        node = self.mention_iri(art, span.start, span.end)
        g.add((node, RDF.type, DIP.Mention))
        g.add((node, NIF.referenceContext, self.article_iri(art)))
        g.add((node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(span.text)))
        g.add((node, DIP.mentionType, Literal(kind)))
        if target is not None:
            g.add((node, ITSRDF.taIdentRef, target))
        return node

    def add_record(self, rec: ArticleRecord) -> tuple[URIRef, set[Triple]]:
        """The graph of one article (its name and its triples); what it says of shared things goes to
        ``self.default``."""
        art = rec.article
        a_iri = self.article_iri(art.id)
        g: set[Triple] = set()
        g.add((a_iri, RDF.type, DIP.NewsArticle))
        g.add((a_iri, RDFS.label, Literal(art.title or art.id)))
        if art.path:
            g.add((a_iri, DIP.sourceFile, Literal(art.path)))
        if art.date:
            g.add((a_iri, SCHEMA.datePublished, Literal(art.date, datatype=XSD.date)))
        if art.url:
            g.add((a_iri, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
        if art.dateline_place:
            g.add((a_iri, DIP.datelinePlace, Literal(art.dateline_place)))
        if art.id in self.corpus.agencies:
            g.add((a_iri, PROV.wasAttributedTo, self.iri(self.corpus.agencies[art.id])))
        if self.include_text:
            g.add((a_iri, NIF.isString, Literal(art.text)))
        for m in rec.mentions:
            key = self.corpus.links.get((art.id, m.start, m.end))
            if key is None:
                continue
            ent = self.iri(key)
            node = self.add_mention(g, art.id, TextSpan(m.start, m.end, m.text), "name", ent)
            g.add((ent, DIP.denotedBy, node))
            g.add((ent, DIP.extractedFrom, a_iri))
        events = [self.event_iri(art.id, i) for i in range(len(rec.events))]
        held = {ev.sub_event_of for ev in rec.events if ev.sub_event_of is not None}
        for i, ev in enumerate(rec.events):
            self.add_event(g, art.id, events[i], ev, events, gathering=i in held)
        for i, pos in enumerate(rec.positions):
            self.add_position(g, art.id, pos, self.corpus.posts[(art.id, i)])
        for i, fact in enumerate(rec.facts):
            self.add_fact(g, art.id, self.iri(fact_key(art.id, i)), fact)
        for h in rec.ownerships:  # owners and founders (dip:owns, dip:founded): no post
            who, body = self.key_of(art.id, h.person), self.key_of(art.id, h.body)
            kinds = (self.entities[k].type if k in self.entities else None for k in (who, body))
            if tuple(kinds) == ("Person", "Organization"):
                g.add((self.iri(who), DIP[h.kind], self.iri(body)))
        self.add_cooccurrences(g, rec)
        return a_iri, g

    def add_cooccurrences(self, g: set[Triple], rec: ArticleRecord) -> None:
        """Each sentence naming two actors: a sentence mention in the article's graph, and the link between the
        two (kg/cooccurrence.py) in the default graph, counted; :meth:`finish` writes the counts."""
        for a, b, span in article_cooccurrences(self.corpus, rec, self.actors):
            node = self.iri(cooccurrence_key(a, b))
            self.cooccurring[(a, b)] = self.cooccurring.get((a, b), 0) + 1
            self.default.add((node, DIP.denotedBy, self.add_mention(g, rec.article.id, span, "sentence")))

    def event_iri(self, art: str, i: int) -> URIRef:
        return self.iri(event_key(art, i))

    def add_event(
        self,
        g: set[Triple],
        art: str,
        node: URIRef,
        ev: Event,
        siblings: list[URIRef],
        gathering: bool = False,
    ) -> None:
        concept = DIP[ev.type]
        self.event_types.add(concept)
        g.add((node, RDF.type, DIP.PartnershipEvent))
        g.add((node, DIP.eventType, concept))
        g.add((node, DIP.extractedFrom, self.article_iri(art)))
        g.add((node, DIP.confidence, _decimal(round(ev.confidence, 3))))
        names = []
        for n, ref in enumerate(ev.participants, 1):
            key = self.actor_key(art, ref)
            if key is None:
                continue
            actor = self.iri(key)
            g.add((node, DIP.hasParticipant, actor))
            part = URIRef(f"{node}/p{n}")
            g.add((node, DIP.hasParticipation, part))
            g.add((part, RDF.type, DIP.Participation))
            g.add((part, DIP.participant, actor))
            g.add((part, DIP.roleType, DIP[ref.role] if ref.role else DIP.participantRole))
            entity = self.entities.get(key)
            if entity and entity.label not in names:
                names.append(entity.label)
        # a gathering other events were held in is named by what it is of («Встреча: Центральная Азия — Китай»),
        # not by the people of the meeting held in it
        of = [
            self.entities[k].label for k in (self.key_of(art, r) for r in ev.concerns) if k in self.entities
        ]
        shown = of if gathering and of else names
        g.add((node, RDFS.label, Literal(f"{event_label(ev.type)}: {', '.join(shown)}", lang="ru")))
        if ev.place is not None:
            key = self.key_of(art, ev.place)
            if key:
                g.add((node, DIP.place, self.iri(key)))
        if ev.date:
            g.add((node, DIP.date, Literal(ev.date, datatype=XSD.date)))
        elif ev.partial_date:
            g.add((node, DIP.partialDate, _partial(ev.partial_date)))
        if ev.date_text:
            g.add((node, DIP.dateText, Literal(ev.date_text)))
        if ev.date_inferred:
            g.add((node, DIP.dateInferred, Literal(True)))
        for ref in ev.concerns:
            key = self.key_of(art, ref)
            if key:
                g.add((node, DIP.concerns, self.iri(key)))
                if ev.type == "InitiativeSupport":
                    for sup in ev.participants:
                        actor = self.actor_key(art, sup)
                        if actor and self.entities.get(key) and self.entities[key].type == "Initiative":
                            # shared knowledge; the article saying so is the event's dip:extractedFrom
                            self.default.add((self.iri(actor), DIP.supports, self.iri(key)))
        if ev.level:
            level = self.iri(level_key(ev.level))
            g.add((node, DIP.partnershipLevel, level))
            self.default.add((level, RDF.type, SKOS.Concept))
            self.default.add((level, SKOS.inScheme, DIP.PartnershipLevelScheme))
            self.default.add((level, SKOS.prefLabel, Literal(ev.level, lang="ru")))
        if ev.status:
            g.add((node, DIP.status, DIP[ev.status]))
        if ev.sub_event_of is not None and 0 <= ev.sub_event_of < len(siblings):
            g.add((node, DIP.subEventOf, siblings[ev.sub_event_of]))
        g.add((node, DIP.trigger, self.add_mention(g, art, ev.trigger, "trigger")))
        for span in (ev.sentence, *ev.evidence):
            g.add((node, DIP.denotedBy, self.add_mention(g, art, span, "sentence")))

    def add_position(self, g: set[Triple], art: str, pos: Position, post: Post) -> None:
        person = self.key_of(art, pos.person)
        if person is None:
            return
        self.add_post(post)
        node = self.iri(post.key)
        # shared knowledge (several articles say it); the article's own statement is the dip:PostHolding
        self.default.add((self.iri(person), DIP.holdsPost, node))
        holding = self.iri(holding_key(art, person, post.key))
        g.add((holding, RDF.type, DIP.PostHolding))
        g.add((holding, DIP.holder, self.iri(person)))
        g.add((holding, DIP.heldPost, node))
        g.add((holding, DIP.extractedFrom, self.article_iri(art)))
        g.add((holding, DIP.confidence, _decimal(round(pos.confidence, 3))))
        g.add((holding, DIP.denotedBy, self.add_mention(g, art, pos.evidence, "sentence")))
        for said in [s for s in (pos.role_span, *pos.restated) if s is not None]:
            g.add((holding, DIP.denotedBy, self.add_mention(g, art, said, "post")))

    def add_fact(self, g: set[Triple], art: str, node: URIRef, fact: Fact) -> None:
        g.add((node, RDF.type, DIP.StatisticalFact))
        indicator = DIP[fact.indicator] if fact.indicator in _INDICATORS else DIP.OtherIndicator
        g.add((node, DIP.indicator, indicator))
        g.add((node, DIP.value, _decimal(fact.value)))
        g.add((node, DIP.unit, Literal(fact.unit)))
        if fact.period:
            g.add((node, DIP.refPeriod, Literal(fact.period)))
        if fact.change_percent is not None:
            g.add((node, DIP.changePercent, _decimal(fact.change_percent)))
        names = []
        for ref in fact.between:
            key = self.actor_key(art, ref) or self.key_of(art, ref)
            if key:
                g.add((node, DIP.concerns, self.iri(key)))
                if key in self.entities:
                    names.append(self.entities[key].label)
        label = f"{fact.indicator}: {fact.value_text or fact.value}" + (
            f" ({' — '.join(names)})" if names else ""
        )
        g.add((node, RDFS.label, Literal(label, lang="ru")))
        g.add((node, DIP.extractedFrom, self.article_iri(art)))
        g.add((node, DIP.confidence, _decimal(round(fact.confidence, 3))))
        g.add((node, DIP.denotedBy, self.add_mention(g, art, fact.evidence, "sentence")))

    def start(self) -> None:
        """The shared knowledge known before any article: entities and where they are."""
        for e in (*self.corpus.entities, *self.corpus.implied):
            self.add_entity(e)
        self.add_locations()

    def finish(self) -> None:
        """The shared knowledge gathered over the articles: event types and the co-occurrence links."""
        self.add_event_types()
        for (a, b), count in sorted(self.cooccurring.items()):
            node = self.iri(cooccurrence_key(a, b))
            self.default.add((node, RDF.type, DIP.CoOccurrence))
            self.default.add((node, DIP.actor, self.iri(a)))
            self.default.add((node, DIP.actor, self.iri(b)))
            self.default.add((node, DIP.sentenceCount, Literal(count, datatype=XSD.integer)))

    def parts(self) -> Iterator[tuple[URIRef | None, set[Triple]]]:
        """Each article's graph in corpus order, then the default graph (name ``None``)."""
        self.start()
        for rec in self.corpus.records:
            yield self.add_record(rec)
        self.finish()
        yield None, self.default.triples


_INDICATORS = {"TradeTurnover", "Investment", "Export", "Import", "Aid", "Loan"}


def _decimal(value: float) -> Literal:
    """An xsd:decimal in plain notation (never «3.65E+10», which is no decimal).

    >>> _decimal(36500000000.0), _decimal(0.85)
    (rdflib.term.Literal('36500000000.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')), rdflib.term.Literal('0.85', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')))
    """
    return Literal(f"{Decimal(repr(float(value))):f}", datatype=XSD.decimal)


def _partial(value: str) -> Literal:
    """A partial date with its XSD type: --MM-DD, YYYY-MM or YYYY."""
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def graph_parts(
    corpus: Corpus, base: str = DEFAULT_BASE, include_text: bool = False
) -> Iterator[tuple[URIRef | None, set[Triple]]]:
    """The corpus as graphs, one at a time: each article's (its IRI, its triples), then the default graph's
    (``None``, its triples). Every triple is in one graph only."""
    return GraphBuilder(corpus, base, include_text).parts()


def build_dataset(corpus: Corpus, base: str = DEFAULT_BASE, include_text: bool = False) -> Dataset:
    """The whole corpus as a Dataset with one named graph per article (for tests and small corpora)."""
    ds = Dataset(default_union=False)
    ds.namespace_manager = NamespaceManager(ds, bind_namespaces="core")
    bind_prefixes(ds, base)
    for name, triples in graph_parts(corpus, base, include_text):
        g = ds.default_graph if name is None else ds.graph(name)
        for t in triples:
            g.add(t)
    return ds


def union(ds: Dataset) -> Graph:
    """All triples of a Dataset in one Graph (the plain Turtle export), prefixes kept."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True, replace=True)
    # added in a fixed order, so that serialisers that follow insertion order give the same bytes every run
    triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    for triple in sorted(triples, key=lambda t: tuple(term.n3() for term in t)):
        g.add(triple)
    return g
