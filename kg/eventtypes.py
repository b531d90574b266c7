"""Event types as the ontology defines them (``dip:EventTypeScheme``): Russian label, CAMEO code, Goldstein score.

The ontology file is the one source: it is read once here, and nothing else keeps a table of event-type labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from kg.vocab import DIP, ONTOLOGY_FILE


@dataclass(frozen=True)
class EventType:
    """One concept of the event-type scheme."""

    name: str  # «AidDelivery», the local name of dip:AidDelivery
    label: str  # skos:prefLabel@ru: «оказание помощи»
    cameo: str | None  # dip:cameoCode
    goldstein: float | None  # dip:cooperationScore


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The partnership ontology, parsed once."""
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """Every event type of the scheme, by local name."""
    onto = ontology()
    found = {}
    for concept in onto.subjects(SKOS.inScheme, DIP.EventTypeScheme):
        name = str(concept).removeprefix(str(DIP))
        labels = [
            o for o in onto.objects(concept, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "ru"
        ]
        cameo = onto.value(concept, DIP.cameoCode)
        score = onto.value(concept, DIP.cooperationScore)
        found[name] = EventType(
            name,
            str(labels[0]) if labels else name,
            str(cameo) if cameo is not None else None,
            float(score) if score is not None else None,
        )
    return found


def event_label(name: str) -> str:
    """The Russian name of an event type, capitalised as a label's head: «Переговоры».

    >>> event_label("Talks"), event_label("AgreementSigning")
    ('Переговоры', 'Подписание соглашения')
    """
    known = event_types().get(name)
    label = known.label if known else name
    return label[:1].upper() + label[1:]
