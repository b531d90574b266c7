"""Indicator words and which one an amount belongs to: «товарооборот … составил $5 млрд» → TradeTurnover."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.pipeline.cues import lemma, post_words
from kg.pipeline.facts.clauses import clause_verbs, within
from kg.pipeline.syntax import dep_of, head_of, span_root

#: Indicator words by lemma: the concepts of ``dip:IndicatorScheme`` (a grant is aid given, a credit a loan).
INDICATORS = {
    "товарооборот": "TradeTurnover",
    "торговля": "TradeTurnover",
    "оборот": "TradeTurnover",  # only «торговый / внешнеторговый оборот», see _indicator_tokens
    "инвестиция": "Investment",
    "инвестирование": "Investment",
    "вложение": "Investment",
    "капиталовложение": "Investment",
    "инвестировать": "Investment",
    "вложить": "Investment",
    "вкладывать": "Investment",
    "экспорт": "Export",
    "импорт": "Import",
    "помощь": "Aid",
    "грант": "Aid",
    "кредит": "Loan",
    "кредитный": "Loan",  # «кредитная линия», «кредитное соглашение на …»
    "кредитовать": "Loan",
    "заем": "Loan",
    "займ": "Loan",
}
# words before an indicator that make it part of a name: «министр торговли», «Министерство торговли»
_NAME_HEADS = {
    "министр",
    "министерство",
    "минист",
    "палата",
    "комитет",
    "комиссия",
    "департамент",
    "ведомство",
    "управление",
    "организация",
    "представительство",
    "миссия",
    "агентство",
    "фонд",
    "банк",
    "центр",
    "дом",
    "совет",
    "отдел",
}
# nouns that may stand between a giving verb and what is given: «выделит грант в размере …», «о выделении гранта»
CARRIERS = {
    "размер",
    "сумма",
    "объем",
    "вид",
    "качество",
    "форма",
    "выделение",
    "предоставление",
    "оказание",
    "передача",
    "направление",
    "получение",
    "привлечение",
}
# nouns an amount may hang from and still be the indicator's: «вышел на уровень в $2 млрд»
_VALUE_NOUNS = {"показатель", "уровень", "отметка", "рекорд", "значение", "величина", "итог"}

#: Tokens an indicator may stand before its amount in the same stretch («экспорт зерна за полгода составил …»),
#: and after it («200 млн юаней в виде гранта»).
GAP_BEFORE, GAP_AFTER = 12, 3
#: Words between an indicator and an amount right after it: «кредит на сумму в …».
LEAD_IN = 3


def indicator_tokens(sent: Span) -> list[tuple[Token, str]]:
    """The indicator words of a sentence that are not part of a name or a phrase such as «с помощью»."""
    out = []
    for tok in sent:
        lem = lemma(tok)
        if lem not in INDICATORS:
            continue
        # inside a name («Министерство торговли»); an indicator word alone tagged as a name is the NER's slip
        # («Товарооборот» opening a sentence read as a Place)
        if tok.ent_type_ and any(e.start <= tok.i < e.end and len(e) > 1 for e in sent.ents):
            continue
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        prev_lem = lemma(prev) if prev is not None else ""
        if prev_lem in _NAME_HEADS or prev_lem in post_words() and lem != "помощь":
            continue
        if lem == "помощь" and prev is not None and prev.lower_ in ("с", "со", "при"):
            continue
        if lem == "оборот" and not any(
            lemma(t).startswith(("торгов", "внешнеторгов"))
            for t in tok.doc[max(sent.start, tok.i - 2) : tok.i + 2]
        ):
            continue
        if (
            lem == "кредитный"
            and tok.i + 1 < sent.end
            and lemma(tok.doc[tok.i + 1]) in ("рейтинг", "история")
        ):
            continue
        out.append((tok, INDICATORS[lem]))
    return out


# «за январь-июнь»
_GAP_PUNCT = {"—", "–", "-", "«", "»", '"', "%"}


def _carries(tok: Token) -> bool:
    """Whether a noun only carries an amount on to the word above it: «в размере», «на сумму», «показателя»."""
    return lemma(tok) in CARRIERS or lemma(tok) in _VALUE_NOUNS


def _owner(span: Span) -> Token | None:
    """The first noun above an amount that is not a carrier: what the parse says the amount is of."""
    tok, seen = span_root(span), set()
    while tok.i not in seen:
        seen.add(tok.i)
        head = head_of(tok)
        if head.i == tok.i or head.pos_ in ("VERB", "AUX"):
            return None
        if head.pos_ in ("NOUN", "PROPN") and not _carries(head) and not span.start <= head.i < span.end:
            return head
        tok = head
    return None


def link(
    sent: Span,
    span: Span,
    indicators: list[tuple[Token, str]],
    kids: dict[int, list[Token]],
    skip: set[int],
) -> tuple[Token, str] | None:
    """(indicator word, concept) of an amount's tokens, or None."""
    by_i = {t.i: c for t, c in indicators}
    inside = set(range(span.start, span.end))
    # right after its indicator, maybe through «в», «на сумму», «в размере»: «кредит в 1 млрд юаней»
    for i in range(span.start - 1, max(sent.start, span.start - LEAD_IN - 1) - 1, -1):
        if i in by_i:
            return sent.doc[i], by_i[i]
        word = sent.doc[i]
        if not (word.pos_ == "ADP" or _carries(word) or word.text in ("—", "–")):
            break
    # «25 млрд долларов кредитов»: the indicator depends on the amount
    for i in inside:
        for c in kids.get(i, []):
            if c.i in by_i and c.i not in inside:
                return c, by_i[c.i]
    tok, seen = span_root(span), set()
    while tok.i not in seen:
        seen.add(tok.i)
        head = head_of(tok)
        if head.i == tok.i or not sent.start <= head.i < sent.end:
            break
        if head.i in by_i:
            return head, by_i[head.i]
        if head.pos_ in ("NOUN", "PROPN") and not _carries(head):
            break  # «контракт на $5 млрд», «проект стоимостью …»: the amount is that thing's
        if head.pos_ in ("VERB", "AUX"):
            # the verb's subject (with its complements: «объем торговли»), else its objects; the subject
            # of the verb it is conjoined with when it has none
            for verb in clause_verbs(head, kids):
                if verb.i in by_i:
                    return verb, by_i[verb.i]
                for rels, depth in (("nsubj",), 2), (("obj", "iobj", "obl") if verb is head else (), 1):
                    found = [
                        t
                        for c in kids.get(verb.i, [])
                        if dep_of(c).split(":")[0] in rels
                        for t in within(c, kids, depth, {tok.i})
                        if t.i in by_i and t.i not in inside
                    ]
                    if found:
                        best = min(found, key=lambda t: abs(t.i - span.start))
                        return best, by_i[best.i]
            if dep_of(head) != "acl":  # «товарооборот, составивший …» goes on to the noun
                break
        tok = head
    # in the same stretch without a comma, before it («экспорт — $3 млрд», «товарооборот за полгода вышел на
    # уровень в $2 млрд») or right after it («200 млн юаней в виде гранта»); not when the parse gives the
    # amount to a noun in between («экспорт вырос благодаря контракту на $5 млрд»)
    owner = _owner(span)
    for t, concept in sorted(indicators, key=lambda x: abs(x[0].i - span.start)):
        before = t.i < span.start
        between = sent.doc[t.i + 1 : span.start] if before else sent.doc[span.end : t.i]
        if (
            len(between) <= (GAP_BEFORE if before else GAP_AFTER)
            and not any(g.is_punct and g.text not in _GAP_PUNCT or g.i in skip for g in between)
            and not (owner is not None and between.start <= owner.i < between.end)
        ):
            return t, concept
    return None
