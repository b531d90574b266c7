"""The ontology defines every term the code uses, aligned as the brief says; the shapes agree with it."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD

from kg.records import EVENT_TYPES
from kg.vocab import DIP, DIP_IRI, NIF, ONTOLOGY_FILE, ORG, PROV, SCHEMA, SEM, SHAPES_FILE

CAMEO = Namespace("https://w3id.org/partnership-kg/cameo/")
ONTOLOGY_IRI = URIRef("https://w3id.org/partnership-kg/ontology")
DIP_TERMS = sorted(name for name in DIP.__annotations__ if not name.startswith("_"))
ROLES = (
    "host",
    "guest",
    "initiator",
    "target",
    "signatory",
    "donor",
    "recipient",
    "inviter",
    "invitee",
    "supporter",
    "participantRole",
)
INDICATORS = ("TradeTurnover", "Investment", "Export", "Import", "Aid", "Loan", "OtherIndicator")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def rapper_count(path: Path) -> int:
    """Triples counted by raptor's independent Turtle parser."""
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.fail("rapper is not installed: apt-get install raptor2-utils (the test command installs it)")
    command = [rapper, "-i", "turtle", "-c", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"rapper rejects {path.name}:\n{done.stderr}"
    found = re.search(r"returned (\d+) triples", done.stderr)
    assert found, done.stderr
    return int(found.group(1))


@pytest.mark.parametrize("path", [ONTOLOGY_FILE, SHAPES_FILE], ids=lambda p: p.name)
def test_rapper_parses_the_same_triples_as_rdflib(path: Path) -> None:
    assert rapper_count(path) == len(Graph().parse(path, format="turtle"))


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert {lit.language for lit in onto.objects(ONTOLOGY_IRI, RDFS.label)} >= {"ru", "en"}
    assert onto.value(ONTOLOGY_IRI, RDFS.comment) is not None
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


@pytest.mark.parametrize("name", DIP_TERMS)
def test_every_vocab_term_is_defined_with_labels(onto: Graph, name: str) -> None:
    term = DIP[name]
    kinds = set(onto.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme}, (
        f"dip:{name} has no owl/skos type in {ONTOLOGY_FILE.name}"
    )
    languages = [lit.language for lit in onto.objects(term, RDFS.label)]
    assert sorted(languages) == ["en", "ru"], f"dip:{name} needs one rdfs:label @ru and @en, has {languages}"
    described = onto.value(term, RDFS.comment) or onto.value(term, SKOS.definition)
    assert described is not None, f"dip:{name} has neither rdfs:comment nor skos:definition"


def test_the_ontology_defines_no_dip_term_the_code_does_not_know(onto: Graph) -> None:
    # a term only in the ttl would fail at once in code (DefinedNamespace._fail), so keep the two in step
    defined = {
        str(s)[len(DIP_IRI) :]
        for s in onto.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(DIP_IRI)
    }
    assert defined == set(DIP_TERMS)


CLASS_ALIGNMENT = [
    (DIP.Actor, SEM.Actor),
    (DIP.Actor, PROV.Agent),
    (DIP.Person, DIP.Actor),
    (DIP.Person, SCHEMA.Person),
    (DIP.State, DIP.Actor),
    (DIP.State, SCHEMA.Country),
    (DIP.Organization, DIP.Actor),
    (DIP.Organization, ORG.Organization),
    (DIP.Initiative, PROV.Entity),
    (DIP.Place, SEM.Place),
    (DIP.Place, SCHEMA.Place),
    (DIP.Post, ORG.Post),
    (DIP.PartnershipEvent, SEM.Event),
    (DIP.PartnershipEvent, SCHEMA.Event),
    (DIP.StatisticalFact, SCHEMA.Observation),
    (DIP.NewsArticle, SCHEMA.NewsArticle),
    (DIP.NewsArticle, NIF.Context),
    (DIP.Mention, NIF.Phrase),
    (DIP.Participation, SEM.Role),
]


@pytest.mark.parametrize(("cls", "parent"), CLASS_ALIGNMENT, ids=lambda t: t.n3().rsplit("/", 1)[-1])
def test_class_alignment(onto: Graph, cls: URIRef, parent: URIRef) -> None:
    assert (cls, RDF.type, OWL.Class) in onto
    assert (cls, RDFS.subClassOf, parent) in onto


PROPERTY_ALIGNMENT = [
    (DIP.eventType, SEM.eventType),
    (DIP.hasParticipant, SEM.hasActor),
    (DIP.hasParticipant, SCHEMA.attendee),
    (DIP.roleType, SEM.roleType),
    (DIP.place, SEM.hasPlace),
    (DIP.date, SEM.hasTimeStamp),
    (DIP.concerns, SCHEMA.about),
    (DIP.subEventOf, SEM.subEventOf),
    (DIP.holdsPost, ORG.holds),
    (DIP.postIn, ORG.postIn),
    (DIP.memberOf, ORG.memberOf),
    (DIP.value, SCHEMA.value),
    (DIP.unit, SCHEMA.unitCode),
    (DIP.extractedFrom, PROV.wasDerivedFrom),
]


@pytest.mark.parametrize(("prop", "parent"), PROPERTY_ALIGNMENT, ids=lambda t: t.n3().rsplit("/", 1)[-1])
def test_property_alignment(onto: Graph, prop: URIRef, parent: URIRef) -> None:
    assert (prop, RDFS.subPropertyOf, parent) in onto


def test_alignment_never_uses_equivalence(onto: Graph) -> None:
    assert not list(onto.triples((None, OWL.equivalentClass, None)))
    assert not list(onto.triples((None, OWL.equivalentProperty, None)))


def test_schema_org_is_always_http(onto: Graph) -> None:
    https = {str(t) for triple in onto for t in triple if str(t).startswith("https://schema.org/")}
    assert not https


@pytest.mark.parametrize(
    ("prop", "kind", "range_"),
    [
        (DIP.trigger, OWL.ObjectProperty, DIP.Mention),
        (DIP.denotedBy, OWL.ObjectProperty, DIP.Mention),
        (DIP.holder, OWL.ObjectProperty, DIP.Person),
        (DIP.heldPost, OWL.ObjectProperty, DIP.Post),
        (DIP.participant, OWL.ObjectProperty, DIP.Actor),
        (DIP.date, OWL.DatatypeProperty, XSD.date),
        (DIP.confidence, OWL.DatatypeProperty, XSD.decimal),
        (DIP.cooperationScore, OWL.DatatypeProperty, XSD.decimal),
        (DIP.dateText, OWL.DatatypeProperty, RDFS.Literal),
    ],
    ids=lambda t: t.n3().rsplit("#", 1)[-1],
)
def test_property_kind_and_range(onto: Graph, prop: URIRef, kind: URIRef, range_: URIRef) -> None:
    assert (prop, RDF.type, kind) in onto
    assert onto.value(prop, RDFS.range) == range_


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        (DIP.sourceFile, OWL.DatatypeProperty),
        (DIP.datelinePlace, OWL.DatatypeProperty),
        (DIP.mentionType, OWL.DatatypeProperty),
        (DIP.hasParticipation, OWL.ObjectProperty),
    ],
    ids=lambda t: t.n3().rsplit("#", 1)[-1],
)
def test_property_kind(onto: Graph, prop: URIRef, kind: URIRef) -> None:
    assert (prop, RDF.type, kind) in onto


