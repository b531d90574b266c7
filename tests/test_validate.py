"""SHACL validation: a well-formed graph conforms; each broken part is reported by its shape and focus."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from typer.testing import CliRunner

from kg.rdfio import quiet_rdflib_deprecations, read_graph
from kg.validate import Report, format_report, short, validate
from kg.vocab import DIP, KGR, NIF, ONTOLOGY_FILE, bind_prefixes

DSH = "dsh:"
# «𝔸» lies outside the Basic Multilingual Plane: offsets count code points (Python str), not UTF-16 units
TEXT = "ПЕКИН, 29 октября. /𝔸/ Си Цзиньпин и министр иностранных дел Казахстана провели переговоры в Пекине."
ARTICLE = KGR["article/a1"]
EVENT = KGR["event/a1-1"]
XI = KGR["person/si-tszinpin"]
KAZAKHSTAN = KGR["state/kazakhstan"]
BEIJING = KGR["place/pekin"]
ASTANA = KGR["place/astana"]
POST = KGR["post/ministr-inostrannykh-del-kazakhstana"]


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def mention_iri(word: str) -> URIRef:
    start, end = span(word)
    return KGR[f"mention/a1/{start}-{end}"]


def add_mention(g: Graph, start: int, end: int, anchor: str | None = None) -> URIRef:
    m = KGR[f"mention/a1/{start}-{end}"]
    g.add((m, RDF.type, DIP.Mention))
    g.add((m, NIF.referenceContext, ARTICLE))
    g.add((m, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((m, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((m, NIF.anchorOf, Literal(TEXT[start:end] if anchor is None else anchor)))
    return m


def add_entity(g: Graph, iri: URIRef, cls: URIRef, label: str) -> None:
    g.add((iri, RDF.type, cls))
    if cls in (DIP.Person, DIP.State, DIP.Organization):
        # the graph asserts the superclass: validation runs without inference
        g.add((iri, RDF.type, DIP.Actor))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="ru")))
    g.add((iri, RDFS.label, Literal(label, lang="ru")))


def shared_part(g: Graph) -> Graph:
    """What the default graph holds: canonical entities and their labels."""
    add_entity(g, XI, DIP.Person, "Си Цзиньпин")
    g.add((XI, SKOS.prefLabel, Literal("Xi Jinping", lang="en")))
    add_entity(g, KAZAKHSTAN, DIP.State, "Казахстан")
    add_entity(g, BEIJING, DIP.Place, "Пекин")
    add_entity(g, ASTANA, DIP.Place, "Астана")
    g.add((POST, RDF.type, DIP.Post))
    g.add((POST, RDFS.label, Literal("министр иностранных дел Казахстана", lang="ru")))
    g.add((POST, DIP.postIn, KAZAKHSTAN))
    return g


def article_part(g: Graph) -> Graph:
    """What one article's named graph holds: the article, its mentions, event, fact and post holding."""
    g.add((ARTICLE, RDF.type, DIP.NewsArticle))
    g.add((ARTICLE, NIF.isString, Literal(TEXT)))
    g.add((XI, DIP.denotedBy, add_mention(g, *span("Си Цзиньпин"))))
    g.add((EVENT, RDF.type, DIP.PartnershipEvent))
    g.add((EVENT, DIP.eventType, DIP.Talks))
    g.add((EVENT, DIP.hasParticipant, XI))
    g.add((EVENT, DIP.hasParticipant, KAZAKHSTAN))
    role = KGR["event/a1-1/participation/1"]
    g.add((EVENT, DIP.hasParticipation, role))
    g.add((role, RDF.type, DIP.Participation))
    g.add((role, DIP.participant, XI))
    g.add((role, DIP.roleType, DIP.host))
    g.add((EVENT, DIP.place, BEIJING))
    g.add((EVENT, DIP.date, Literal("2024-10-29", datatype=XSD.date)))
    g.add((EVENT, DIP.extractedFrom, ARTICLE))
    g.add((EVENT, DIP.confidence, Literal(Decimal("0.8"))))
    g.add((EVENT, DIP.trigger, add_mention(g, *span("провели переговоры"))))
    holding = KGR["holding/a1-1"]
    g.add((holding, RDF.type, DIP.PostHolding))
    g.add((holding, DIP.holder, XI))
    g.add((holding, DIP.heldPost, POST))
    g.add((holding, DIP.confidence, Literal(Decimal("0.7"))))
    fact = KGR["fact/a1-1"]
    g.add((fact, RDF.type, DIP.StatisticalFact))
    g.add((fact, DIP.value, Literal(Decimal("36.5E9"))))
    g.add((fact, DIP.unit, Literal("USD")))
    g.add((fact, DIP.indicator, DIP.TradeTurnover))
    return g


