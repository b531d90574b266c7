"""``kg_normalize``: the nominative form of every entity span in ``span._.kg_norm``.

«Си Цзиньпином» → «Си Цзиньпин», «Шанхайской организации сотрудничества» → «Шанхайская организация
сотрудничества»: a person's every word agrees, so all are inflected; in other names only the head and the
adjectives that agree with it are, and the dependents («сотрудничества») stay as they are.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.morphology import morph_analyzer, nominative_phrase, recover_shape, select_parse
from kg.names import is_name_word, name_nominatives
from kg.pipeline.syntax import dep_of, head_of

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


def compounds(span: Span) -> list[list[Token]]:
    """The span's tokens grouped into written words: parts joined by a hyphen and no space are one word
    («Аль», «-», «Кайды» → «Аль-Кайды»)."""
    groups: list[list[Token]] = []
    for t in span:
        if groups and not groups[-1][-1].whitespace_ and "-" in (t.text, groups[-1][-1].text):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _listed_noun(word: str) -> bool:
    """pymorphy3's dictionary lists the hyphenated word as one noun («аль-кайды», «нью-йорке»), so it inflects
    as one; compound adjectives («Северо-Кавказском») inflect with the phrase's head, part by part as before."""
    parses = morph_analyzer().parse(word)
    return (
        bool(parses)
        and parses[0].tag.POS == "NOUN"
        and parses[0].methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
    )


def compound_nominative(word: str, pos: str, feats: dict[str, str]) -> str:
    """A listed compound in the nominative: the reading that agrees with the tagger, else the dictionary's
    first (the tagger reads a part such as «Джазиры» alone and may get its case wrong).

    >>> compound_nominative("Аль-Джазиры", "PROPN", {"Case": "Nom"})
    'Аль-Джазира'
    >>> compound_nominative("Аль-Каида", "PROPN", {"Case": "Nom"})
    'Аль-Каида'
    """
    parse = select_parse(word, pos, feats) or morph_analyzer().parse(word)[0]
    if parse.tag.case in (None, "nomn"):
        return word
    form = parse.inflect({"nomn"})
    return recover_shape(form.word, word) if form else word


def normal_form(span: Span) -> str:
    """The nominative form of an entity span."""
    if span.label_ == "Person":
        return person_form(span)
    ids = inflectable(span)
    words, spaces = [], []
    for group in compounds(span):
        text = "".join(t.text for t in group)
        if len(group) > 1 and _listed_noun(text):
            last = group[-1]  # the part that inflects
            if any(t.i in ids for t in group):
                text = compound_nominative(text, last.pos_, last.morph.to_dict())
            words.append((text, last.pos_, last.morph.to_dict(), False))
            spaces.append(last.whitespace_)
        else:
            words += [(t.text, t.pos_, t.morph.to_dict(), t.i in ids) for t in group]
            spaces += [t.whitespace_ for t in group]
    text = nominative_phrase(words, spaces)
    return " ".join(text.split())


def _context_case(span: Span) -> str | None:
    """The case of the post a name stands beside («с министром … Четином Йылмазом»): a common noun, whose
    case the tagger reads far more surely than that of a foreign name."""
    inside = set(range(span.start, span.end))
    for t in span:
        head = head_of(t)
        if head.i not in inside and dep_of(t) == "appos" and head.pos_ == "NOUN":
            cases = head.morph.get("Case")
            return cases[0] if cases else None
    return None


def person_form(span: Span) -> str:
    """A person's name in the nominative: its written words (hyphenated ones whole) share one case, chosen
    from what the words' endings and the dictionary allow, the tagger's cases and a post beside the name
    (see :func:`kg.names.name_nominatives`), and each word that declines takes its nominative."""
    groups = [g for g in compounds(span) if is_name_word(g[-1].text)]
    words = ["".join(t.text for t in g) for g in groups]
    cases = [(g[-1].morph.get("Case") or [None])[0] for g in groups]
    genders = [g for t in span for g in t.morph.get("Gender") if t.is_alpha]
    gender = (
        max(("Masc", "Fem"), key=genders.count) if genders.count("Masc") != genders.count("Fem") else None
    )
    forms = dict(zip((g[0].i for g in groups), name_nominatives(words, cases, gender, _context_case(span))))
    out = []
    for group in compounds(span):
        text = forms.get(group[0].i, "".join(t.text for t in group))
        out.append(text + group[-1].whitespace_)
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
