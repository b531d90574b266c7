"""Checking predicted figures (trade turnover and the like) against a seeds-style gold file's facts."""

from __future__ import annotations

from dataclasses import dataclass

from kg.evaluate.gold import Matcher
from kg.evaluate.text import words

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
