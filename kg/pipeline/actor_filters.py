"""What is no actor: generic words, diseases, web addresses, photo credits, misread listed names."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg import lexicon
from kg.folding import fold
from kg.morphology import morph_analyzer
from kg.pipeline.candidates import Candidate

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
# photo credits and bylines: «© AP Photo/ John Doe», «Фото: …» up to the end of the line
CREDIT = re.compile(
    r"(©|\(c\)|\b(Фото|Photo|Foto)\s*[:/—-]|\bAP Photo\b|Getty Images|Shutterstock)[^\n]*", re.IGNORECASE
)


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


def is_actor(doc: Doc, cand: Candidate) -> bool:
    """Whether a candidate names an actor: not a generic word, a disease, a web address or a misread word."""
    span = doc[cand.start : cand.end]
    text = span.text.strip()
    if not text or not any(c.isalpha() for c in text):
        return False
    if cand.source == "gazetteer" and not shape_ok(text, cand.key):
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


def shape_ok(text: str, key: str) -> bool:
    """A listed proper name must be capitalised as a name is («того» is not Togo, «кнр» is no state)."""
    entry = lexicon.by_key()[key]
    lower = fold(text)
    if any(n.isupper() and fold(n) == lower for n in entry.names):
        return text.isupper()
    if entry.type in ("State", "Person", "Place"):
        return text[:1].isupper()
    return True
