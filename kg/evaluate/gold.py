"""A seeds-style gold file (``seeds-gold.json``) read, and the matcher from predicted names to its entities.

The scorers of entities, positions, events and facts all read gold through :class:`Matcher`, so it lives
here, below them, and none of them imports another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.evaluate.common import EvaluationError, in_half, leading_number, read_json
from kg.evaluate.text import names_match, words

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
    """A gold file, read; when only a half of its documents is scored, what the gold says about that half."""

    path: str
    entities: dict[str, GoldEntity]
    must_not_be_actor: tuple[str, ...]
    positions: tuple[dict, ...]
    events: tuple[dict, ...]
    facts: tuple[dict, ...]
    half: str = "all"

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


# the keys the scorers read from each item of a list, beside the entity references checked below
_REQUIRED = {
    "positions": ("person", "role", "docs"),
    "events": ("id", "doc", "type"),
    "facts": ("doc", "type", "value"),
}


def _half_of(docs: list[str], half: str, path: Path) -> list[str]:
    """The document keys of ``docs`` that lie in ``half``; a key with no number is an error then."""
    if half == "all":
        return docs
    out = []
    for key in docs:
        number = leading_number(key)
        if number is None:
            raise EvaluationError(f"{path}: document {key!r} has no number, so it lies in no half")
        if in_half(number, half):
            out.append(key)
    return out


def load_gold(path: Path, half: str = "all") -> Gold:
    """Read a seeds-style gold JSON file, keeping what it says about one half of its documents (by the number
    of the document key: «000», «002», … are even); raises :class:`EvaluationError` naming the file and fault.

    In a half, an entity is gold when it is named in a document of that half; one named only in the other half
    is optional there (predicting it is neither right nor wrong), as is an entity named in no document.
    """
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
        docs = _half_of(list(ent.get("docs", ())), half, path)
        entities[gid] = GoldEntity(
            gid,
            ent["type"],
            ent["label"],
            names,
            tuple(docs),
            bool(ent.get("optional")) or (half != "all" and not docs),
            group,
        )
    for kind, keys in _REQUIRED.items():
        for n, item in enumerate(data.get(kind, ())):
            where = f"{path}: {kind}[{n}]"
            if not isinstance(item, dict):
                raise EvaluationError(f"{where}: expected an object")
            for key in keys:
                _require(item, key, where)
            refs = [item.get("person"), item.get("of"), item.get("place"), item.get("object")]
            refs += list(item.get("participants", ())) + list(item.get("between", ()))
            for ref in refs:
                if ref is not None and ref not in entities:
                    raise EvaluationError(f"{path}: {kind}: {ref!r} is no gold entity id")
    positions = []
    for pos in data.get("positions", ()):
        docs = _half_of(list(pos["docs"]), half, path)
        if docs:
            positions.append(dict(pos, docs=docs))
    return Gold(
        str(path),
        entities,
        tuple(data.get("must_not_be_actor", ())),
        tuple(positions),
        tuple(e for e in data.get("events", ()) if _half_of([e["doc"]], half, path)),
        tuple(f for f in data.get("facts", ()) if _half_of([f["doc"]], half, path)),
        half,
    )


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
        # «МИД Германии» names «МИД ФРГ»: inside a longer name, a word naming a gold state stands for it
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
