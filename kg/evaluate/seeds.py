"""Scoring a build's extractions.jsonl against a hand-made gold file (the seeds' ``seeds-gold.json``).

Rules a reader of the figures needs (the gold file's own ``about`` text gives the rest):

- A predicted entity is one entity ``id`` of the build, with the type and label of its first mention. It is
  right when its label or one of its mentions' surface texts names a gold entity of the same type in any
  inflection (:func:`kg.evaluate.text.names_match`). Several predicted nodes for one gold entity are all
  right; they are listed as *split* so a resolution error stays visible.
- ``same_as`` joins gold entities into one (Ленинград = Санкт-Петербург): it is recalled when any member is
  predicted, and predicting the members as separate nodes costs nothing.
- A prediction matching only ``optional`` gold entities is neither right nor wrong; optional ones are never
  missed.
- A Person, State, Organization or Initiative whose label matches a ``must_not_be_actor`` string is wrong. A
  mention text that matches one, inside an otherwise right entity, adds one false positive per distinct (type,
  text) without taking the entity's match away.
- Positions, events and facts are scored per document; gold document «000» is the extraction whose id is «000»
  or starts with «000_». Extraction documents that no gold document names are left out of every figure.
- ``half`` ("even" or "odd") scores the documents whose key's number is even or odd (000, 002, … or 001, 003,
  …): extractions of the other half are left out, and so is what the gold says about them
  (:func:`kg.evaluate.gold.load_gold`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.evaluate.common import EvaluationError, check_half, in_half, leading_number, read_jsonl
from kg.evaluate.entities import EntityScores, score_entities
from kg.evaluate.events import EventScores, score_events
from kg.evaluate.facts import FactCheck, check_facts
from kg.evaluate.gold import Matcher, load_gold
from kg.evaluate.positions import PositionScores, score_positions


def load_extractions(path: Path) -> list[dict]:
    """The documents of an extractions.jsonl file, checked for the keys the scorer reads."""
    docs = []
    for n, doc in enumerate(read_jsonl(path), 1):
        if "id" not in doc or not isinstance(doc.get("entities"), list):
            raise EvaluationError(
                f"{path}: document {n}: not an extraction: needs 'id' and an 'entities' list"
            )
        docs.append(doc)
    return docs


def match_docs(gold_docs: set[str], extraction_ids: list[str]) -> tuple[dict[str, str], list[str]]:
    """Map each extraction id to the gold document it is («000_ab12…» → «000»); also the ids left over.

    >>> match_docs({"000", "001"}, ["000_ab", "001", "0010_x", "002_cd"])
    ({'000_ab': '000', '001': '001'}, ['0010_x', '002_cd'])
    """
    mapping, rest = {}, []
    taken = set()
    for eid in sorted(extraction_ids):
        gdoc = eid if eid in gold_docs else eid.split("_", 1)[0] if "_" in eid else None
        if gdoc in gold_docs and gdoc not in taken:
            mapping[eid] = gdoc
            taken.add(gdoc)
        else:
            rest.append(eid)
    return mapping, rest


@dataclass(frozen=True)
class SeedsReport:
    """Everything `kg evaluate` prints for a build scored against a gold file."""

    gold: str
    extractions: str
    docs: dict[str, str]  # extraction id -> gold doc
    missing_docs: tuple[str, ...]  # gold docs with no extraction
    skipped_docs: tuple[str, ...]  # extraction docs the gold does not name
    entities: EntityScores
    positions: PositionScores
    events: EventScores
    facts: tuple[FactCheck, ...]
    half: str = "all"  # the documents scored: all, or the even- or odd-numbered ones


def _other_half(doc_id: str, half: str) -> bool:
    number = leading_number(doc_id)
    return number is not None and not in_half(number, half)


def evaluate_build(extractions: Path, gold_path: Path, half: str = "all") -> SeedsReport:
    """Score an extractions.jsonl file (or the build folder holding it) against a seeds-style gold file, on
    all its documents or on the even- or odd-numbered half."""
    check_half(half)
    if extractions.is_dir():
        extractions = extractions / "extractions.jsonl"
    if not extractions.is_file():
        raise EvaluationError(f"{extractions}: no such file")
    gold = load_gold(gold_path, half)
    docs = [d for d in load_extractions(extractions) if not _other_half(str(d["id"]), half)]
    gold_docs = gold.docs()
    mapping, skipped = match_docs(gold_docs, [str(d["id"]) for d in docs])
    scored = [dict(d, _gold_doc=mapping[str(d["id"])]) for d in docs if str(d["id"]) in mapping]
    matcher = Matcher(gold)
    entities = score_entities(scored, matcher)  # first: it fills the matcher's table of predicted ids
    return SeedsReport(
        gold=str(gold_path),
        extractions=str(extractions),
        docs=mapping,
        missing_docs=tuple(sorted(gold_docs - set(mapping.values()))),
        skipped_docs=tuple(skipped),
        entities=entities,
        positions=score_positions(scored, matcher),
        events=score_events(scored, matcher),
        facts=check_facts(scored, matcher),
        half=half,
    )
