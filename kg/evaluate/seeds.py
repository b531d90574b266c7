"""Scoring a build's extractions.jsonl against a hand-made gold file (the seeds' ``seeds-gold.json``).

Rules a reader of the figures needs (the gold file's own ``about`` text gives the rest):

- A predicted entity is one entity ``id`` of the build, with the type and label of its first mention. It is
  right when its label or one of its mentions' surface texts names a gold entity of the same type in any
  inflection (:func:`kg.evaluate.text.names_match`). Several predicted nodes for one gold entity are all
  right; they are listed as *split* so a resolution error stays visible.
- ``same_as`` joins gold entities into one (Нур-Султан = Астана): it is recalled when any member is predicted,
  and predicting the members as separate nodes costs nothing.
- A prediction matching only ``optional`` gold entities is neither right nor wrong; optional ones are never
  missed.
- A Person, State, Organization or Initiative whose label matches a ``must_not_be_actor`` string is wrong. A
  mention text that matches one, inside an otherwise right entity, adds one false positive per distinct (type,
  text) without taking the entity's match away.
- Positions, events and facts are scored per document; gold document «000» is the extraction whose id is «000»
  or starts with «000_». Extraction documents that no gold document names are left out of every figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.evaluate.common import EvaluationError, Item, read_json, read_jsonl
from kg.evaluate.events import EventScores, score_events
from kg.evaluate.metrics import Score, micro
from kg.evaluate.text import names_match, norm_key, roles_match, words

ENTITY_TYPES = ("Person", "State", "Organization", "Initiative", "Place")
ACTOR_TYPES = frozenset({"Person", "State", "Organization", "Initiative"})


@dataclass(frozen=True)
class GoldEntity:
    """A gold entity with every name it goes by; ``group`` is its id after following ``same_as``."""

    id: str
    type: str
    label: str
    names: tuple[str, ...]
    docs: tuple[str, ...]
    optional: bool
    group: str


@dataclass(frozen=True)
class Gold:
    """A gold file, read."""

    path: str
    entities: dict[str, GoldEntity]
    must_not_be_actor: tuple[str, ...]
    positions: tuple[dict, ...]
    events: tuple[dict, ...]
    facts: tuple[dict, ...]

    def docs(self) -> set[str]:
        """Every document id the gold names."""
        out = {d for e in self.entities.values() for d in e.docs}
        out |= {d for p in self.positions for d in p.get("docs", ())}
        out |= {e["doc"] for e in self.events} | {f["doc"] for f in self.facts}
        return out


def _require(obj: dict, key: str, where: str) -> object:
    if key not in obj:
        raise EvaluationError(f"{where}: missing {key!r}")
    return obj[key]


def load_gold(path: Path) -> Gold:
    """Read a seeds-style gold JSON file; raises :class:`EvaluationError` naming the file and the fault."""
    data = read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise EvaluationError(f"{path}: not a gold file: expected an object with an 'entities' list")
    raw = {}
    for n, ent in enumerate(data["entities"]):
        where = f"{path}: entities[{n}]"
        if not isinstance(ent, dict):
            raise EvaluationError(f"{where}: expected an object")
        gid, etype, _ = (_require(ent, k, where) for k in ("id", "type", "label"))
        if etype not in ENTITY_TYPES:
            raise EvaluationError(
                f"{where}: unknown type {etype!r}, expected one of {', '.join(ENTITY_TYPES)}"
            )
        raw[gid] = ent
    entities = {}
    for gid, ent in raw.items():
        group, seen = gid, {gid}
        while raw[group].get("same_as"):
            group = raw[group]["same_as"]
            if group not in raw:
                raise EvaluationError(f"{path}: entity {gid!r}: same_as {group!r} is no gold entity")
            if group in seen:
                break
            seen.add(group)
        names = tuple(dict.fromkeys([ent["label"], *ent.get("aliases", ())]))
        entities[gid] = GoldEntity(
            gid,
            ent["type"],
            ent["label"],
            names,
            tuple(ent.get("docs", ())),
            bool(ent.get("optional")),
            group,
        )
    for kind in ("positions", "events"):
        for item in data.get(kind, ()):
            refs = [item.get("person"), item.get("of"), item.get("place"), item.get("object")]
            refs += list(item.get("participants", ()))
            for ref in refs:
                if ref is not None and ref not in entities:
                    raise EvaluationError(f"{path}: {kind}: {ref!r} is no gold entity id")
    return Gold(
        str(path),
        entities,
        tuple(data.get("must_not_be_actor", ())),
        tuple(data.get("positions", ())),
        tuple(data.get("events", ())),
        tuple(data.get("facts", ())),
    )


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
    """Map each extraction id to the gold document it is («000_c5a2…» → «000»); also the ids left over.

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


