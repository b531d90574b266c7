"""Test support: graphs of the shape kg/graph.py writes (notes/GRAPH.md), built by hand; the browser to open them.

A small sample (with an XSS payload) and a synthetic large one let the page be developed, tested and benchmarked
without the NLP pipeline. The tests import this module from their own folder; benchmarks/bench_html.py adds the
folder to ``sys.path``. The sample's articles are sentences written for it.
"""

from __future__ import annotations

import random
from functools import cache, lru_cache

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from kg.iri import DEFAULT_BASE, article_key, entity_key, mint
from kg.records import EVENT_TYPES
from kg.vocab import DIP, NIF, ONTOLOGY_FILE, SCHEMA, WD, bind_prefixes

#: The payload the XSS tests plant in an article: a name that would run code if drawn as HTML.
HOSTILE_LABEL = "<img src=x onerror=alert(1)>"


@cache
def event_type_data(name: str) -> tuple[str, float, str]:
    """(Russian label, cooperation score, CAMEO code) of an event type, as the ontology gives them."""
    onto = _ontology()
    concept = DIP[name]
    label = next(str(o) for o in onto.objects(concept, SKOS.prefLabel) if o.language == "ru")
    return label, float(onto.value(concept, DIP.cooperationScore)), str(onto.value(concept, DIP.cameoCode))


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


_TYPE_CLASS = {
    "Person": DIP.Person,
    "State": DIP.State,
    "Organization": DIP.Organization,
    "Initiative": DIP.Initiative,
    "Place": DIP.Place,
}
_ACTORS = {"Person", "State", "Organization"}

