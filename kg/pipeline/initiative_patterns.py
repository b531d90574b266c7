"""Initiatives found by pattern: a quoted name after an initiative keyword, or a keyword phrase
(«инициатива по …», capitalised adjectives before «программа»)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.morphology import nominative
from kg.pipeline.candidates import Candidate

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
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"\n]{2,90}?)[»”“\"]")

#: How many tokens before a quoted name are searched for the keyword: «инициативу … Китая по …» puts a few
#: words between them, and further back the keyword belongs to another phrase.
KEYWORD_WINDOW = 7
#: The most words a keyword phrase's name runs to after the keyword: a longer run is the sentence going on.
MAX_INITIATIVE_WORDS = 10


def quoted_initiatives(doc: Doc, reach: int = KEYWORD_WINDOW) -> list[Candidate]:
    """Quoted names after a keyword that names an initiative («программа «Цифровой …»»)."""
    found = []
    for m in _QUOTED.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or not any(c.isalpha() for c in span.text):
            continue
        window = doc[max(span.sent.start, span.start - reach) : span.start]
        # the common noun nearest before the name says what it names: «инициативе … партии «Родина»» is a
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


def phrase_initiatives(doc: Doc, max_words: int = MAX_INITIATIVE_WORDS) -> list[Candidate]:
    """A keyword phrase: «инициатива по развитию морских портов», «Российско-индийская программа …»."""
    found = []
    for tok in doc:
        if tok.lemma_ not in INITIATIVE_WORDS:
            continue
        left = tok.i
        # capitalised adjectives before the keyword, hyphenated compounds included («Российско-индийская»)
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
            and end - right < max_words
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
