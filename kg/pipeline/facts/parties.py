"""Who a figure is between: the two states of a bilateral figure, the donor and recipient of what is given."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.folding import fold, unyo
from kg.lexicon import lookup
from kg.pipeline.cues import (
    Group,
    actor_groups,
    ent_key,
    governor,
    group_governor,
    lemma,
    main_states,
    nearest_mention,
)
from kg.pipeline.facts.clauses import children, clause_verbs
from kg.pipeline.facts.indicators import CARRIERS
from kg.pipeline.syntax import dep_of, head_of

# indicators with a giver and a taker, read as donor and recipient
_GIVEN = {"Aid", "Loan"}
# verbs whose subject takes what is given («Кыргызстан получит кредит»)
_RECEIVE = {"получить", "получать", "привлечь", "привлекать", "взять", "брать"}
_RECEIVE_NOUNS = {"получение", "привлечение"}
# words that make the figure one between the two states the article is about
_BILATERAL_ADJ = ("двусторонний", "взаимный", "обоюдный")
_PAIR_WORDS = {
    "два",
    "две",
    "двух",
    "двумя",
    "оба",
    "обе",
    "обеих",
    "обоих",
    "обеими",
    "наш",
    "наших",
    "нашими",
}
_SIDE_NOUNS = {"страна", "государство", "сторона"}


def adjective_states(doc: Doc, tok: Token) -> list[Span]:
    """States named by the adjectives right before a word («китайская сторона», «российско-китайский
    товарооборот», which the tokenizer may split in three)."""
    out: list[Span] = []
    i = tok.i - 1
    while i >= 0 and (
        doc[i].pos_ == "ADJ"
        or doc[i].text in ("-", "–")
        or doc[i].lower_.endswith(("ско", "цко"))
        and i + 1 < len(doc)
        and doc[i + 1].text in ("-", "–")
    ):
        for part in doc[i].lower_.split("-"):
            ent = _state_of_word(doc, part, i)
            if ent is not None and all(ent_key(ent) != ent_key(o) for o in out):
                out.append(ent)
        i -= 1
    return out


def _state_of_word(doc: Doc, word: str, near: int) -> Span | None:
    if not re.search(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|ую|им|их|ими|ом|о)$", word):
        return None
    best: tuple[int, int, Span] | None = None
    for ent in doc.ents:
        if ent.label_ != "State":
            continue
        names = [ent._.kg_norm or ent.text]
        entry = lookup(ent.kb_id_) if ent.kb_id_ else None
        if entry is not None:
            names += list(entry.names)
        common = max(len(_common_prefix(unyo(word), fold(n))) for n in names)
        if common < 4:
            continue
        score = (-common, abs(ent.start - near))
        if best is None or score < best[:2]:
            best = (*score, ent)
    return best[2] if best is not None else None


def _bilateral(sent: Span) -> bool:
    """Whether the sentence says the figure is the two sides' own: «двусторонний», «между двумя странами»."""
    doc = sent.doc
    for tok in sent:
        lem = lemma(tok)
        if lem.startswith(_BILATERAL_ADJ):
            return True
        if lem in _SIDE_NOUNS and "Plur" in tok.morph.get("Number"):
            before = doc[max(sent.start, tok.i - 2) : tok.i]
            if any(t.lower_ in _PAIR_WORDS or lemma(t) in _PAIR_WORDS or t.lower_ == "между" for t in before):
                return True
    return False


