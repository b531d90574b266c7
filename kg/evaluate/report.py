"""Rich tables for the reports of :mod:`kg.evaluate`; building them is pure, printing is the CLI's job."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from kg.evaluate.common import Item
from kg.evaluate.factru import MODES, NER_TYPES, FactRuReport
from kg.evaluate.gold import ENTITY_TYPES
from kg.evaluate.metrics import Score
from kg.evaluate.seeds import SeedsReport


def prf_table(title: str, rows: Iterable[tuple[str, Score]]) -> Table:
    """A table of P/R/F1 with the counts behind them."""
    rows = list(rows)
    split = any(s.tp_gold is not None and s.tp_gold != s.tp for _, s in rows)
    caption = "TP a/b: a right predictions, b gold items recalled" if split else None
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    for name, justify in (
        ("", "left"),
        ("P", "right"),
        ("R", "right"),
        ("F1", "right"),
        ("TP", "right"),
        ("pred", "right"),
        ("gold", "right"),
    ):
        table.add_column(name, justify=justify)
    for name, s in rows:
        table.add_row(
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.tp if s.tp_gold is None or s.tp_gold == s.tp else f"{s.tp}/{s.tp_gold}"),
            str(s.predicted),
            str(s.gold),
        )
    return table


def item_table(title: str, items: Iterable[Item]) -> Table | None:
    """A table listing misses or false positives (None when there are none)."""
    items = list(items)
    if not items:
        return None
    table = Table(title=f"{title} ({len(items)})", title_justify="left")
    for name in ("type", "label", "docs", "note"):
        table.add_column(name)
    for it in items:
        table.add_row(it.kind, it.label, " ".join(it.docs), it.note)
    return table


def _accuracy(label: str, pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{label} {right}/{total}" + (f" = {right / total:.3f}" if total else "")


def _which(half: str, where: str) -> str:
    """The words naming the documents scored, for the report's first line."""
    first = "0, 2, 4" if half == "even" else "1, 3, 5"
    return "" if half == "all" else f" (the {half} half only: {where} {first}, …)"


def seeds_renderables(report: SeedsReport) -> Iterator[RenderableType]:
    """What `kg evaluate BUILD --gold GOLD` prints, top to bottom."""
    yield Text(
        f"{report.extractions} against {report.gold}: {len(report.docs)} documents scored"
        + _which(report.half, "documents numbered")
    )
    if report.missing_docs:
        yield Text(f"gold documents with no extraction: {', '.join(report.missing_docs)}", style="yellow")
    if report.skipped_docs:
        yield Text(f"extractions not in the gold, left out: {', '.join(report.skipped_docs)}", style="yellow")
    ents = report.entities
    yield prf_table("Entities", [*((t, ents.by_type[t]) for t in ENTITY_TYPES), ("micro", ents.micro)])
    for title, items in (
        ("Entity misses", ents.misses),
        ("Entity false positives", ents.false_positives),
        ("Split entities (no penalty)", ents.split),
        ("Optional entities found (not counted)", ents.optional_found),
    ):
        if (table := item_table(title, items)) is not None:
            yield table
    yield prf_table("Positions (document, post)", [("positions", report.positions.score)])
    for title, items in (
        ("Position misses", report.positions.misses),
        ("Position false positives", report.positions.false_positives),
    ):
        if (table := item_table(title, items)) is not None:
            yield table
    ev = report.events
    yield prf_table("Events (type + participants)", [("events", ev.score)])
    yield Text(
        "Among matched events: "
        + ", ".join(_accuracy(a, ev.accuracy(a)) for a in ("date", "place", "object"))
    )
    if ev.matches:
        table = Table(title="Matched events", title_justify="left")
        for name in ("doc", "gold", "predicted", "date", "place", "object"):
            table.add_column(name)
        for m in ev.matches:
            cells = [
                "" if c is None else f"✓ {c[1]}" if c[2] else f"✗ {c[1]} (gold {c[0]})"
                for c in (m.date, m.place, m.object)
            ]
            table.add_row(m.doc, m.gold_id, m.predicted, *cells)
        yield table
    for title, items in (("Event misses", ev.misses), ("Event false positives", ev.false_positives)):
        if (table := item_table(title, items)) is not None:
            yield table
    for fact in report.facts:
        table = Table(
            title=f"Fact {fact.indicator} in {fact.doc}: {'all checks pass' if fact.ok else 'differs'}",
            title_justify="left",
        )
        for name in ("check", "gold", "predicted", "ok"):
            table.add_column(name)
        for check, gold, pred, ok in fact.rows:
            table.add_row(check, gold, pred, "✓" if ok else "✗")
        yield table


def factru_renderables(report: FactRuReport) -> Iterator[RenderableType]:
    """What `kg evaluate factru_dev.jsonl` prints."""
    yield Text(
        f"{report.gold or 'factRuEval gold'}: {report.docs} documents, "
        f"{report.predicted_docs} with predictions" + _which(report.half, "documents at positions")
    )
    for mode in MODES:
        scores = report.ner[mode]
        yield prf_table(f"NER, {mode}", [*((t, scores[t]) for t in NER_TYPES), ("micro", scores["micro"])])
    f = report.facts
    yield prf_table(
        "Facts",
        [
            ("Occupation strict (who + post + where)", f.occupation_strict),
            ("Occupation lenient (who + post)", f.occupation_lenient),
            ("Meeting", f.meeting),
        ],
    )