def scheme_members(onto: Graph, scheme: URIRef) -> set[URIRef]:
    return {c for c in onto.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}


@pytest.mark.parametrize(
    ("scheme", "names"),
    [(DIP.EventTypeScheme, EVENT_TYPES), (DIP.RoleScheme, ROLES), (DIP.IndicatorScheme, INDICATORS)],
    ids=["events", "roles", "indicators"],
)
def test_concept_schemes(onto: Graph, scheme: URIRef, names: tuple[str, ...]) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    members = scheme_members(onto, scheme)
    assert members == {DIP[n] for n in names}
    assert set(onto.objects(scheme, SKOS.hasTopConcept)) == members
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in onto
        assert sorted(lit.language for lit in onto.objects(concept, SKOS.prefLabel)) == ["en", "ru"], concept
        assert onto.value(concept, SKOS.definition) is not None, concept


def test_partnership_level_scheme_exists_empty(onto: Graph) -> None:
    # its concepts are minted by the build from the texts, not fixed here
    assert (DIP.PartnershipLevelScheme, RDF.type, SKOS.ConceptScheme) in onto
    assert not scheme_members(onto, DIP.PartnershipLevelScheme)


# The Goldstein values of the design brief (ONTOLOGY.md), with the CAMEO code each is scored by.
GOLDSTEIN = {
    "Talks": ("046", "7.0"),
    "Meeting": ("040", "1.0"),
    "StateVisit": ("042", "1.9"),
    "AgreementSigning": ("057", "8.0"),
    "Statement": ("010", "0.0"),
    "AidDelivery": ("070", "7.0"),
    "Invitation": ("036", "4.0"),
    "PartnershipUpgrade": ("050", "3.5"),
    "ProgramLaunch": ("061", "6.4"),
    "InitiativeSupport": ("051", "3.4"),
}