def figure_parties(
    doc: Doc, sent: Span, ind: Token, concept: str, skip: set[int], amount_tokens: set[int]
) -> tuple[list[Span], list[str | None]]:
    """The actors a figure is between, with their roles (donor, recipient) for what is given."""
    groups = [
        g
        for g in actor_groups(sent)
        if not any(g.start <= i < g.end for i in skip) and g.actor.label_ in ("State", "Organization")
    ]
    if concept in _GIVEN or concept == "Investment":
        donor, recipient = _roles(doc, sent, ind, groups, concept, amount_tokens)
        if donor is not None or recipient is not None:
            pair = [donor, recipient]
            if None in pair:
                known = donor if donor is not None else recipient
                two = main_states(doc)
                keys = [ent_key(s) for s in two]
                if known is not None and ent_key(known) in keys:
                    other = two[1 - keys.index(ent_key(known))]
                    other = nearest_mention(doc, ent_key(other), ind.i) or other
                    pair = [known, other] if donor is not None else [other, known]
            roles: list[str | None] = ["donor", "recipient"] if concept in _GIVEN else [None, None]
            kept = [(e, r) for e, r in zip(pair, roles) if e is not None]
            if len(kept) == 2 and ent_key(kept[0][0]) == ent_key(kept[1][0]):
                kept = kept[:1]
            return [e for e, _ in kept], [r for _, r in kept]
    states: dict[str, Span] = {}
    for e in sent.ents:
        if e.label_ == "State" and not any(e.start <= i < e.end for i in skip):
            states.setdefault(ent_key(e), e)
    for e in adjective_states(doc, ind):
        states.setdefault(ent_key(e), e)
    if len(states) >= 2:
        return list(states.values())[:2], [None, None]
    if _bilateral(sent):
        two = main_states(doc)
        if two and (not states or set(states) <= {ent_key(s) for s in two}):
            return [nearest_mention(doc, ent_key(s), ind.i) or s for s in two], [None, None]
    return list(states.values()), [None] * len(states)


def _roles(
    doc: Doc, sent: Span, ind: Token, groups: list[Group], concept: str, amount_tokens: set[int]
) -> tuple[Span | None, Span | None]:
    """(donor, recipient) of a grant, a loan, aid or an investment, read from the clause of the indicator."""
    verb = governor(ind)
    verbs = {v.i for v in clause_verbs(verb, children(sent))}
    # the clause's subject and dative are the giver and the taker only when what is given is the verb's own
    # object, maybe through «в размере», «на сумму» or «о выделении» (not «получать нефть в обмен на кредиты»)
    path, tok = [], ind
    while head_of(tok).i != tok.i and tok.i != verb.i and len(path) < 8:
        tok = head_of(tok)
        path.append(tok)
    direct = all(t.i == verb.i or t.i in amount_tokens or lemma(t) in CARRIERS for t in path)
    receiving = lemma(verb) in _RECEIVE or any(lemma(t) in _RECEIVE_NOUNS for t in path)
    donor = recipient = None
    for g in groups:
        ent = g.actor
        gv = group_governor(g)
        if head_of(ent.root if ent.root.i < g.end else doc[g.start]).i == ind.i or any(
            head_of(t).i == ind.i for t in ent
        ):
            # «кредит Всемирного банка», «помощь Японии», «инвестиции в Казахстан», «грант Кыргызстану»
            if g.case == "Dat" and not g.prep or g.prep in ("для", "в", "во"):
                recipient = recipient or ent
            elif g.case == "Gen" and not g.prep or g.prep in ("от", "из"):
                donor = donor or ent
            continue
        if gv.i not in verbs or not direct:
            continue
        if g.case == "Nom" and not g.prep:
            if receiving:
                recipient = recipient or ent
            else:
                donor = donor or ent
        elif g.case == "Dat" and not g.prep or g.prep == "для":
            recipient = recipient or ent
        elif g.prep in ("от", "из") or g.prep == "со" and "сторон" in doc[g.start - 1 : g.end].text:
            donor = donor or ent
        elif concept == "Investment" and g.prep in ("в", "во") and g.case == "Acc":
            recipient = recipient or ent
    # «китайская сторона выделит …», «японская помощь», «китайские инвестиции»
    for tok in sent:
        if tok.i == ind.i or lemma(tok) in ("сторона", "правительство", "инвестор", "компания", "банк"):
            if tok.i != ind.i and (governor(tok).i not in verbs or not direct):
                continue
            if tok.i != ind.i and dep_of(tok).split(":")[0] != "nsubj":
                continue
            states = adjective_states(doc, tok)
            if len(states) == 1:
                if receiving and tok.i != ind.i:
                    recipient = recipient or states[0]
                else:
                    donor = donor or states[0]
    if donor is not None and recipient is not None and ent_key(donor) == ent_key(recipient):
        recipient = None
    return donor, recipient


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
