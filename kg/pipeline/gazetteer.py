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
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg import lexicon
from kg.dateline import find_dateline
from kg.morphology import morph_analyzer, nominative
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

# words that name no one in particular
GENERIC = {
    "сми",
    "мид",
    "цк",
    "правительство",
    "министерство",
    "парламент",
    "госсовет",
    "посольство",
    "администрация",
    "ведомство",
    "пресс-служба",
    "кабмин",
    "минобороны",
    "минфин",
    "минэкономики",
}
_NOT_ACTOR = re.compile(
    r"(?i)^(covid|sars|mers|ковид|коронавирус|вич\b|спид\b|эбол|грипп|пандеми|эпидеми)|https?://|www\.|"
    r"\.(kz|ru|com|org|net|cn|uz|kg|info|io|su|by|ua|tj)\b|@"
)
# photo credits and bylines: «© AP Photo/ Tatan Syuflana», «Фото: …» up to the end of the line
_CREDIT = re.compile(
    r"(©|\(c\)|\b(Фото|Photo|Foto)\s*[:/—-]|\bAP Photo\b|Getty Images|Shutterstock)[^\n]*", re.IGNORECASE
)

# the keywords after which a quoted or capitalised name is an initiative
INITIATIVE_WORDS = {
    "инициатива",
    "программа",
    "госпрограмма",
    "проект",
    "формат",
    "механизм",
    "стратегия",
    "концепция",
    "план",
    "доктрина",
    "платформа",
    "диалог",
    "мегапроект",
}
_CAP_INITIATIVE_HEADS = {"программа", "инициатива", "проект", "стратегия", "концепция", "госпрограмма"}
_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$")
SKIPPED = "kg_skipped"  # doc.spans group: the lines no entity is taken from
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"\n]{2,90}?)[»”“\"]")


def _proper_word(word: str) -> bool:
    """Whether pymorphy3 reads a capitalised word first as a name, a place or an abbreviation."""
    if word.isupper():
        return True
    parses = morph_analyzer().parse(word)
    return (
        not parses
        or bool({"Geox", "Name", "Surn", "Orgn", "Abbr", "Trad"} & parses[0].tag.grammemes)
        or parses[0].methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer"
    )


_NEEDS_CAPITAL = {"правительство", "парламент", "посольство", "генконсульство"}


@dataclass(frozen=True)
class Candidate:
    """A span proposed as an entity, before overlaps are settled."""

    start: int  # token offsets
    end: int
    type: str
    source: str
    key: str = ""
    norm: str | None = None
    nested: Candidate | None = None  # a state named inside this span («МИД РК» → «РК»)

    @property
    def length(self) -> int:
        return self.end - self.start


@cache
def _forms(names: tuple[str, ...]) -> tuple[str, ...]:
    forms: set[str] = set()
    for name in names:
        forms |= lexicon.case_forms(name)
    return tuple(sorted(forms))


