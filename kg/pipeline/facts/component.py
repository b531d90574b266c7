"""The ``kg_facts`` component: every figure an indicator word is tied to, in ``doc._.kg_facts``."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.numbers import amounts_in
from kg.pipeline.cues import in_skipped, sentence_span
from kg.pipeline.facts.changes import change_in, clause_end
from kg.pipeline.facts.clauses import amount_tokens, children
from kg.pipeline.facts.indicators import indicator_tokens, link
from kg.pipeline.facts.parties import figure_parties
from kg.pipeline.facts.periods import figure_period
from kg.records import Fact, Ref

if not Doc.has_extension("kg_facts"):
    Doc.set_extension("kg_facts", default=[])

# indicators whose amount may be a weight or a volume («12 тыс. тонн зерна»); the others need money
PHYSICAL_OK = {"TradeTurnover", "Export", "Import", "Aid"}

#: How far after its amount a figure's change may be read (characters): the rest of a short clause.
CHANGE_WINDOW = 90
#: A figure with the parties it concerns is surer than one whose parties are unknown.
CONFIDENCE_WITH_PARTIES, CONFIDENCE_ALONE = 0.75, 0.6


class Facts:
    """Finds figures tied to an indicator word, with their period, change and the actors they concern."""

    def __init__(self, name: str = "kg_facts") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Fact]:
        """Every figure with an indicator and a unit, in text order."""
        out = []
        for sent in doc.sents:
            if in_skipped(sent):
                continue
            indicators = indicator_tokens(sent)
            if not indicators:
                continue
            text = sent.text
            amounts = amounts_in(text, sent.start_char)
            if not amounts:
                continue
            kids = children(sent)
            spans = [amount_tokens(doc, a) for a in amounts]
            skip = {i for s in spans if s is not None for i in range(s.start, s.end)}
            for k, (amount, span) in enumerate(zip(amounts, spans)):
                if span is None:
                    continue
                # the same sum again in brackets or after «или»: «1,5 трлн тенге ($3 млрд)», «…, или $3 млрд»
                if k and re.fullmatch(
                    r"\s*(?:[(\[]|,?\s*или)\s*", doc.text[amounts[k - 1].end : amount.start]
                ):
                    continue
                linked = link(sent, span, indicators, kids, skip)
                if linked is None:
                    continue
                ind, concept = linked
                if not amount.money and concept not in PHYSICAL_OK:
                    continue
                # the clause: from the indicator (or the previous amount) to the next amount or «;»
                base = sent.start_char
                lo = min(ind.idx, amount.start) - base
                prev_end = amounts[k - 1].end - base if k else 0
                nxt = amounts[k + 1].start - base if k + 1 < len(amounts) else len(text)
                hi = min(nxt, amount.end - base + CHANGE_WINDOW, clause_end(text, amount.end - base))
                change = change_in(text, max(lo, prev_end), hi)
                period = figure_period(
                    text, base, lo, amount, prev_end, max(ind.idx + len(ind.text), amount.end)
                )
                parties, roles = figure_parties(
                    doc, sent, ind, concept, skip, set(range(span.start, span.end))
                )
                out.append(
                    Fact(
                        indicator=concept,
                        value=amount.value,
                        unit=amount.unit,
                        evidence=sentence_span(sent),
                        period=period,
                        change_percent=change[0] if change else None,
                        between=tuple(Ref(e.start_char, e.end_char, r) for e, r in zip(parties, roles)),
                        value_text=amount.text,
                        confidence=CONFIDENCE_WITH_PARTIES if parties else CONFIDENCE_ALONE,
                    )
                )
        return out

    def set_annotations(self, doc: Doc, found: list[Fact]) -> None:
        """Store the figures on the Doc."""
        doc._.kg_facts = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_facts", assigns=["doc._.kg_facts"])
def make_facts(nlp: Language, name: str) -> Facts:
    """Factory of the figure finder."""
    return Facts(name)
