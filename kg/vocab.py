"""The vocabulary as code: ``dip:`` terms (a mistyped one fails at once) and the prefixes bound in one place.

``ontologies/partnership.ttl`` is the source of truth; a test checks that every term here is defined there.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DefinedNamespace

DIP_IRI = "https://w3id.org/partnership-kg/ontology#"
KGR_IRI = "https://w3id.org/partnership-kg/id/"

# ontologies/ at the top of the repository is the source of truth; kg/ontologies links to it, so that an installed
# wheel carries the same files
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontologies"
ONTOLOGY_FILE = ONTOLOGY_DIR / "partnership.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


class DIP(DefinedNamespace):
    """Terms of the partnership ontology."""

    _fail = True
    _NS = Namespace(DIP_IRI)

    # classes
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Initiative: URIRef
    Place: URIRef
    Post: URIRef
    PostHolding: URIRef
    PartnershipEvent: URIRef
    Participation: URIRef
    StatisticalFact: URIRef
    NewsArticle: URIRef
    Mention: URIRef
    CoOccurrence: URIRef

    # concept schemes and concepts
    EventTypeScheme: URIRef
    Talks: URIRef
    Meeting: URIRef
    StateVisit: URIRef
    AgreementSigning: URIRef
    Statement: URIRef
    AidDelivery: URIRef
    Invitation: URIRef
    PartnershipUpgrade: URIRef
    ProgramLaunch: URIRef
    InitiativeSupport: URIRef
    RoleScheme: URIRef
    EventStatusScheme: URIRef
    Planned: URIRef
    Proposed: URIRef
    Hypothetical: URIRef
    Cancelled: URIRef
    Negated: URIRef
    host: URIRef
    guest: URIRef
    initiator: URIRef
    target: URIRef
    signatory: URIRef
    donor: URIRef
    recipient: URIRef
    inviter: URIRef
    invitee: URIRef
    supporter: URIRef
    participantRole: URIRef
    PartnershipLevelScheme: URIRef
    IndicatorScheme: URIRef
    TradeTurnover: URIRef
    Investment: URIRef
    Export: URIRef
    Import: URIRef
    Aid: URIRef
    Loan: URIRef
    OtherIndicator: URIRef

    # properties
    eventType: URIRef
    hasParticipant: URIRef
    hasParticipation: URIRef
    participant: URIRef
    roleType: URIRef
    place: URIRef
    date: URIRef
    partialDate: URIRef
    dateInferred: URIRef
    dateText: URIRef
    status: URIRef
    concerns: URIRef
    subEventOf: URIRef
    partnershipLevel: URIRef
    holdsPost: URIRef
    postIn: URIRef
    partOf: URIRef
    holder: URIRef
    heldPost: URIRef
    memberOf: URIRef
    owns: URIRef
    founded: URIRef
    supports: URIRef
    value: URIRef
    unit: URIRef
    changePercent: URIRef
    refPeriod: URIRef
    indicator: URIRef
    extractedFrom: URIRef
    denotedBy: URIRef
    trigger: URIRef
    confidence: URIRef
    cooperationScore: URIRef
    cameoCode: URIRef
    sourceFile: URIRef
    datelinePlace: URIRef
    actor: URIRef  # of a dip:CoOccurrence (kg/cooccurrence.py)
    sentenceCount: URIRef
    mentionType: URIRef


KGR = Namespace(KGR_IRI)
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "dip": DIP_IRI,
    "kgr": KGR_IRI,
    "org": str(ORG),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "skos": str(SKOS),
    "wd": str(WD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


def bind_prefixes(graph: Graph, base: str = KGR_IRI) -> Graph:
    """Bind the project's prefixes on a graph (``kgr:`` to the chosen base) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, base if prefix == "kgr" else iri, override=True, replace=True)
    return graph


def sparql_prologue(base: str = KGR_IRI) -> str:
    """``PREFIX`` lines for every bound prefix, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{base if p == 'kgr' else iri}>\n" for p, iri in PREFIXES.items())