@pytest.mark.parametrize("name", EVENT_TYPES)
def test_event_type_has_one_score_and_a_cameo_match(onto: Graph, name: str) -> None:
    concept = DIP[name]
    scores = list(onto.objects(concept, DIP.cooperationScore))
    assert len(scores) == 1, f"dip:{name} has {len(scores)} dip:cooperationScore"
    assert scores[0].datatype == XSD.decimal
    code, goldstein = GOLDSTEIN[name]
    assert scores[0].value == Decimal(goldstein)
    assert list(onto.objects(concept, DIP.cameoCode)) == [Literal(code)]
    matches = set(onto.objects(concept, SKOS.closeMatch)) | set(onto.objects(concept, SKOS.exactMatch))
    assert CAMEO[code] in matches
    for match in matches:
        # every CAMEO IRI the ontology mints is described, with its code as notation
        assert str(onto.value(match, SKOS.notation)) == str(match).rsplit("/", 1)[-1]


def test_post_holding_and_participation_terms(onto: Graph) -> None:
    assert onto.value(DIP.holder, RDFS.domain) == DIP.PostHolding
    assert onto.value(DIP.heldPost, RDFS.domain) == DIP.PostHolding
    assert onto.value(DIP.participant, RDFS.domain) == DIP.Participation
    assert onto.value(DIP.roleType, RDFS.domain) == DIP.Participation


@pytest.mark.parametrize(
    ("shape", "scheme"),
    [
        ("EventTypeSchemeShape", DIP.EventTypeScheme),
        ("RoleTypeShape", DIP.RoleScheme),
        ("FactIndicatorShape", DIP.IndicatorScheme),
    ],
)
def test_shape_value_lists_equal_the_ontology_schemes(
    onto: Graph, shapes: Graph, shape: str, scheme: URIRef
) -> None:
    node = URIRef("https://w3id.org/partnership-kg/shapes#" + shape)
    listed = set(Collection(shapes, shapes.value(node, SH["in"])))
    assert listed == scheme_members(onto, scheme)


def test_every_shape_has_a_message(shapes: Graph) -> None:
    nodes = (
        set(shapes.subjects(RDF.type, SH.NodeShape))
        | set(shapes.subjects(RDF.type, SH.PropertyShape))
        | set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    )
    assert len(nodes) > 20
    missing = [n for n in nodes if shapes.value(n, SH.message) is None]
    assert not missing


def where_body(select: str) -> str:
    """The WHERE pattern of a SELECT, with $this written ?this and blank space normalised."""
    body = select[select.index("WHERE") :].replace("$this", "?this")
    return " ".join(body.split())


def test_sparql_targets_select_exactly_what_their_constraint_reports(shapes: Graph) -> None:
    # the SPARQL target is the constraint's own pattern over every dip:Mention, so no offending node escapes
    targeted = list(shapes.subjects(SH.target, None))
    assert len(targeted) >= 3
    for shape in targeted:
        target = shapes.value(shape, SH.target)
        constraint = shapes.value(shape, SH.sparql)
        target_where = where_body(str(shapes.value(target, SH.select)))
        assert target_where.startswith("WHERE { ?this a dip:Mention . ")
        constraint_where = where_body(str(shapes.value(constraint, SH.select)))
        assert target_where == constraint_where.replace("WHERE { ", "WHERE { ?this a dip:Mention . ", 1), (
            shape
        )
        assert shapes.value(shape, SH.message) == shapes.value(constraint, SH.message), shape


def test_shapes_only_use_terms_of_the_ontology(onto: Graph, shapes: Graph) -> None:
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(DIP_IRI)}
    undefined = {t for t in used if not list(onto.triples((t, RDF.type, None)))}
    assert not undefined


def test_event_types_in_the_records_are_the_schemes_with_a_russian_label_and_a_cameo_code():
    from kg.eventtypes import event_types
    from kg.records import EVENT_TYPES

    types = event_types()
    assert set(types) == set(EVENT_TYPES)
    assert all(t.label != t.name and t.cameo and t.goldstein is not None for t in types.values())