class Gazetteer:
    """Finds listed and patterned names and settles them against the NER's spans."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer") -> None:
        self.name = name
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

    def _quoted_initiatives(self, doc: Doc) -> list[Candidate]:
        found = []
        for m in _QUOTED.finditer(doc.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
            if span is None or not any(c.isalpha() for c in span.text):
                continue
            window = doc[max(span.sent.start, span.start - 7) : span.start]
            # the common noun nearest before the name says what it names: «инициативе … партии «Яблоко»» is a
            # party («инициатива Китая «…»» is still an initiative: a name in between does not count)
            nearest = next(
                (t for t in reversed(list(window)) if t.pos_ == "NOUN" and t.is_alpha and not t.ent_type_),
                None,
            )
            if (
                nearest is not None
                and nearest.lemma_ not in INITIATIVE_WORDS
                and nearest.lower_ not in INITIATIVE_WORDS
            ):
                continue
            if any(t.lemma_ in INITIATIVE_WORDS or t.lower_ in INITIATIVE_WORDS for t in window):
                text = span.text.strip()
                label = text[0].upper() + text[1:]
                found.append(Candidate(span.start, span.end, "Initiative", "pattern", "", label))
        return found

    def _phrase_initiatives(self, doc: Doc) -> list[Candidate]:
        """«инициатива по глобальной безопасности данных», «Китайско-казахстанская программа …»."""
        found = []
        for tok in doc:
            if tok.lemma_ not in INITIATIVE_WORDS:
                continue
            left = tok.i
            # capitalised adjectives before the keyword, hyphenated compounds included («Китайско-казахстанская»)
            while left > tok.sent.start and (
                doc[left - 1].pos_ == "ADJ"
                or doc[left - 1].text == "-"
                and not doc[left - 1].whitespace_
                or doc[left].text == "-"
                and not doc[left - 1].whitespace_
            ):
                left -= 1
            while left < tok.i and not (
                doc[left].text[:1].isupper()
                and doc[left].is_alpha
                and (left > tok.sent.start or "-" in doc[left : tok.i].text)
            ):
                left += 1
            after = tok.i + 1
            if tok.lemma_ == "инициатива" and after < len(doc) and doc[after].lower_ in ("по", "о"):
                right = after + 1
            elif left < tok.i and tok.lemma_ in _CAP_INITIATIVE_HEADS:
                right = after
            else:
                continue
            end = right
            while (
                end < tok.sent.end
                and (
                    doc[end].pos_ in ("NOUN", "ADJ", "PROPN", "NUM")
                    and "Short" not in doc[end].morph.get("Variant")
                    or doc[end].lower_ == "из"
                    and end + 1 < len(doc)
                    and doc[end + 1].pos_ in ("NOUN", "NUM")
                    or doc[end].text == "-"
                    and not doc[end - 1].whitespace_
                    and not doc[end].whitespace_
                )
                and end - right < 10
            ):
                end += 1
            while end > right and doc[end - 1].pos_ != "NOUN" and doc[end - 1].pos_ != "PROPN":
                end -= 1  # a name ends on its noun
            if end == right or not any(doc[i].pos_ in ("NOUN", "PROPN") for i in range(right, end)):
                continue
            head = "".join(
                (nominative(t.text, t.pos_, t.morph.to_dict()) if t.pos_ in ("ADJ", "NOUN") else t.text)
                + t.whitespace_
                for t in doc[left : tok.i + 1]
            )
            label = head[:1].upper() + head[1:] + doc[tok.i + 1 : end].text
            found.append(Candidate(left, end, "Initiative", "pattern", "", label))
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
            after = [s for s in states if s.start >= end and s.start < sent.end and s.start - end <= 8]
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
        pattern = self._quoted_initiatives(doc) + self._phrase_initiatives(doc) + bound + self._dateline(doc)
        # «МИД Казахстана» read by the NER as one organisation becomes the ministry and the state
        heads = {c.start for c in bound}
        ner = [
            Candidate(e.start, e.end, NER_TYPES.get(e.label_, "Place"), e.id_ or "ner", e.kb_id_ or "")
            for e in doc.ents
            if e.label_ in NER_TYPES and e.start not in heads
        ]
        rank = {"gazetteer": 0, "pattern": 1}
        ordered = sorted(
            pattern + listed + ner, key=lambda c: (-c.length, rank.get(c.source, 2), c.start, c.key)
        )
        taken = [False] * len(doc)
        credits = [(m.start(), m.end()) for m in _CREDIT.finditer(doc.text)] + boilerplate_spans(doc.text)
        for a, b in credits:
            for tok in doc.char_span(a, b, alignment_mode="expand") or ():
                taken[tok.i] = True  # nor is a name met elsewhere in the article found again there
        accepted = []
        for cand in ordered:
            if any(taken[cand.start : cand.end]) or not self._is_actor(doc, cand):
                continue
            for i in range(cand.start, cand.end):
                taken[i] = True
            accepted.append(cand)
        accepted += self._propagated_persons(doc, taken, accepted)
        return sorted(accepted, key=lambda c: c.start)

    @staticmethod
    def _propagated_persons(doc: Doc, taken: list[bool], accepted: list[Candidate]) -> list[Candidate]:
        """A surname met again in the same article names the same person, also where the NER missed it
        («М. Тлеуберди отметил …» after «Мухтаром Тлеуберди»)."""
        surnames = set()
        for c in accepted:
            if c.type == "Person" and c.length >= 2:
                last = doc[c.end - 1]
                if last.is_alpha and len(last.text) > 3:
                    surnames.add(last.lemma_.lower())
                    surnames.add(last.lower_)
        found = []
        for tok in doc:
            if taken[tok.i] or not tok.is_alpha or not tok.text[:1].isupper() or len(tok.text) < 4:
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

    @staticmethod
    def _is_actor(doc: Doc, cand: Candidate) -> bool:
        span = doc[cand.start : cand.end]
        text = span.text.strip()
        if not text or not any(c.isalpha() for c in text):
            return False
        if cand.source == "gazetteer" and not Gazetteer._shape_ok(text, cand.key):
            return False
        if (
            cand.source == "gazetteer"
            and span.start == span.sent.start
            and cand.length == 1
            and not _proper_word(span[0].text)
        ):
            return False  # «Того и гляди»: a capital letter at a sentence's start proves nothing
        if cand.source == "ner":
            if text.lower() in GENERIC or _NOT_ACTOR.search(text):
                return False
            if cand.type == "Person" and (not text[0].isupper() or any(c.isdigit() for c in text)):
                return False
        return True

    @staticmethod
    def _shape_ok(text: str, key: str) -> bool:
        """A listed proper name must be capitalised as a name is («того» is not Togo, «кнр» is no state)."""
        entry = lexicon.by_key()[key]
        lower = text.lower().replace("ё", "е")
        if any(n.isupper() and n.lower().replace("ё", "е") == lower for n in entry.names):
            return text.isupper()
        if entry.type in ("State", "Person", "Place"):
            return text[:1].isupper()
        return True

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


@Language.factory("kg_gazetteer", assigns=["doc.ents", "span._.kg_norm"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """Factory of the gazetteer and pattern component."""
    return Gazetteer(nlp, name)
