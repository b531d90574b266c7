"""Scoring predicted posts against a seeds-style gold file's positions, document by document."""

from __future__ import annotations

from dataclasses import dataclass

from kg.evaluate.common import Item
from kg.evaluate.gold import Matcher
from kg.evaluate.metrics import Score
from kg.evaluate.text import roles_match, words


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