@dataclass
class Matcher:
    """Resolves predicted names and entity references to gold entity groups, with caches."""

    gold: Gold
    _cache: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    by_pred_id: dict[str, frozenset[str]] = field(default_factory=dict)

    def gold_for_name(self, etype: str, name: str) -> frozenset[str]:
        """Ids of the gold entities of this type that the name names."""
        key = (etype, name)
        if key not in self._cache:
            self._cache[key] = frozenset(
                g.id
                for g in self.gold.entities.values()
                if g.type == etype
                and any(names_match(name, n) or self._same_with_states(name, n) for n in g.names)
            )
        return self._cache[key]

    def _state_of_word(self, word: str) -> str | None:
        for g in self.gold.entities.values():
            if g.type == "State" and any(len(words(n)) == 1 and names_match(word, n) for n in g.names):
                return g.group
        return None

    def _same_with_states(self, a: str, b: str) -> bool:
        # «МИД Китая» names «МИД КНР»: inside a longer name, a word naming a gold state stands for that state
        wa, wb = words(a), words(b)
        if len(wa) != len(wb) or len(wa) < 2:
            return False
        states_a = [self._state_of_word(w) for w in wa]
        states_b = [self._state_of_word(w) for w in wb]
        if not any(states_a) or states_a != states_b:
            return False
        return all(sa is not None or names_match(x, y) for x, y, sa in zip(wa, wb, states_a, strict=True))

    def is_forbidden(self, etype: str, name: str) -> bool:
        """Whether an actor-typed name is one of the gold's must_not_be_actor strings."""
        return etype in ACTOR_TYPES and any(names_match(name, bad) for bad in self.gold.must_not_be_actor)

    def groups(self, ids: frozenset[str]) -> frozenset[str]:
        """The same_as groups of gold ids."""
        return frozenset(self.gold.entities[i].group for i in ids)

    def resolve(self, ref: dict | None) -> frozenset[str]:
        """Gold groups a predicted reference ({id, label, type}) stands for (empty when none)."""
        if not ref:
            return frozenset()
        if ref.get("id") in self.by_pred_id:
            return self.by_pred_id[ref["id"]]
        etype, label = ref.get("type", ""), ref.get("label") or ref.get("text") or ""
        if self.is_forbidden(etype, label):
            return frozenset()
        return self.groups(self.gold_for_name(etype, label))


@dataclass(frozen=True)
class EntityScores:
    """Entity P/R/F1 per type and micro, with what was missed, wrong, split or ignored."""

    by_type: dict[str, Score]
    micro: Score
    misses: tuple[Item, ...]
    false_positives: tuple[Item, ...]
    split: tuple[Item, ...]
    optional_found: tuple[Item, ...]


def _predicted_entities(docs: list[dict]) -> dict[str, dict]:
    ents: dict[str, dict] = {}
    for doc in docs:
        for m in doc.get("entities", ()):
            ent = ents.setdefault(
                m.get("id") or f"{m.get('type')}:{m.get('label')}",
                {
                    "type": m.get("type"),
                    "label": m.get("label") or m.get("text", ""),
                    "texts": set(),
                    "docs": set(),
                },
            )
            ent["texts"].add(m.get("text", ""))
            ent["docs"].add(doc["_gold_doc"])
    return ents