#: Debian's Chromium and the flags it needs on a machine with no network (for the browser tests and benchmark).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Builder:
    """Adds entities, articles and events in the GRAPH.md shape to a Dataset."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base
        self.ds = Dataset()
        bind_prefixes(self.ds, base)
        self.default: Graph = self.ds.default_graph
        self.texts: dict[str, str] = {}

    def iri(self, key: str) -> URIRef:
        return URIRef(mint(self.base, key))

    def entity(
        self,
        type_: str,
        label: str,
        *,
        alt: tuple[str, ...] = (),
        hidden: tuple[str, ...] = (),
        en: str | None = None,
        wikidata: str | None = None,
    ) -> URIRef:
        s = self.iri(entity_key(type_, label))
        g = self.default
        g.add((s, RDF.type, _TYPE_CLASS[type_]))
        if type_ in _ACTORS:
            g.add((s, RDF.type, DIP.Actor))
        g.add((s, SKOS.prefLabel, Literal(label, lang="ru")))
        g.add((s, RDFS.label, Literal(label, lang="ru")))
        if en:
            g.add((s, SKOS.prefLabel, Literal(en, lang="en")))
        for a in alt:
            g.add((s, SKOS.altLabel, Literal(a, lang="ru")))
        for h in hidden:
            g.add((s, SKOS.hiddenLabel, Literal(h, lang="ru")))
        if wikidata:
            g.add((s, SKOS.exactMatch, WD[wikidata]))
        return s

    def event_type(self, name: str) -> URIRef:
        label, score, cameo = event_type_data(name)
        concept = DIP[name]
        g = self.default
        g.add((concept, SKOS.prefLabel, Literal(label, lang="ru")))
        g.add((concept, SKOS.inScheme, DIP.EventTypeScheme))
        g.add((concept, DIP.cooperationScore, Literal(score)))
        g.add((concept, DIP.cameoCode, Literal(cameo)))
        return concept

    def article(
        self, article_id: str, text: str, *, title: str, date: str | None = None
    ) -> tuple[URIRef, Graph]:
        a = self.iri(article_key(article_id))
        g = self.ds.graph(a)
        g.add((a, RDF.type, DIP.NewsArticle))
        g.add((a, RDFS.label, Literal(title)))
        g.add((a, DIP.sourceFile, Literal(f"seeds/{article_id}.txt")))
        if date:
            g.add((a, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
        self.texts[str(a)] = text
        return a, g

    def mention(self, a: URIRef, g: Graph, needle: str, kind: str, entity: URIRef | None = None) -> URIRef:
        start = self.texts[str(a)].index(needle)
        end = start + len(needle)
        m = URIRef(f"{mint(self.base, 'mention')}/{str(a).rsplit('/', 1)[1]}/{start}-{end}")
        g.add((m, RDF.type, DIP.Mention))
        g.add((m, NIF.referenceContext, a))
        g.add((m, NIF.beginIndex, Literal(start)))
        g.add((m, NIF.endIndex, Literal(end)))
        g.add((m, NIF.anchorOf, Literal(needle)))
        g.add((m, DIP.mentionType, Literal(kind)))
        if entity is not None:
            g.add((m, URIRef("http://www.w3.org/2005/11/its/rdf#taIdentRef"), entity))
            g.add((entity, DIP.denotedBy, m))
            g.add((entity, DIP.extractedFrom, a))
        return m

    def event(
        self,
        a: URIRef,
        g: Graph,
        n: int,
        type_: str,
        *,
        sentence: str,
        trigger: str,
        participants: list[tuple[URIRef, str | None]],
        place: URIRef | None = None,
        date: str | None = None,
        partial_date: str | None = None,
        date_text: str | None = None,
        concerns: tuple[URIRef, ...] = (),
        sub_event_of: URIRef | None = None,
        confidence: float = 0.8,
    ) -> URIRef:
        e = URIRef(mint(self.base, f"event/{str(a).rsplit('/', 1)[1]}-{n}"))
        g.add((e, RDF.type, DIP.PartnershipEvent))
        g.add((e, DIP.eventType, self.event_type(type_)))
        names = ", ".join(str(self.default.value(p, SKOS.prefLabel)) for p, _ in participants)
        g.add((e, RDFS.label, Literal(f"{event_type_data(type_)[0].capitalize()}: {names}", lang="ru")))
        for i, (p, role) in enumerate(participants, 1):
            g.add((e, DIP.hasParticipant, p))
            part = URIRef(f"{e}/p{i}")
            g.add((e, DIP.hasParticipation, part))
            g.add((part, RDF.type, DIP.Participation))
            g.add((part, DIP.participant, p))
            if role:
                g.add((part, DIP.roleType, DIP[role]))
        if place is not None:
            g.add((e, DIP.place, place))
        if date:
            g.add((e, DIP.date, Literal(date, datatype=XSD.date)))
        if partial_date:
            dt = (
                XSD.gMonthDay
                if partial_date.startswith("--")
                else XSD.gYearMonth
                if "-" in partial_date
                else XSD.gYear
            )
            g.add((e, DIP.partialDate, Literal(partial_date, datatype=dt)))
        if date_text:
            g.add((e, DIP.dateText, Literal(date_text)))
        for c in concerns:
            g.add((e, DIP.concerns, c))
        if sub_event_of is not None:
            g.add((e, DIP.subEventOf, sub_event_of))
        g.add((e, DIP.confidence, Literal(confidence)))
        g.add((e, DIP.trigger, self.mention(a, g, trigger, "trigger")))
        g.add((e, DIP.denotedBy, self.mention(a, g, sentence, "sentence")))
        g.add((e, DIP.extractedFrom, a))
        return e

    def holds_post(
        self, person: URIRef, post_label: str, post_in: URIRef, a: URIRef, g: Graph, evidence: str
    ) -> None:
        post = self.iri(f"post/{entity_key('Post', post_label).split('/', 1)[1]}")
        self.default.add((post, RDF.type, DIP.Post))
        self.default.add((post, SKOS.prefLabel, Literal(post_label, lang="ru")))
        self.default.add((post, RDFS.label, Literal(post_label, lang="ru")))
        self.default.add((post, DIP.postIn, post_in))
        self.default.add((person, DIP.holdsPost, post))
        h = URIRef(f"{mint(self.base, 'holding')}/{str(a).rsplit('/', 1)[1]}/{str(person).rsplit('/', 1)[1]}")
        g.add((h, RDF.type, DIP.PostHolding))
        g.add((h, DIP.holder, person))
        g.add((h, DIP.heldPost, post))
        g.add((h, DIP.denotedBy, self.mention(a, g, evidence, "sentence")))
        g.add((h, DIP.extractedFrom, a))


def sample_dataset(*, hostile: bool = True, base: str = DEFAULT_BASE) -> Dataset:
    """A small hand-built partnership graph: persons, states, places, an initiative, events, posts, a fact.

    With ``hostile``, one article names an organisation «<img src=x onerror=alert(1)>» (the XSS payload).
    """
    b = _Builder(base)
    kz = b.entity(
        "State",
        "Казахстан",
        alt=("РК", "Республика Казахстан"),
        hidden=("Казахстаном", "Казахстана"),
        en="Kazakhstan",
        wikidata="Q232",
    )
    cn = b.entity("State", "Китай", alt=("КНР",), hidden=("Китая", "Китаем"), en="China", wikidata="Q148")
    tokayev = b.entity("Person", "Касым-Жомарт Токаев", hidden=("Токаевым", "Касым-Жомартом Токаевым"))
    wang = b.entity("Person", "Ван И", en="Wang Yi")
    xi = b.entity("Person", "Си Цзиньпин", hidden=("Си Цзиньпином",), en="Xi Jinping", wikidata="Q15031")
    tleu = b.entity("Person", "Мухтар Тлеуберди", hidden=("Мухтаром Тлеуберди",))
    sco = b.entity("Organization", "Шанхайская организация сотрудничества", alt=("ШОС",), wikidata="Q485207")
    bri = b.entity("Initiative", "Один пояс, один путь", alt=("Пояс и путь",))
    nursultan = b.entity("Place", "Нур-Султан")
    beijing = b.entity("Place", "Пекин", hidden=("Пекине",))

    t1 = (
        "Нур-Султан (Синьхуа), 20.06. В субботу Ван И, возглавляющий внешнеполитическое ведомство КНР, "
        "провел переговоры в казахстанской столице со своим коллегой Мухтаром Тлеуберди. Министры обсудили, как "
        'связать национальные программы двух стран с проектами "Пояса и пути".'
    )
    a1, g1 = b.article("000_sample", t1, title="Ван И и Мухтар Тлеуберди обсудили транзит", date="2020-06-20")
    for name, ent in (("Ван И", wang), ("Мухтаром Тлеуберди", tleu), ("Нур-Султан", nursultan), ("КНР", cn)):
        b.mention(a1, g1, name, "name", ent)
    s1 = t1[t1.index("В субботу") : t1.index("Тлеуберди.") + len("Тлеуберди.")]
    b.event(
        a1,
        g1,
        1,
        "Talks",
        sentence=s1,
        trigger="провел переговоры",
        participants=[(wang, "guest"), (tleu, "host")],
        place=nursultan,
        date="2020-06-20",
        date_text="В субботу",
        concerns=(bri,),
    )
    b.holds_post(wang, "министр иностранных дел Китая", cn, a1, g1, s1)

    t2 = (
        "В Акорде с Касым-Жомартом Токаевым вела переговоры делегация из Пекина, которую возглавлял глава "
        "китайского МИД Ван И. Президент пригласил Си Цзиньпина снова приехать в Казахстан будущей весной."
    )
    a2, g2 = b.article("001_sample", t2, title="Делегация Ван И в Акорде", date="2020-11-03")
    for name, ent in (("Касым-Жомартом Токаевым", tokayev), ("Ван И", wang), ("Си Цзиньпина", xi)):
        b.mention(a2, g2, name, "name", ent)
    s2 = t2[: t2.index("Ван И.") + len("Ван И.")]
    e2 = b.event(
        a2,
        g2,
        1,
        "Talks",
        sentence=s2,
        trigger="переговоры",
        participants=[(tokayev, "host"), (wang, "guest")],
        date="2020-11-03",
    )
    s3 = t2[t2.index("Президент пригласил") :]
    b.event(
        a2,
        g2,
        2,
        "Invitation",
        sentence=s3,
        trigger="пригласил",
        participants=[(tokayev, "inviter"), (xi, "invitee")],
        partial_date="2020-11",
        sub_event_of=e2,
        confidence=0.7,
    )
    b.holds_post(tokayev, "президент Казахстана", kz, a2, g2, s2)

    t3 = (
        "ПЕКИН, 25.04. Касым-Жомарт Токаев, приехавший в КНР на государственный визит, по итогам беседы "
        "с Си Цзиньпином о партнерстве принял совместную декларацию. Казахстан поддерживает и "
        '"Один пояс, один путь", и работу ШОС, заявили в делегации.'
    )
    a3, g3 = b.article("002_sample", t3, title="Государственный визит Токаева в Китай", date="2019-04-25")
    for name, ent in (
        ("Касым-Жомарт Токаев", tokayev),
        ("Си Цзиньпином", xi),
        ("ПЕКИН", beijing),
        ("ШОС", sco),
    ):
        b.mention(a3, g3, name, "name", ent)
    s4 = t3[t3.index("Касым-Жомарт") : t3.index("декларацию.") + len("декларацию.")]
    visit = b.event(
        a3,
        g3,
        1,
        "StateVisit",
        sentence=s4,
        trigger="государственный визит",
        participants=[(tokayev, "guest"), (cn, "host")],
        place=beijing,
        date="2019-04-25",
    )
    b.event(
        a3,
        g3,
        2,
        "AgreementSigning",
        sentence=s4,
        trigger="принял совместную декларацию",
        participants=[(tokayev, "signatory"), (xi, "signatory")],
        place=beijing,
        date="2019-04-25",
        sub_event_of=visit,
    )
    s5 = t3[t3.index("Казахстан поддерживает") :]
    b.event(
        a3,
        g3,
        3,
        "InitiativeSupport",
        sentence=s5,
        trigger="поддерживает",
        participants=[(kz, "supporter")],
        concerns=(bri, sco),
        partial_date="2019",
    )
    b.default.add((kz, DIP.supports, bri))

    fact = URIRef(mint(base, "fact/002_sample-1"))
    g3.add((fact, RDF.type, DIP.StatisticalFact))
    g3.add((fact, DIP.indicator, DIP.TradeTurnover))
    g3.add((fact, DIP.value, Literal(31_200_000_000.0)))
    g3.add((fact, DIP.unit, Literal("USD")))
    g3.add((fact, DIP.concerns, kz))
    g3.add((fact, DIP.concerns, cn))
    g3.add((fact, RDFS.label, Literal("Товарооборот: 31,2 млрд USD", lang="ru")))
    g3.add((fact, DIP.denotedBy, b.mention(a3, g3, s5, "sentence")))
    g3.add((fact, DIP.extractedFrom, a3))

    if hostile:
        evil = b.entity("Organization", HOSTILE_LABEL, alt=("<script>alert(2)</script>",))
        t4 = (
            f"Ван И встретился с представителями организации {HOSTILE_LABEL} в Пекине. "
            '<b>Жирный</b> текст & "кавычки" </script><script>alert(3)</script>'
        )
        a4, g4 = b.article(
            "003_hostile", t4, title=f"Статья {HOSTILE_LABEL} </script><!--", date="2021-01-05"
        )
        b.mention(a4, g4, HOSTILE_LABEL, "name", evil)
        b.event(
            a4,
            g4,
            1,
            "Meeting",
            sentence=t4,
            trigger="встретился",
            participants=[(wang, None), (evil, None)],
            place=beijing,
            date="2021-01-05",
        )
    return b.ds


def synthetic_dataset(n_actors: int, n_events: int, *, seed: int = 7, base: str = DEFAULT_BASE) -> Dataset:
    """A random graph in the GRAPH.md shape with ``n_actors`` entities and ``n_events`` events (for benchmarks)."""
    rng = random.Random(seed)
    b = _Builder(base)
    kinds = ["Person"] * 5 + ["State"] + ["Organization"] * 2 + ["Initiative", "Place"]
    entities: dict[str, list[URIRef]] = {k: [] for k in _TYPE_CLASS}
    for i in range(n_actors):
        kind = kinds[i % len(kinds)]
        entities[kind].append(b.entity(kind, f"{kind} {i:05d}"))
    actors = entities["Person"] + entities["State"] + entities["Organization"]
    # A few hubs take part often, as heads of state do in the news.
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(actors))]
    per_article = 4
    for j in range(0, n_events, per_article):
        aid = f"{j // per_article:05d}_synthetic"
        count = min(per_article, n_events - j)
        sentences = [
            f"Событие {j + k}: стороны провели переговоры и подписали соглашение." for k in range(count)
        ]
        text = " ".join(sentences)
        a, g = b.article(aid, text, title=f"Статья {aid}", date=f"20{10 + j % 15:02d}-0{1 + j % 9}-1{j % 10}")
        for k, sentence in enumerate(sentences):
            parts = []
            for p in rng.choices(actors, weights=weights, k=rng.choice((1, 2, 2, 2, 3))):
                if p not in (q for q, _ in parts):
                    parts.append((p, None))
            place = rng.choice(entities["Place"]) if entities["Place"] and rng.random() < 0.5 else None
            concerns = (
                (rng.choice(entities["Initiative"]),) if entities["Initiative"] and rng.random() < 0.3 else ()
            )
            b.event(
                a,
                g,
                k + 1,
                rng.choice(EVENT_TYPES),
                sentence=sentence,
                trigger=sentence.split(": ")[1][:6],
                participants=parts,
                place=place,
                concerns=concerns,
                date=f"20{10 + (j + k) % 15:02d}-{1 + (j + k) % 12:02d}-{1 + (j + k) % 28:02d}",
            )
    return b.ds
