"""Scoring predicted events against gold events, document by document.

A predicted event matches a gold one of its document when the types are equal, every gold participant is among
the predicted participants (through entity matching), and at most one predicted participant is extra. A
predicted participant is not counted as extra when it is the state or organisation in which a gold participant
holds a gold post (a foreign minister's country), since naming both the minister and the country is a fair
reading of «talks». Matching is one-to-one, greedy, fewest extras first; optional gold events are matched after
the others, and a prediction matching one is neither right nor wrong (the gold file's own statement that the
event may be extracted or not, the same rule as for optional entities). Every other prediction that matches no
gold event is a false positive, whatever the gold says about the setting of its events (``context``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.evaluate.common import Item
from kg.evaluate.gold import Matcher
from kg.evaluate.metrics import Score

MAX_EXTRA = 1


@dataclass(frozen=True)
class EventMatch:
    """A matched pair and whether its date, place and object agree (None when the gold does not say)."""

    doc: str
    gold_id: str
    type: str
    predicted: str
    date: tuple[str, str, bool] | None  # (gold, predicted, ok)
    place: tuple[str, str, bool] | None
    object: tuple[str, str, bool] | None


@dataclass(frozen=True)
class EventScores:
    """Events P/R/F1 on type + participants, with date, place and object accuracy among the matched."""

    score: Score
    matches: tuple[EventMatch, ...]
    misses: tuple[Item, ...]
    false_positives: tuple[Item, ...]

    def accuracy(self, attr: str) -> tuple[int, int]:
        """(right, checked) for ``date``, ``place`` or ``object`` among matched events whose gold has it."""
        checked = [getattr(m, attr) for m in self.matches if getattr(m, attr) is not None]
        return sum(c[2] for c in checked), len(checked)


def date_ok(gold: str, date: str | None, partial: str | None) -> bool:
    """Whether a predicted date or partial date says the gold date (``--MM-DD`` or ``YYYY-MM-DD``).

    >>> date_ok("--12-01", "2020-12-01", None), date_ok("--12-01", None, "--12-01")
    (True, True)
    >>> date_ok("2025-10-28", None, "--10-28"), date_ok("2025-10-28", "2025-10-28", None)
    (False, True)
    """
    if gold in (date, partial):
        return True
    return gold.startswith("--") and date is not None and len(date) == 10 and date[4:] == gold[1:]


def _free_extras(participants: list[str], matcher: Matcher) -> set[str]:
    g = matcher.gold.entities
    out = set()
    for pos in matcher.gold.positions:
        if pos.get("of") and g[pos["person"]].group in participants:
            out.add(g[pos["of"]].group)
    return out


def _fit(gold_event: dict, event: dict, matcher: Matcher) -> int | None:
    """The number of extra participants when the prediction matches, else None."""
    if event.get("type") != gold_event["type"]:
        return None
    g = matcher.gold.entities
    want = [g[p].group for p in gold_event.get("participants", ())]
    resolved = [matcher.resolve(p) for p in event.get("participants", ())]
    got = frozenset().union(*resolved)
    if not set(want) <= got:
        return None
    free = _free_extras(want, matcher)
    extra = sum(1 for r in resolved if not r & (set(want) | free))
    return extra if extra <= MAX_EXTRA else None


def _object_fits(gold_event: dict, event: dict, matcher: Matcher) -> bool:
    """Whether the prediction concerns the gold event's object (a tie-break between equal fits)."""
    if not gold_event.get("object"):
        return True
    want = matcher.gold.entities[gold_event["object"]]
    return any(want.group in matcher.resolve(c) for c in event.get("concerns", ()))


def _describe(event: dict) -> str:
    names = ", ".join(p.get("label", "?") for p in event.get("participants", ()))
    return f"{event.get('type')}({names})"


def _match(event: dict, gold_event: dict, doc: str, matcher: Matcher) -> EventMatch:
    g = matcher.gold.entities
    date = place = obj = None
    if gold_event.get("date"):
        got = event.get("date") or event.get("partial_date") or "—"
        date = (
            gold_event["date"],
            got,
            date_ok(gold_event["date"], event.get("date"), event.get("partial_date")),
        )
    if gold_event.get("place"):
        want = g[gold_event["place"]]
        pred = event.get("place") or {}
        place = (want.label, pred.get("label", "—"), want.group in matcher.resolve(pred or None))
    if gold_event.get("object"):
        want = g[gold_event["object"]]
        concerns = event.get("concerns", ())
        ok = any(want.group in matcher.resolve(c) for c in concerns)
        obj = (want.label, ", ".join(c.get("label", "?") for c in concerns) or "—", ok)
    return EventMatch(doc, gold_event["id"], gold_event["type"], _describe(event), date, place, obj)


def score_events(docs: list[dict], matcher: Matcher) -> EventScores:
    """Match predicted to gold events in each gold document and count."""
    by_doc = {d["_gold_doc"]: d for d in docs}
    g = matcher.gold.entities
    tp = predicted = n_gold = 0
    matches, misses, fps = [], [], []
    for doc in sorted({e["doc"] for e in matcher.gold.events} | set(by_doc)):
        golds = [e for e in matcher.gold.events if e["doc"] == doc]
        # only events told as having happened: one with a status (planned, cancelled …) claims no happening
        preds = [e for e in by_doc.get(doc, {}).get("events", ()) if not e.get("status")]
        used_pred: set[int] = set()
        matched_gold: set[int] = set()
        optional_hits = 0
        for optional in (False, True):
            pairs = sorted(
                (extra, not _object_fits(ge, pe, matcher), gi, pi)
                for gi, ge in enumerate(golds)
                if bool(ge.get("optional")) == optional
                for pi, pe in enumerate(preds)
                if (extra := _fit(ge, pe, matcher)) is not None
            )
            for _, _, gi, pi in pairs:
                if gi in matched_gold or pi in used_pred:
                    continue
                matched_gold.add(gi)
                used_pred.add(pi)
                if optional:
                    optional_hits += 1
                else:
                    matches.append(_match(preds[pi], golds[gi], doc, matcher))
        n_gold += sum(1 for e in golds if not e.get("optional"))
        tp += sum(1 for gi in matched_gold if not golds[gi].get("optional"))
        predicted += len(preds) - optional_hits
        for gi, ge in enumerate(golds):
            if gi not in matched_gold and not ge.get("optional"):
                who = ", ".join(g[p].label for p in ge.get("participants", ()))
                misses.append(Item(ge["type"], f"{ge['id']}: {ge['type']}({who})", (doc,)))
        for pi, pe in enumerate(preds):
            if pi not in used_pred:
                fps.append(
                    Item(
                        str(pe.get("type")), _describe(pe), (doc,), (pe.get("trigger") or {}).get("text", "")
                    )
                )
    return EventScores(Score(tp, predicted, n_gold), tuple(matches), tuple(misses), tuple(fps))