def score_entities(docs: list[dict], matcher: Matcher) -> EntityScores:
    """Score the distinct predicted entities of the documents against the gold entities."""
    gold = matcher.gold
    tp: dict[str, int] = defaultdict(int)
    predicted: dict[str, int] = defaultdict(int)
    recalled: dict[str, set[str]] = defaultdict(set)  # gold group -> predicted labels
    by_member: dict[str, set[str]] = defaultdict(set)  # gold id -> predicted labels (for split nodes)
    fps, optional_found = [], []
    bad_mentions: dict[tuple[str, tuple[str, ...]], tuple[str, set[str], str]] = {}
    for pid, ent in sorted(
        _predicted_entities(docs).items(), key=lambda kv: (kv[1]["type"], kv[1]["label"], kv[0])
    ):
        etype, label, edocs = ent["type"], ent["label"], tuple(sorted(ent["docs"]))
        if etype not in ENTITY_TYPES:
            continue
        predicted[etype] += 1
        if matcher.is_forbidden(etype, label):
            fps.append(Item(etype, label, edocs, "must_not_be_actor"))
            matcher.by_pred_id[pid] = frozenset()
            continue
        names = [label]
        for text in sorted(ent["texts"]):
            if matcher.is_forbidden(etype, text):
                key = (etype, norm_key(text))
                old = bad_mentions.get(key, (text, set(), label))
                bad_mentions[key] = (old[0], old[1] | ent["docs"], old[2])
            elif text not in names:
                names.append(text)
        ids = frozenset().union(*(matcher.gold_for_name(etype, n) for n in names))
        matcher.by_pred_id[pid] = matcher.groups(ids)
        required = {gold.entities[i].group for i in ids if not gold.entities[i].optional}
        if required:
            tp[etype] += 1
            for g in required:
                recalled[g].add(label)
            for i in ids:
                by_member[i].add(label)
        elif ids:
            predicted[etype] -= 1
            optional_found.append(Item(etype, label, edocs, "optional"))
        else:
            other = sorted(
                {
                    g.type
                    for t in ENTITY_TYPES
                    if t != etype
                    for n in names
                    for g in map(gold.entities.get, matcher.gold_for_name(t, n))
                }
            )
            fps.append(Item(etype, label, edocs, f"gold type: {', '.join(other)}" if other else ""))
    for (etype, _), (text, bdocs, owner) in sorted(bad_mentions.items()):
        predicted[etype] += 1
        fps.append(Item(etype, text, tuple(sorted(bdocs)), f"must_not_be_actor (a mention of «{owner}»)"))
    groups: dict[str, list[GoldEntity]] = defaultdict(list)
    for g in gold.entities.values():
        groups[g.group].append(g)
    gold_count: dict[str, int] = defaultdict(int)
    tp_gold: dict[str, int] = defaultdict(int)
    misses, split = [], []
    for group, members in sorted(groups.items()):
        if all(m.optional for m in members):
            continue
        head = gold.entities[group]
        gold_count[head.type] += 1
        label = " = ".join(m.label for m in sorted(members, key=lambda m: m.id != group))
        gdocs = tuple(sorted({d for m in members for d in m.docs}))
        if group in recalled:
            tp_gold[head.type] += 1
            # same_as members predicted as separate nodes are fine; one member predicted twice is a split
            split.extend(
                Item(head.type, m.label, m.docs, " | ".join(sorted(by_member[m.id])))
                for m in members
                if len(by_member[m.id]) > 1
            )
        else:
            misses.append(Item(head.type, label, gdocs))
    by_type = {t: Score(tp[t], predicted[t], gold_count[t], tp_gold[t]) for t in ENTITY_TYPES}
    return EntityScores(
        by_type, micro(list(by_type.values())), tuple(misses), tuple(fps), tuple(split), tuple(optional_found)
    )


@dataclass(frozen=True)
class PositionScores:
    """Posts scored over (document, position) pairs."""

    score: Score
    misses: tuple[Item, ...]
    false_positives: tuple[Item, ...]


def _position_matches(gpos: dict, pos: dict, matcher: Matcher) -> bool:
    g = matcher.gold.entities
    if g[gpos["person"]].group not in matcher.resolve(pos.get("person")):
        return False
    if gpos.get("of") and g[gpos["of"]].group not in matcher.resolve(pos.get("of")):
        return False
    return any(
        roles_match(gpos["role"], text)
        for text in (pos.get("role") or "", pos.get("post_label") or "")
        if text
    )


def score_positions(docs: list[dict], matcher: Matcher) -> PositionScores:
    """Score posts per document: a gold position is recalled in a document where a prediction matches."""
    gold = matcher.gold
    by_doc = {d["_gold_doc"]: d for d in docs}
    tp = predicted = n_gold = tp_gold = 0
    misses, fps = [], []
    for gdoc in sorted(gold.docs()):
        expected = [p for p in gold.positions if gdoc in p.get("docs", ())]
        preds: dict[tuple, dict] = {}
        for pos in by_doc.get(gdoc, {}).get("positions", ()):
            of = pos.get("of") or {}
            key = (
                (pos.get("person") or {}).get("id"),
                words(pos.get("post_label") or pos.get("role") or ""),
                of.get("id"),
            )
            preds.setdefault(key, pos)
        for pos in preds.values():
            predicted += 1
            if any(_position_matches(gp, pos, matcher) for gp in expected):
                tp += 1
            else:
                person = (pos.get("person") or {}).get("label", "?")
                of = (pos.get("of") or {}).get("label")
                fps.append(
                    Item(
                        "Position",
                        f"{person}: {pos.get('post_label') or pos.get('role')}",
                        (gdoc,),
                        f"of: {of}" if of else "",
                    )
                )
        for gp in expected:
            n_gold += 1
            if any(_position_matches(gp, pos, matcher) for pos in preds.values()):
                tp_gold += 1
            else:
                of = gold.entities[gp["of"]].label if gp.get("of") else ""
                misses.append(
                    Item(
                        "Position",
                        f"{gold.entities[gp['person']].label}: {gp['role']}",
                        (gdoc,),
                        f"of: {of}" if of else "",
                    )
                )
    return PositionScores(Score(tp, predicted, n_gold, tp_gold), tuple(misses), tuple(fps))


