"""``kg_normalize``: the nominative form of every entity span in ``span._.kg_norm``.

«Си Цзиньпином» → «Си Цзиньпин», «Шанхайской организации сотрудничества» → «Шанхайская организация
сотрудничества»: a person's every word agrees, so all are inflected; in other names only the head and the
adjectives that agree with it are, and the dependents («сотрудничества») stay as they are.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.morphology import morph_analyzer, nominative, nominative_phrase, recover_shape
from kg.pipeline.syntax import head_of

if not Span.has_extension("kg_norm"):
    Span.set_extension("kg_norm", default=None)


def inflectable(span: Span) -> set[int]:
    """Indices of the span's tokens to put in the nominative: heads and their agreeing adjectives."""
    inside = set(range(span.start, span.end))
    roots = [t.i for t in span if head_of(t).i not in inside or head_of(t).i == t.i]
    chosen = set(roots[:1]) if roots else {span.start}
    changed = True
    while changed:
        changed = False
        for t in span:
            if (
                t.i not in chosen
                and head_of(t).i in chosen
                and t.pos_ in ("ADJ", "DET", "VERB")
                and t.i in inside
            ):
                chosen.add(t.i)
                changed = True
    # adjectives before the head agree with it even when the parser attached them elsewhere
    first = min(chosen)
    for t in span:
        if t.i < first and t.pos_ == "ADJ":
            chosen.add(t.i)
    return chosen


def normal_form(span: Span) -> str:
    """The nominative form of an entity span."""
    if span.label_ == "Person":
        return person_form(span)
    ids = inflectable(span)
    words = [(t.text, t.pos_, t.morph.to_dict(), t.i in ids) for t in span]
    text = nominative_phrase(words, [t.whitespace_ for t in span])
    return " ".join(text.split())


def guess_name_nominative(word: str) -> str:
    """When no reading helps: a singular name form that cannot be nominative is put in the nominative.

    >>> guess_name_nominative("Кошербаевым")
    'Кошербаев'
    >>> guess_name_nominative("Нуртлеу")
    'Нуртлеу'
    """
    parses = [p for p in morph_analyzer().parse(word) if {"Name", "Surn", "Patr"} & p.tag.grammemes]
    if not parses or any(p.tag.case == "nomn" for p in parses):
        return word
    best = parses[0]
    if best.tag.number != "sing":
        return word
    form = best.inflect({"nomn"})
    return recover_shape(form.word, word) if form else word


def person_form(span: Span) -> str:
    """A person's name in the nominative: the words agree, so when the tagger misreads one word's case,
    another word's reading is tried (oblique cases first)."""
    readings = [t.morph.to_dict() for t in span if t.is_alpha]
    readings.sort(key=lambda f: f.get("Case") in (None, "Nom"))
    out = []
    for t in span:
        text = t.text
        if t.is_alpha and not (len(t.text) <= 2 and t.text.endswith(".")):
            for feats in [t.morph.to_dict(), *readings]:
                if feats.get("Case") in (None, "Nom"):
                    continue
                form = nominative(t.text, "PROPN", feats)
                if form != t.text:
                    text = form
                    break
            else:
                text = guess_name_nominative(t.text)
        out.append(text + t.whitespace_)
    return " ".join("".join(out).split())


class Normalize:
    """Sets ``span._.kg_norm`` where the gazetteer did not fix it already."""

    def __init__(self, name: str = "kg_normalize") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[tuple[Span, str]]:
        """(span, nominative form) for every entity without one."""
        return [(ent, normal_form(ent)) for ent in doc.ents if not ent._.kg_norm]

    def set_annotations(self, doc: Doc, found: list[tuple[Span, str]]) -> None:
        """Store the forms on the spans."""
        for ent, norm in found:
            ent._.kg_norm = norm

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_normalize", assigns=["span._.kg_norm"])
def make_normalize(nlp: Language, name: str) -> Normalize:
    """Factory of the normaliser."""
    return Normalize(name)
