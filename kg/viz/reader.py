"""Read a partnership graph (notes/GRAPH.md) into plain data: entities, events, articles, facts, links.

The reader knows nothing of pictures: it gives the dictionaries the page's details panel shows as they are, and
the links between them that :func:`kg.viz.network.to_network` draws.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.term import Node

from kg.viz.terms import (
    ENTITY_CLASSES,
    concept_info,
    date_range,
    evidence_of,
    human_date,
    kind_of,
    label_of,
    local_name,
    number_of,
    role_label,
    sorted_literals,
    span_of,
    text_of,
)
from kg.vocab import DIP, PROV, SCHEMA


class Reader:
    """Collects entities, events and their links from one union graph."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.entities: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.articles: dict[str, dict[str, Any]] = {}
        self.facts: dict[str, dict[str, Any]] = {}
        self.event_types: dict[str, dict[str, Any]] = {}
        self.links: list[tuple[str, str, str, dict[str, Any]]] = []  # (kind, from, to, extra)
        # actors named in one sentence (kg/cooccurrence.py): (a, b) → the sentences
        self.cooccurrences: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def entity(self, s: Node) -> str:
        """The key of an entity, read into ``entities`` the first time it is seen."""
        key = str(s)
        if key in self.entities:
            return key
        g = self.g
        wikidata = sorted(
            m
            for m in (local_name(str(o)) for o in g.objects(s, SKOS.exactMatch) if "wikidata.org" in str(o))
            if re.fullmatch(r"Q\d+", m)
        )
        self.entities[key] = {
            "kind": kind_of(g, s),
            "label": label_of(g, s),
            "en": next(iter(sorted_literals(g, s, SKOS.prefLabel, "en")), None),
            "alt": sorted_literals(g, s, SKOS.altLabel),
            "hidden": sorted_literals(g, s, SKOS.hiddenLabel),
            "wikidata": wikidata[0] if wikidata else None,
            "posts": [],
            "events": [],
            "supports": [],
            "facts": [],
            "articles": sorted({str(a) for a in g.objects(s, DIP.extractedFrom)}),
            "mentions": sum(1 for _ in g.objects(s, DIP.denotedBy)),
        }
        return key

    def read(self) -> None:
        """Read every entity, article, event, post and fact, with lists sorted for byte-identical pages."""
        g = self.g
        for _, cls in ENTITY_CLASSES:
            for s in g.subjects(RDF.type, cls):
                if isinstance(s, URIRef):
                    self.entity(s)
        for a in g.subjects(RDF.type, DIP.NewsArticle):
            self.articles[str(a)] = {
                "id": local_name(str(a)),
                "title": label_of(g, a) if (a, RDFS.label, None) in g else None,
                "date": text_of(g, a, SCHEMA.datePublished),
                "file": text_of(g, a, DIP.sourceFile),
                "agency": label_of(g, g.value(a, PROV.wasAttributedTo))
                if g.value(a, PROV.wasAttributedTo)
                else None,
            }
        for e in g.subjects(RDF.type, DIP.PartnershipEvent):
            self.read_event(e)
        self.read_posts()
        for s, o in g.subject_objects(DIP.supports):
            self.links.append(("supports", self.entity(s), self.entity(o), {}))
            self.entities[str(s)]["supports"].append(str(o))
        for s, o in g.subject_objects(DIP.memberOf):
            self.links.append(("member", self.entity(s), self.entity(o), {}))
        for f in g.subjects(RDF.type, DIP.StatisticalFact):
            self.read_fact(f)
        for c in g.subjects(RDF.type, DIP.CoOccurrence):
            pair = sorted(self.entity(a) for a in g.objects(c, DIP.actor))
            if len(pair) == 2:
                self.cooccurrences[(pair[0], pair[1])] = evidence_of(g, c)
        # the store's iteration order is not part of the data: sort every list for byte-identical pages
        for ent in self.entities.values():
            ent["events"] = sorted(
                {(e["id"], e["role"]) for e in ent["events"]},
                key=lambda x: (self.events[x[0]]["dateFrom"] or "9999", x[0], x[1]),
            )
            ent["events"] = [{"id": i, "role": r} for i, r in ent["events"]]
            ent["posts"] = sorted(ent["posts"], key=lambda x: (x["label"], x["id"]))
            ent["supports"] = sorted(set(ent["supports"]))
            ent["articles"] = sorted(
                set(ent["articles"]).union(*(self.events[e["id"]]["articles"] for e in ent["events"]))
            )
            ent["facts"] = sorted(set(ent["facts"]))

    def read_event(self, e: Node) -> None:
        """Read one event: type, date, participants with roles, place, subject, evidence, and its links."""
        g = self.g
        key = str(e)
        type_iri = g.value(e, DIP.eventType)
        etype = (
            concept_info(g, type_iri)
            if isinstance(type_iri, URIRef)
            else {"id": "", "name": "Unknown", "label": "событие", "score": None, "cameo": None}
        )
        self.event_types.setdefault(etype["name"], {**etype, "count": 0})["count"] += 1
        roles: dict[str, list[str]] = defaultdict(list)
        for part in g.objects(e, DIP.hasParticipation):
            who = g.value(part, DIP.participant)
            if who is not None:
                role = role_label(g, g.value(part, DIP.roleType))
                if role:
                    roles[str(who)].append(role)
        participants = sorted({str(p) for p in g.objects(e, DIP.hasParticipant)} | set(roles))
        date, partial = text_of(g, e, DIP.date), text_of(g, e, DIP.partialDate)
        date_from, date_to = date_range(date, partial)
        place = g.value(e, DIP.place)
        concerns = sorted(str(c) for c in g.objects(e, DIP.concerns))
        level = g.value(e, DIP.partnershipLevel)
        parent = g.value(e, DIP.subEventOf)
        trigger = g.value(e, DIP.trigger)
        status = g.value(e, DIP.status)  # not reported as done: planned, proposed, cancelled …
        status_label = concept_info(g, status)["label"] if isinstance(status, URIRef) else None
        self.events[key] = {
            "label": label_of(g, e) + (f" ({status_label})" if status_label else ""),
            "status": status_label,
            "type": etype["name"],
            "typeLabel": etype["label"],
            "score": etype["score"],
            "cameo": etype["cameo"],
            "date": date,
            "partialDate": partial,
            "dateText": text_of(g, e, DIP.dateText),
            "dateInferred": bool(g.value(e, DIP.dateInferred))
            if g.value(e, DIP.dateInferred) is not None
            else False,
            "when": human_date(date, partial),
            "dateFrom": date_from,
            "dateTo": date_to,
            "participants": [
                {"id": p, "role": ", ".join(sorted(set(roles.get(p, [])))) or None} for p in participants
            ],
            "place": str(place) if place is not None else None,
            "concerns": concerns,
            "level": label_of(g, level) if level is not None else None,
            "confidence": number_of(g, e, DIP.confidence),
            "trigger": span_of(g, trigger) if trigger is not None else None,
            "evidence": evidence_of(g, e),
            "subEventOf": str(parent) if parent is not None else None,
            "articles": sorted(str(a) for a in g.objects(e, DIP.extractedFrom)),
        }
        for p in participants:
            self.entity(URIRef(p))
            self.entities[p]["events"].append(
                {
                    "id": key,
                    "role": self.events[key]["participants"][participants.index(p)]["role"] or "участник",
                }
            )
            self.links.append(("participant", key, p, {}))
        if place is not None:
            self.entities[self.entity(place)]["events"].append({"id": key, "role": "место"})
            self.links.append(("place", key, str(place), {}))
        for c in concerns:
            self.entities[self.entity(URIRef(c))]["events"].append({"id": key, "role": "предмет"})
            self.links.append(("concerns", key, c, {}))

    def read_posts(self) -> None:
        """Read the posts each person holds, with the sentences that say so."""
        g = self.g
        evidence: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for h in g.subjects(RDF.type, DIP.PostHolding):
            holder, post = g.value(h, DIP.holder), g.value(h, DIP.heldPost)
            if holder is not None and post is not None:
                evidence[(str(holder), str(post))].extend(evidence_of(g, h))
        for person, post in g.subject_objects(DIP.holdsPost):
            where = g.value(post, DIP.postIn)
            item = {
                "id": str(post),
                "label": label_of(g, post),
                "in": str(where) if where is not None else None,
                "evidence": sorted(
                    evidence.get((str(person), str(post)), []),
                    key=lambda x: (x["article"] or "", x["start"] or 0),
                ),
            }
            self.entities[self.entity(person)]["posts"].append(item)
            if where is not None:
                self.links.append(("post", str(person), self.entity(where), {"post": item["label"]}))

    def read_fact(self, f: Node) -> None:
        """Read one figure and tie it to the entities it concerns."""
        g = self.g
        indicator = g.value(f, DIP.indicator)
        about = sorted(str(c) for c in g.objects(f, DIP.concerns))
        self.facts[str(f)] = {
            "label": label_of(g, f),
            "indicator": concept_info(g, indicator)["label"] if isinstance(indicator, URIRef) else None,
            "value": number_of(g, f, DIP.value),
            "unit": text_of(g, f, DIP.unit),
            "period": text_of(g, f, DIP.refPeriod),
            "changePercent": number_of(g, f, DIP.changePercent),
            "about": about,
            "evidence": evidence_of(g, f),
        }
        for c in about:
            self.entities[self.entity(URIRef(c))]["facts"].append(str(f))