_SCALE = {
    "тыс": 1e3,
    "тысяч": 1e3,
    "млн": 1e6,
    "миллион": 1e6,
    "млрд": 1e9,
    "миллиард": 1e9,
    "трлн": 1e12,
    "триллион": 1e12,
}


def gold_value(value: float, unit: str) -> tuple[float, str]:
    """A gold figure in plain units: ``36.5, "млрд USD"`` → ``(36.5e9, "USD")``.

    >>> gold_value(36.5, "млрд USD")
    (36500000000.0, 'USD')
    >>> gold_value(11, "%")
    (11.0, '%')
    """
    scale, rest = 1.0, []
    for part in unit.split():
        if part.lower().rstrip(".") in _SCALE:
            scale *= _SCALE[part.lower().rstrip(".")]
        else:
            rest.append(part)
    return float(value) * scale, " ".join(rest)


@dataclass(frozen=True)
class FactCheck:
    """One gold fact and how the closest predicted fact in its document compares, check by check."""

    doc: str
    indicator: str
    rows: tuple[tuple[str, str, str, bool], ...]  # (check, gold, predicted, ok)

    @property
    def ok(self) -> bool:
        """Whether every check passed."""
        return all(r[3] for r in self.rows)


def _fact_rows(gfact: dict, fact: dict | None, matcher: Matcher) -> list[tuple[str, str, str, bool]]:
    value, unit = gold_value(gfact["value"], gfact.get("unit", ""))
    f = fact or {}
    pv = f.get("value")
    rows = [
        ("indicator", gfact["type"], str(f.get("indicator", "—")), f.get("indicator") == gfact["type"]),
        (
            "value",
            f"{value:g}",
            "—" if pv is None else f"{pv:g}",
            pv is not None and abs(pv - value) <= 0.005 * abs(value),
        ),
        ("unit", unit, str(f.get("unit", "—")), (f.get("unit") or "").casefold() == unit.casefold()),
    ]
    if gfact.get("period") is not None:
        gp, pp = " ".join(words(gfact["period"])), " ".join(words(f.get("period") or ""))
        rows.append(("period", gfact["period"], f.get("period") or "—", bool(pp) and (gp in pp or pp in gp)))
    if gfact.get("change_percent") is not None:
        pc = f.get("change_percent")
        rows.append(
            (
                "change_percent",
                f"{gfact['change_percent']:g}",
                "—" if pc is None else f"{pc:g}",
                pc is not None and abs(pc - gfact["change_percent"]) < 0.05,
            )
        )
    if gfact.get("between"):
        want = {matcher.gold.entities[b].group for b in gfact["between"]}
        got = frozenset().union(*(matcher.resolve(b) for b in f.get("between", ())))
        names = ", ".join(b.get("label", "?") for b in f.get("between", ())) or "—"
        rows.append(
            (
                "between",
                ", ".join(matcher.gold.entities[b].label for b in gfact["between"]),
                names,
                want <= got,
            )
        )
    return rows


def check_facts(docs: list[dict], matcher: Matcher) -> tuple[FactCheck, ...]:
    """Compare each gold fact with the predicted fact of its document that passes most checks."""
    by_doc = {d["_gold_doc"]: d for d in docs}
    out = []
    for gfact in matcher.gold.facts:
        candidates = by_doc.get(gfact["doc"], {}).get("facts", ()) or [None]
        best = max(
            (_fact_rows(gfact, f, matcher) for f in candidates), key=lambda rows: sum(r[3] for r in rows)
        )
        out.append(FactCheck(gfact["doc"], gfact["type"], tuple(best)))
    return tuple(out)


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


def evaluate_build(extractions: Path, gold_path: Path) -> SeedsReport:
    """Score an extractions.jsonl file (or the build folder holding it) against a seeds-style gold file."""
    if extractions.is_dir():
        extractions = extractions / "extractions.jsonl"
    if not extractions.is_file():
        raise EvaluationError(f"{extractions}: no such file")
    gold = load_gold(gold_path)
    docs = load_extractions(extractions)
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
    )
