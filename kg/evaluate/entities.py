"""Scoring the distinct predicted entities of a build against a seeds-style gold file's entities."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.evaluate.common import Item
from kg.evaluate.gold import ENTITY_TYPES, GoldEntity, Matcher
from kg.evaluate.metrics import Score, micro
from kg.evaluate.text import norm_key


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
