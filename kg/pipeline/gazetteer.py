"""``kg_gazetteer``: states, organisations and initiatives from lists and patterns, merged with the NER.

After it, ``doc.ents`` carry our five types as labels (Person, State, Organization, Initiative, Place), the
gazetteer key in ``kb_id_`` where one is known, the source («ner», «gazetteer», «pattern») in ``id_``, and the
nominative name in ``span._.kg_norm`` where the list or pattern fixes it. Spans that are not actors (photo
credits, web addresses, diseases, generic words) are dropped, and so is every span on a line that is no part of
the article's text (an advert, a subscription call, a «Читайте также» link: :func:`kg.sources.boilerplate_spans`);
those lines are kept in ``doc.spans["kg_skipped"]`` for the components after this one.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg import lexicon
from kg.dateline import find_dateline
from kg.pipeline.actor_filters import CREDIT, is_actor
from kg.pipeline.candidates import Candidate
from kg.pipeline.initiative_patterns import (
    KEYWORD_WINDOW,
    MAX_INITIATIVE_WORDS,
    phrase_initiatives,
    quoted_initiatives,
)
from kg.sources import boilerplate_spans

if not Span.has_extension("kg_norm"):
    Span.set_extension("kg_norm", default=None)

NER_TYPES = {
    "PER": "Person",
    "PERSON": "Person",
    "ORG": "Organization",
    "LOC": "Place",
    "GPE": "Place",
    "Person": "Person",
    "Organization": "Organization",
    "State": "State",
    "Place": "Place",
    "Initiative": "Initiative",
}

_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$")
#: a news outlet named by its site's address, capitalised and without a path: «Lenta.ru», «NEWSru.com»
_OUTLET = re.compile(r"^[A-ZА-ЯЁ][\w-]*\.(ru|com|net|org|ua|kz|by|info)$", re.IGNORECASE)
#: an organisation's abbreviation: two to eight capitals («КЗЖ», «WFC», «ОФДД»)
_ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,8}$")
#: How many tokens after «МИД», «посольство» … the state they belong to may stand («МИД Республики Казахстан»,
#: «посольство в Анкаре Республики Корея»); further on, the state is another phrase's.
STATE_WINDOW = 8
#: The shortest surname carried to its later mentions: shorter words («Ли», «Ван») are too often other words.
MIN_SURNAME = 4
SKIPPED = "kg_skipped"  # doc.spans group: the lines no entity is taken from
_NEEDS_CAPITAL = {"правительство", "парламент", "посольство", "генконсульство"}


def _outlet(doc: Doc, cand: Candidate) -> bool:
    """An organisation the NER found that is a news outlet named by its site («сообщает Lenta.ru»), which the
    filter of web addresses would drop."""
    text = doc[cand.start : cand.end].text
    return cand.type == "Organization" and text[:1].isupper() and bool(_OUTLET.match(text))


def _two_names(doc: Doc, cand: Candidate) -> list[Candidate]:
    """A Person span of two names in two cases is two persons: «(пресс-секретарь президента) Йонаса Петраускаса
    Антанас Шимкус» — two words or more in the genitive, then two or more in the nominative."""
    if cand.type != "Person" or cand.length < 4:
        return [cand]
    cases = [doc[i].morph.get("Case") for i in range(cand.start, cand.end)]
    cut = next((n for n, c in enumerate(cases) if c != ["Gen"]), len(cases))
    if cut < 2 or len(cases) - cut < 2 or any(c != ["Nom"] for c in cases[cut:]):
        return [cand]
    middle = cand.start + cut
    return [
        Candidate(cand.start, middle, "Person", cand.source, cand.key),
        Candidate(middle, cand.end, "Person", cand.source, cand.key),
    ]


@cache
def _forms(names: tuple[str, ...]) -> tuple[str, ...]:
    forms: set[str] = set()
    for name in names:
        forms |= lexicon.case_forms(name)
    return tuple(sorted(forms))


class Gazetteer:
    """Finds listed and patterned names and settles them against the NER's spans."""

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_gazetteer",
        state_window: int = STATE_WINDOW,
        keyword_window: int = KEYWORD_WINDOW,
        max_initiative_words: int = MAX_INITIATIVE_WORDS,
    ) -> None:
        self.name = name
        self.state_window = state_window
        self.keyword_window = keyword_window
        self.max_initiative_words = max_initiative_words
        # the lists are files under the package (kg/data), read once here
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, forms in lexicon.name_forms().items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(forms)))
        for head in lexicon.STATE_BOUND:
            self.heads.add(head, [nlp.make_doc(f) for f in _forms((head,))])

    # -- finding -------------------------------------------------------------------------------------------
    def _listed(self, doc: Doc) -> list[Candidate]:
        table = lexicon.by_key()
        found = []
        for match_id, start, end in self.matcher(doc):
            entry = table[doc.vocab.strings[match_id]]
            found.append(Candidate(start, end, entry.type, "gazetteer", entry.key, entry.label))
        return found

    @staticmethod
    def _dateline(doc: Doc) -> list[Candidate]:
        """The place of a dateline («ПЕКИН, 29 октября. /ТАСС/.»), which the NER often misses in capitals."""
        found = find_dateline(doc.text)
        span = doc.char_span(found.place_start, found.place_end) if found is not None else None
        if span is None:
            return []
        norm = " ".join(w.capitalize() if w.isupper() else w for w in span.text.split(" "))
        norm = "-".join(p[:1].upper() + p[1:] for p in norm.split("-"))
        return [Candidate(span.start, span.end, "Place", "pattern", "", norm)]

    def _state_bound(self, doc: Doc, states: list[Candidate]) -> list[Candidate]:
        found = []
        for match_id, start, end in self.heads(doc):
            head = doc.vocab.strings[match_id]
            if head in _NEEDS_CAPITAL and not doc[start].text[:1].isupper():
                continue  # «правительство страны» is a description; «Правительство России» a name
            prefix = lexicon.STATE_BOUND[head][0]
            sent = doc[start].sent
            near = end + self.state_window
            after = [s for s in states if end <= s.start <= near and s.start < sent.end]
            nxt = min(after, key=lambda s: s.start, default=None)
            if nxt is None:
                continue
            key = f"organization/{prefix}-{nxt.key.split('/', 1)[1]}"
            norm = lexicon.lookup(key).label
            # «МИД Казахстана» is one mention of the ministry; the state inside it is kept as a nested mention
            whole = nxt.start == end
            found.append(
                Candidate(
                    start,
                    nxt.end if whole else end,
                    "Organization",
                    "pattern",
                    key,
                    norm,
                    nested=nxt if whole else None,
                )
            )
        return found

    def find(self, doc: Doc) -> list[Candidate]:
        """Every accepted entity candidate, overlaps settled: the longest wins, lists and patterns on ties."""
        listed = self._listed(doc)
        states = [c for c in listed if c.type == "State"]
        bound = self._state_bound(doc, states)
        pattern = (
            quoted_initiatives(doc, self.keyword_window)
            + phrase_initiatives(doc, self.max_initiative_words)
            + bound
            + self._dateline(doc)
        )
        # «МИД Казахстана» read by the NER as one organisation becomes the ministry and the state
        heads = {c.start for c in bound}
        ner = [
            Candidate(e.start, e.end, NER_TYPES.get(e.label_, "Place"), e.id_ or "ner", e.kb_id_ or "")
            for e in doc.ents
            if e.label_ in NER_TYPES and e.start not in heads
        ]
        ner = [part for c in ner for part in _two_names(doc, c)]
        # a person's name does not begin with a state's: «(король) Эсватини Мсвати III» is the state and the name
        state_ends = {c.start: c.end for c in states}
        ner = [
            Candidate(state_ends[c.start], c.end, c.type, c.source, c.key)
            if c.type == "Person"
            and state_ends.get(c.start, c.end) < c.end
            and doc[state_ends[c.start]].text[:1].isupper()
            else c
            for c in ner
        ]
        rank = {"gazetteer": 0, "pattern": 1}
        ordered = sorted(
            pattern + listed + ner, key=lambda c: (-c.length, rank.get(c.source, 2), c.start, c.key)
        )
        taken = [False] * len(doc)
        credits = [(m.start(), m.end()) for m in CREDIT.finditer(doc.text)] + boilerplate_spans(doc.text)
        for a, b in credits:
            for tok in doc.char_span(a, b, alignment_mode="expand") or ():
                taken[tok.i] = True  # nor is a name met elsewhere in the article found again there
        accepted = []
        for cand in ordered:
            if any(taken[cand.start : cand.end]) or not (is_actor(doc, cand) or _outlet(doc, cand)):
                continue
            for i in range(cand.start, cand.end):
                taken[i] = True
            accepted.append(cand)
        accepted += self._abbreviations(doc, taken, accepted)
        accepted += self._propagated_persons(doc, taken, accepted)
        return sorted(accepted, key=lambda c: c.start)

    @staticmethod
    def _abbreviations(doc: Doc, taken: list[bool], accepted: list[Candidate]) -> list[Candidate]:
        """An organisation's abbreviation given in brackets after its name («Комитет защиты журналистов (КЗЖ)»)
        is an organisation there and wherever the article uses it again."""
        ends = {c.end: c for c in accepted if c.type == "Organization"}
        short: dict[str, Candidate] = {}
        for end, org in ends.items():
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                word = doc[end + 1]
                if _ABBREVIATION.match(word.text) and not taken[word.i]:
                    short.setdefault(word.text, org)
        found = []
        for tok in doc:
            org = short.get(tok.text)
            if org is not None and not taken[tok.i]:
                taken[tok.i] = True
                found.append(Candidate(tok.i, tok.i + 1, "Organization", "pattern", org.key))
        return found

    @staticmethod
    def _propagated_persons(doc: Doc, taken: list[bool], accepted: list[Candidate]) -> list[Candidate]:
        """A surname met again in the same article names the same person, also where the NER missed it
        («А. Серикбаев отметил …» after «Аскаром Серикбаевым»)."""
        surnames = set()
        for c in accepted:
            if c.type == "Person" and c.length >= 2:
                last = doc[c.end - 1]
                if last.is_alpha and len(last.text) >= MIN_SURNAME:
                    surnames.add(last.lemma_.lower())
                    surnames.add(last.lower_)
        found = []
        for tok in doc:
            if taken[tok.i] or not tok.is_alpha or not tok.text[:1].isupper() or len(tok.text) < MIN_SURNAME:
                continue
            if tok.lower_ not in surnames and tok.lemma_.lower() not in surnames:
                continue
            start = tok.i
            while start > 0 and not taken[start - 1] and _INITIAL.match(doc[start - 1].text):
                start -= 1
            for i in range(start, tok.i + 1):
                taken[i] = True
            found.append(Candidate(start, tok.i + 1, "Person", "ner"))
        return found

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        """Replace ``doc.ents`` with the accepted candidates; nested names go to ``doc.spans["kg_nested"]``."""
        nested = []
        for cand in found:
            if cand.nested is not None:
                inner = cand.nested
                nested.append(
                    Span(doc, inner.start, inner.end, label=inner.type, kb_id=inner.key, span_id=inner.source)
                )
        doc.spans["kg_nested"] = nested
        doc.spans[SKIPPED] = [
            span
            for a, b in boilerplate_spans(doc.text)
            if (span := doc.char_span(a, b, alignment_mode="expand")) is not None
        ]
        for cand, span in zip([c.nested for c in found if c.nested is not None], doc.spans["kg_nested"]):
            span._.kg_norm = cand.norm
        ents = []
        for cand in found:
            span = Span(doc, cand.start, cand.end, label=cand.type, kb_id=cand.key, span_id=cand.source)
            ents.append(span)
        doc.ents = ents
        for cand, span in zip(found, doc.ents):
            if cand.norm:
                span._.kg_norm = cand.norm

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "kg_gazetteer",
    assigns=["doc.ents", "span._.kg_norm"],
    default_config={
        "state_window": STATE_WINDOW,
        "keyword_window": KEYWORD_WINDOW,
        "max_initiative_words": MAX_INITIATIVE_WORDS,
    },
)
def make_gazetteer(
    nlp: Language, name: str, state_window: int, keyword_window: int, max_initiative_words: int
) -> Gazetteer:
    """Factory of the gazetteer and pattern component."""
    return Gazetteer(nlp, name, state_window, keyword_window, max_initiative_words)