def good_graph() -> Graph:
    return article_part(shared_part(bind_prefixes(Graph())))


def good_dataset() -> Dataset:
    ds = bind_prefixes(Dataset())
    shared_part(ds.default_graph)
    article_part(ds.graph(ARTICLE))
    return ds


def write(graph: Graph, path: Path, fmt: str) -> Path:
    """Serialise a test graph; rdflib's own TriG / N-Quads writers call the Dataset API it deprecates."""
    with quiet_rdflib_deprecations():
        graph.serialize(path, format=fmt, encoding="utf-8")
    return path


def shapes_of(report: Report) -> set[str]:
    return {v.shape for v in report.violations}


def test_good_graph_conforms() -> None:
    report = validate(good_graph())
    assert report.conforms, format_report(report)
    assert report.violations == ()
    assert format_report(report) == "conforms: 0 violations"


def test_a_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    # the event (in the article's graph) refers to participants typed dip:Actor only in the default graph
    ds = good_dataset()
    assert len(ds.default_graph) > 0 and len(ds.graph(ARTICLE)) > 0
    report = validate(ds)
    assert report.conforms, format_report(report)


def test_the_ontology_in_the_default_graph_trips_no_shape() -> None:
    # the build puts the ontology into the default graph next to the data
    ontology = Graph().parse(ONTOLOGY_FILE)
    assert validate(ontology).conforms
    report = validate(good_graph(), ontology=ontology)
    assert report.conforms, format_report(report)


def test_validate_leaves_the_callers_graph_alone() -> None:
    g = good_graph()
    g.remove((EVENT, DIP.hasParticipant, None))
    before = set(g)
    report = validate(g, ontology=Graph().parse(ONTOLOGY_FILE))
    assert not report.conforms
    assert set(g) == before


def test_report_is_frozen() -> None:
    report = validate(good_graph())
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.conforms = False  # type: ignore[misc]


