"""Partnership levels, in the nominative: the words that name one («до всестороннего партнерства»)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.folding import unyo
from kg.morphology import morph_analyzer, nominative
from kg.pipeline.cues import governor, lemma
from kg.pipeline.events.lexicon import DOCUMENTS, LEVEL_WORDS, SIGN_VERBS

# how far after an upgrade cue its «до …», «уровень …» or «партнерство» may stand
LEVEL_WINDOW = 12
# how many words before a document noun a «подписание» may stand («подписание совместного заявления о …»)
SIGNING_WINDOW = 3


def _agree(adj: str, head: object) -> str:
    """An adjective put in the nominative in the gender and number of its (nominative) head noun."""
    parses = [p for p in morph_analyzer().parse(adj) if p.tag.POS in ("ADJF", "PRTF")]
    if not parses or head is None:
        return adj
    want = {"nomn", "plur"} if head.tag.number == "plur" else {"nomn", head.tag.gender or "masc", "sing"}
    form = parses[0].inflect(want)
    return form.word if form is not None else adj


def level_phrase(tokens: list[Token]) -> str | None:
    """The partnership level a run of words names, in the nominative as a whole, up to its first noun.

    The words after «до» or «уровень» («до долговременного всестороннего стратегического партнерства»):
    the head noun goes to the nominative and every adjective before it agrees with it, read by pymorphy3 even
    when the tagger gave an adjective no case («всепогодного партнерства» → «всепогодное партнерство»).
    """
    run = []
    for tok in tokens:
        if tok.pos_ in ("ADJ", "CCONJ", "NOUN", "PROPN") or tok.text == ",":
            run.append(tok)
            if tok.pos_ in ("NOUN", "PROPN"):
                break
        else:
            break
    if not run or run[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = run[-1]
    head_word = nominative(noun.text, "NOUN", noun.morph.to_dict()).lower()
    head = next(
        (p for p in morph_analyzer().parse(head_word) if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None
    )
    words = []
    for tok in run[:-1]:
        if tok.pos_ == "ADJ":
            words.append(_agree(tok.lower_, head).lower())
        elif tok.pos_ in ("NOUN", "PROPN"):
            words.append(nominative(tok.text, "NOUN", tok.morph.to_dict()).lower())
        else:
            words.append(tok.lower_)
    words.append(head_word)
    if words[-1] in ("уровень", "отношение", "отношения") or len(words) < 2:
        return None
    return unyo(" ".join(words).replace(" ,", ","))


def document_level(tok: Token) -> int | None:
    """Where the level words before a partnership noun start, when a signed document is about it.

    «подписали совместное заявление о всеобъемлющем стратегическом партнерстве»: adjectives one of which
    names a level (LEVEL_WORDS), «о» before them, a document noun before «о», and a signing or adopting
    verb that governs the document (or «подписание» just before it).
    """
    doc, sent = tok.doc, tok.sent
    j = tok.i
    while j > sent.start and (
        doc[j - 1].pos_ == "ADJ"
        or doc[j - 1].lower_ in ("и", ",")
        and j - 1 > sent.start
        and doc[j - 2].pos_ == "ADJ"
    ):
        j -= 1
    if not any(lemma(t) in LEVEL_WORDS for t in doc[j : tok.i]):
        return None
    k = j - 2  # the document noun, before «о»
    if k < sent.start or doc[j - 1].lower_ not in ("о", "об") or lemma(doc[k]) not in DOCUMENTS:
        return None
    near = {lemma(t) for t in doc[max(sent.start, k - SIGNING_WINDOW) : k]}
    return j if lemma(governor(doc[k])) in SIGN_VERBS or "подписание" in near else None


def level_of(tok: Token) -> str | None:
    """The level an upgrade cue names: after «до» or «уровень», or the partnership noun it governs."""
    doc = tok.doc
    sent = tok.sent
    if lemma(tok) == "партнерство":
        # «заявление о всеобъемлющем стратегическом партнерстве»: the level is the partnership itself
        start = document_level(tok)
        return level_phrase(list(doc[start : tok.i + 1])) if start is not None else None
    for i in range(tok.i + 1, min(sent.end, tok.i + LEVEL_WINDOW)):
        t = doc[i]
        if t.lower_ == "до":
            return level_phrase(list(doc[i + 1 : sent.end]))
        if lemma(t) == "уровень" and i + 1 < sent.end:
            got = level_phrase(list(doc[i + 1 : sent.end]))
            if got:
                return got
        if lemma(t) == "партнерство":
            j = i
            while j > tok.i + 1 and doc[j - 1].pos_ == "ADJ":
                j -= 1
            return level_phrase(list(doc[j : i + 1]))
    return None