def drop(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


def put(s: URIRef, p: URIRef, o) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def also(s: URIRef, p: URIRef, o) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


def end_before_begin(g: Graph) -> None:
    m = mention_iri("Си Цзиньпин")
    g.set((m, NIF.endIndex, Literal(span("Си Цзиньпин")[0] - 1, datatype=XSD.nonNegativeInteger)))


def mention_past_the_text(g: Graph) -> None:
    add_mention(g, len(TEXT) - 2, len(TEXT) + 5, anchor="е.xyz")


# (what is broken, the shape that must say so, the focus node it must name)
BROKEN = [
    ("no participant", drop(EVENT, DIP.hasParticipant), "EventParticipantCountShape", EVENT),
    ("two places", also(EVENT, DIP.place, ASTANA), "EventPlaceCountShape", EVENT),
    ("place is a person", put(EVENT, DIP.place, XI), "EventPlaceClassShape", EVENT),
    ("no event type", drop(EVENT, DIP.eventType), "EventTypeCountShape", EVENT),
    ("event type outside the scheme", put(EVENT, DIP.eventType, DIP.host), "EventTypeSchemeShape", EVENT),
    (
        "participant not an actor",
        also(EVENT, DIP.hasParticipant, BEIJING),
        "EventParticipantActorShape",
        EVENT,
    ),
    ("date as a string", put(EVENT, DIP.date, Literal("29 октября")), "EventDateDatatypeShape", EVENT),
    ("no article", drop(EVENT, DIP.extractedFrom), "EventArticleCountShape", EVENT),
    (
        "confidence above 1",
        put(EVENT, DIP.confidence, Literal(Decimal("1.5"))),
        "ConfidenceRangeShape",
        EVENT,
    ),
    ("end before begin", end_before_begin, "MentionOrderShape", mention_iri("Си Цзиньпин")),
    (
        "anchor differs from the text",
        put(mention_iri("Си Цзиньпин"), NIF.anchorOf, Literal("Си Цзиньпином")),
        "MentionAnchorTextShape",
        mention_iri("Си Цзиньпин"),
    ),
    (
        "mention beyond the text",
        mention_past_the_text,
        "MentionLengthShape",
        KGR[f"mention/a1/{len(TEXT) - 2}-{len(TEXT) + 5}"],
    ),
    (
        "offset as a decimal",
        put(mention_iri("Си Цзиньпин"), NIF.beginIndex, Literal(Decimal(span("Си Цзиньпин")[0]))),
        "MentionOffsetTypeShape",
        mention_iri("Си Цзиньпин"),
    ),
    (
        "mention without anchor",
        drop(mention_iri("Си Цзиньпин"), NIF.anchorOf),
        "MentionAnchorShape",
        mention_iri("Си Цзиньпин"),
    ),
    (
        "two @ru prefLabels",
        also(XI, SKOS.prefLabel, Literal("Си", lang="ru")),
        "PrefLabelUniqueLangShape",
        XI,
    ),
    ("no @ru prefLabel", drop(KAZAKHSTAN, SKOS.prefLabel), "PrefLabelRuShape", KAZAKHSTAN),
    ("no rdfs:label", drop(BEIJING, RDFS.label), "RdfsLabelShape", BEIJING),
    ("post in two states", also(POST, DIP.postIn, XI), "PostInShape", POST),
    ("holding without post", drop(KGR["holding/a1-1"], DIP.heldPost), "HeldPostShape", KGR["holding/a1-1"]),
    ("fact without unit", drop(KGR["fact/a1-1"], DIP.unit), "FactUnitShape", KGR["fact/a1-1"]),
    (
        "fact value as text",
        put(KGR["fact/a1-1"], DIP.value, Literal("36,5 млрд")),
        "FactValueShape",
        KGR["fact/a1-1"],
    ),
    (
        "role outside the scheme",
        put(KGR["event/a1-1/participation/1"], DIP.roleType, DIP.Talks),
        "RoleTypeShape",
        KGR["event/a1-1/participation/1"],
    ),
    # one per kind of constraint the screen (kg.validate_screen) checks in Python
    ("two event types", also(EVENT, DIP.eventType, DIP.Meeting), "EventTypeCountShape", EVENT),
    ("article not an article", put(EVENT, DIP.extractedFrom, XI), "EventArticleClassShape", EVENT),
    ("status outside the scheme", put(EVENT, DIP.status, DIP.Talks), "EventStatusShape", EVENT),
    (
        "partial date as a date",
        put(EVENT, DIP.partialDate, Literal("2024-05-01", datatype=XSD.date)),
        "EventPartialDateShape",
        EVENT,
    ),
    ("sub-event of a person", put(EVENT, DIP.subEventOf, XI), "EventSubEventShape", EVENT),
    (
        "confidence as a double",
        put(EVENT, DIP.confidence, Literal("0.5", datatype=XSD.double)),
        "ConfidenceRangeShape",
        EVENT,
    ),
    (
        "confidence below 0",
        put(EVENT, DIP.confidence, Literal(Decimal("-0.1"))),
        "ConfidenceRangeShape",
        EVENT,
    ),
    (
        "negative begin",
        put(mention_iri("Си Цзиньпин"), NIF.beginIndex, Literal(-1, datatype=XSD.integer)),
        "MentionBeginShape",
        mention_iri("Си Цзиньпин"),
    ),
    ("unit as an IRI", put(KGR["fact/a1-1"], DIP.unit, DIP.Aid), "FactUnitShape", KGR["fact/a1-1"]),
]


@pytest.mark.parametrize(("breakage", "shape", "focus"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_each_breakage_is_reported_by_its_shape_alone(breakage, shape: str, focus: URIRef) -> None:
    g = good_graph()
    breakage(g)
    report = validate(g)
    assert not report.conforms
    assert shapes_of(report) == {DSH + shape}, format_report(report)
    (violation,) = report.violations
    assert violation.focus == "kgr:" + str(focus)[len(str(KGR)) :]
    assert violation.severity == "sh:Violation"
    assert violation.message  # every shape carries a message
    assert "{" not in violation.message  # the SPARQL message templates were filled in


def test_the_briefs_broken_graph_names_every_fault() -> None:
    g = good_graph()
    drop(EVENT, DIP.hasParticipant)(g)
    also(EVENT, DIP.place, ASTANA)(g)
    end_before_begin(g)
    put(mention_iri("провели переговоры"), NIF.anchorOf, Literal("провели"))(g)
    also(XI, SKOS.prefLabel, Literal("Си", lang="ru"))(g)
    report = validate(g)
    found = {(v.shape, v.focus) for v in report.violations}
    assert found == {
        ("dsh:EventParticipantCountShape", "kgr:event/a1-1"),
        ("dsh:EventPlaceCountShape", "kgr:event/a1-1"),
        ("dsh:MentionOrderShape", "kgr:mention/a1/{}-{}".format(*span("Си Цзиньпин"))),
        ("dsh:MentionAnchorTextShape", "kgr:mention/a1/{}-{}".format(*span("провели переговоры"))),
        ("dsh:PrefLabelUniqueLangShape", "kgr:person/si-tszinpin"),
    }
    anchor = next(v for v in report.violations if v.shape == "dsh:MentionAnchorTextShape")
    assert '"провели"' in anchor.message and '"провели переговоры"' in anchor.message
    text = format_report(report)
    assert text.startswith("5 violations of 5 shapes")
    assert "kgr:event/a1-1 — dip:place: A partnership event must have at most one dip:place." in text
    assert "(dsh:PrefLabelUniqueLangShape)" in text


def test_format_report_limits_the_lines() -> None:
    g = good_graph()
    for n in range(5):
        g.add((KGR[f"event/x-{n}"], RDF.type, DIP.PartnershipEvent))  # each breaks several shapes
    report = validate(g)
    text = format_report(report, limit=3)
    listed = [line for line in text.splitlines() if line.startswith("kgr:event/x-")]
    assert len(listed) == 3
    assert text.endswith(f"… and {len(report.violations) - 3} more")


# --- the command --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):
    from kg.cli import app

    return runner.invoke(app, ["validate", *args])


def test_cli_good_turtle_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "good.ttl"
    write(good_graph(), path, "turtle")
    result = invoke(runner, str(path))
    assert result.exit_code == 0, result.output
    assert f"conforms: {len(good_graph())} triples, 0 violations" in result.output


def test_cli_build_folder_prefers_trig(runner: CliRunner, tmp_path: Path) -> None:
    write(good_dataset(), tmp_path / "graph.trig", "trig")
    broken = good_graph()
    broken.remove((EVENT, DIP.hasParticipant, None))
    write(broken, tmp_path / "graph.ttl", "turtle")  # ignored: graph.trig wins
    result = invoke(runner, str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "0 violations" in result.output


def test_cli_reports_violations_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    g = good_graph()
    g.remove((EVENT, DIP.hasParticipant, None))
    path = tmp_path / "graph.nq"
    ds = Dataset()
    for triple in g:
        ds.graph(ARTICLE).add(triple)
    write(ds, path, "nquads")
    result = invoke(runner, str(tmp_path / "graph.nq"))
    assert result.exit_code == 1
    assert "dsh:EventParticipantCountShape" in result.output
    assert "kgr:event/a1-1 — dip:hasParticipant" in result.output


def test_cli_corrupt_turtle_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(
        '@prefix dip: <https://w3id.org/partnership-kg/ontology#> .\n\ndip:a dip:b "open .\n',
        encoding="utf-8",
    )
    result = invoke(runner, str(path))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.output
    assert str(path) in lines[0] and "line 3" in lines[0]


def test_cli_unknown_suffix(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "graph.csv"
    path.write_text("a,b\n", encoding="utf-8")
    result = invoke(runner, str(path))
    assert result.exit_code == 1
    assert "Error:" in result.output and "'.csv'" in result.output


def test_cli_folder_without_graph(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, str(tmp_path))
    assert result.exit_code == 1
    assert "Error:" in result.output and "graph.trig" in result.output


def test_read_graph_gives_a_dataset_for_trig(tmp_path: Path) -> None:
    path = tmp_path / "g.trig"
    write(good_dataset(), path, "trig")
    back = read_graph(path)
    assert isinstance(back, Dataset)
    assert len(back.graph(ARTICLE)) == len(article_part(Graph()))


@pytest.mark.slow
def test_seeds_build_conforms(seeds_build: Path) -> None:
    from kg.cli.validate import graph_file

    report = validate(read_graph(graph_file(seeds_build)))
    assert report.conforms, format_report(report)


# -- validation by parts (kg build): article by article, then the shared graph once ---------------------------


def by_parts(g: Graph) -> Report:
    """Validate ``g`` as kg build does: the statements about the shared part's subjects (entities, posts) as the
    default graph, the rest as one article's graph, each with a second article that breaks nothing."""
    from kg.validate_parts import PartsValidator

    shared_subjects = set(shared_part(Graph()).subjects())
    shared = {t for t in g if t[0] in shared_subjects}
    about: dict = {}
    for t in shared:
        about.setdefault(t[0], set()).add(t)
    checker = PartsValidator(part_statements=1)  # every article in its own part
    checker.add({t for t in g if t[0] not in shared_subjects}, about)
    checker.add({(KGR["article/a2"], RDF.type, DIP.NewsArticle)}, about)
    return checker.finish(about)


@pytest.mark.parametrize("breakage", [b[1] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_validation_by_parts_reports_what_the_whole_graph_does(breakage) -> None:
    g = good_graph()
    breakage(g)
    whole, parts = validate(g), by_parts(g)
    assert not parts.conforms
    assert parts.violations == whole.violations, format_report(parts)


def test_validation_by_parts_of_a_good_graph_conforms_and_of_the_briefs_broken_one_names_every_fault() -> (
    None
):
    assert by_parts(good_graph()).conforms
    g = good_graph()
    drop(EVENT, DIP.hasParticipant)(g)
    end_before_begin(g)
    also(XI, SKOS.prefLabel, Literal("Си", lang="ru"))(g)
    also(POST, DIP.postIn, XI)(g)
    report = by_parts(g)
    assert {v.shape for v in report.violations} == {
        "dsh:EventParticipantCountShape",
        "dsh:MentionOrderShape",
        "dsh:PrefLabelUniqueLangShape",
        "dsh:PostInShape",
    }
    assert report.violations == validate(g).violations


def test_the_screen_passes_a_good_graph_and_flags_each_breakage_of_a_shape_it_checks() -> None:
    from kg.validate_screen import flagged, screened_shapes

    assert flagged(set(good_graph())) == set()
    names = {short(s.name) for s in screened_shapes()}
    assert "dsh:PartnershipEventShape" in names and "dsh:MentionOffsetTypeShape" not in names
    for label, breakage, shape, _ in BROKEN:
        g = good_graph()
        breakage(g)
        wrong = {v.shape for v in validate(g).violations}
        found = {short(n) for n in flagged(set(g))}
        # every node shape whose property shape is violated is flagged, when the screen checks it
        parents = {_node_shape(v) for v in wrong} & names
        assert parents <= found, label


def _node_shape(shape: str) -> str:
    from rdflib.namespace import SH

    from kg.validate import our_shapes
    from kg.validate_parts import SHAPES_IRI

    iri = URIRef(SHAPES_IRI + shape.removeprefix("dsh:"))
    parent = our_shapes().value(predicate=SH.property, object=iri)
    return short(parent) if parent is not None else shape


def test_a_value_typed_by_a_subclass_is_left_to_pyshacl() -> None:
    g = good_graph()
    envoy, someone = URIRef("https://example.org/Envoy"), URIRef("https://example.org/someone")
    g.add((envoy, RDFS.subClassOf, DIP.Actor))
    g.add((someone, RDF.type, envoy))  # an actor only through the subclass
    g.add((EVENT, DIP.hasParticipant, someone))
    from kg.validate_screen import flagged

    assert flagged(set(g)) is None
    assert by_parts(g).violations == validate(g).violations
