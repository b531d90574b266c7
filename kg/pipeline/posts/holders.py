"""The post phrases that go with a name: where they start before it, appositions after it, titles between (the
posts a verb links to it are read by :mod:`.verbs`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.folding import fold
from kg.pipeline.cues import case_of, lemma
from kg.pipeline.posts.lexicon import (
    ACTING,
    CLAUSE_STOP,
    DASHES,
    FORMER,
    OWNING,
    heads,
    titles,
)
from kg.pipeline.posts.phrases import PostPhrase, post_phrase
from kg.pipeline.posts.word import head_lemma, words
from kg.pipeline.syntax import dep_of, head_of, span_root

#: how many words of modifiers («бывший», «исполняющий обязанности», adjectives) may stand between the comma
#: after a name and the post word of its apposition: «X, бывший первый заместитель министра»
APPOSITION_LEAD = 3
#: how many words after those modifiers may hold the apposition's post word: «вице-премьер» is one or three
APPOSITION_HEAD = 3
#: the parse's apposition chains from a name up to its post word are short: «министр связи … РФ Иван Петров»
APPOSITION_DEPTH = 3
#: the titles before a name («шейх», «генерал-полковник», «г-н») are a few words at most
TITLE_WINDOW = 6


def word_start(doc: Doc, i: int, low: int) -> int:
    """The first token of the post phrase whose head word ends at token i: the parts of a hyphenated word
    before it («премьер-министра»), and the adjectives and «бывший» before that."""
    while (
        i - 2 >= low and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    ):
        i -= 2
    while i - 1 >= low and (
        doc[i - 1].pos_ in ("ADJ", "DET")
        and doc[i - 1].text[:1].islower()
        and not doc[i - 1].ent_type_
        or lemma(doc[i - 1]) in FORMER
    ):
        i -= 1
    return i


def syntactic_start(doc: Doc, person: Span, low: int) -> int | None:
    """Where the post phrase before a name starts when the parse hangs the name on a post word on its left
    («Министр науки и образования Чили Хуан Перес»: the name is the appos of «Министр»); None else."""
    tok = span_root(person)
    for _ in range(APPOSITION_DEPTH):
        if dep_of(tok).split(":")[0] not in ("appos", "nmod", "flat"):
            return None
        head = head_of(tok)
        if not low <= head.i < person.start:
            return None
        between = doc[head.i : person.start]
        if any(t.text in (",", ";", ":", "(", ")", ".") or t.pos_ in ("VERB", "AUX") for t in between):
            return None
        word = words(doc, word_start(doc, head.i, low), head.i + 1)
        if word and head_lemma(word[-1]) is not None and "Plur" not in head.morph.get("Number"):
            return word_start(doc, head.i, low)
        tok = head
    return None


def phrase_before(doc: Doc, start: int, low: int) -> int:
    """Where a post phrase that runs into a name's group from the left starts: «министр энергетики (Чили
    Хуан Перес)» — the group takes in post words only, not the words of the post's own complement. The
    stretch of lower-case nouns, adjectives, «по» and «и» before ``start`` counts from its first post word
    on."""
    i = start
    while (
        i - 1 >= low
        and not doc[i - 1].ent_type_
        and (
            doc[i - 1].pos_ in ("NOUN", "ADJ")
            and doc[i - 1].text[:1].islower()
            or doc[i - 1].lower_ in ("по", "и")
            or doc[i - 1].text == "-"
            and not doc[i - 1].whitespace_
        )
    ):
        i -= 1
    ws = words(doc, i, start)
    first = next((w for w in ws if head_lemma(w) is not None), None)
    return start if first is None else word_start(doc, first.start, i)


def earlier_posts(doc: Doc, start: int, low: int) -> int:
    """Where the posts before a name start when another post stands before the first, after a comma and in
    the same case («министр по делам разведки, глава Комиссии … Иван Петров»: both are his) or joined by «и»,
    or when the body's abbreviation in brackets stands between the post and the name."""
    while start - 1 > low:
        if (
            start - 3 > low
            and doc[start - 1].text == ")"
            and doc[start - 3].text == "("
            and doc[start - 2].ent_type_
        ):
            # «Генеральный секретарь Фронта … (ФДД) Иван Петров»: the abbreviation of the body the post names
            start = phrase_back(doc, start - 3, low)
            continue
        j = start
        while j - 1 > low and doc[j - 1].text in ("«", '"'):
            j -= 1
        # «бывший глава банка «Заря» и совладелец «Норда» Иван Петров», «директор банка «Заря» и член
        # правления …»: the first post is his too
        k = j - 1 if lemma(doc[j - 1]) == "и" else j - 2
        if k > low and coordinated_post(doc, k) and (k == j - 1 or lemma(doc[j - 1]) in OWNING):
            start = phrase_back(doc, k, low)
            continue
        if doc[start - 1].text != ",":
            break
        ws = words(doc, start, min(len(doc), start + APPOSITION_HEAD))
        head = next((w for w in ws if head_lemma(w) is not None), None)
        # the post before the comma («депутат собрания района Отрадное,») agrees in case with the next …
        prev = phrase_back(doc, start - 1, low)
        before = words(doc, prev, start - 1)
        n = next((n for n, w in enumerate(before) if head_lemma(w) is not None), None)
        if head is None or n is None or case_of(before[n].last) != case_of(head.last):
            break
        # … or one the parse joins the next post word to («… представлять министр по делам разведки, глава
        # Комиссии … Иван Петров»: «глава» is a conjunct of «министр»; in «Как заявил премьер, глава МИД …» not)
        joined = any(
            head_of(doc[i]).i in range(before[n].start, before[n].end) for i in range(head.start, head.end)
        )
        if not joined:
            break
        start = word_start(doc, before[n].start, prev)
    return start


def coordinated_post(doc: Doc, i: int) -> bool:
    """Whether token i is an «и» that joins two posts before one name: «бывший глава банка «Заря» и
    совладелец «Норда» Иван Петров» (after the first post's body, a new post word or one of owning)."""
    if lemma(doc[i]) != "и" or i == 0 or i + 1 >= len(doc):
        return False
    after = i + 1
    while after < len(doc) and (doc[after].pos_ == "ADJ" or lemma(doc[after]) in FORMER):
        after += 1
    if after >= len(doc):
        return False
    nxt = words(doc, after, min(len(doc), after + 3))
    new_post = bool(nxt) and (head_lemma(nxt[0]) is not None or nxt[0].lemma in OWNING)
    # (a post in a state before «и» is another's: «Президент Литвы и премьер Латвии Иван Петров»)
    return new_post and (doc[i - 1].ent_type_ not in ("", "State", "Place") or doc[i - 1].text in ("»", '"'))


def last_phrase_start(doc: Doc, start: int, end: int) -> int:
    """Where the post phrases that go with a name start: after a name followed by a new post word without a
    comma («с корреспондентом «Вечерних новостей» лидер движения Иван Петров»: only «лидер движения»)."""
    out = start
    for i in range(start + 1, end):
        prev = doc[i - 1]
        if lemma(doc[i]) in heads() and (prev.ent_type_ or prev.text in ("»", '"')):
            j = i
            while j > out and doc[j - 1].pos_ == "ADJ" and not doc[j - 1].ent_type_:
                j -= 1
            out = j
    return out


def posts_after(doc: Doc, person: Span, sent: Span) -> list[PostPhrase]:
    """Posts in apposition after a name: «Хуан Перес, министр иностранных дел Чили, …», «Анна Иванова —
    руководитель проекта …», «Иван Петров — бывший заместитель министра …», two of them joined by «и»."""
    after = person.end
    if after + 1 >= sent.end or doc[after].text not in (",", *DASHES):
        return []
    head = after + 1
    while head < min(sent.end, after + 1 + APPOSITION_LEAD) and (
        doc[head].pos_ == "ADJ"
        and doc[head].text[:1].islower()
        or lemma(doc[head]) in FORMER
        or lemma(doc[head]) in ACTING
        or doc[head].text == "-"
    ):
        head += 1
    ws = words(doc, head, min(sent.end, head + APPOSITION_HEAD))
    if not ws or head_lemma(ws[0]) is None:
        return []
    # the apposition agrees with the name in case; in «исполняющий обязанности представителя» the participle does
    lead = doc[after + 1] if lemma(doc[after + 1]) in ACTING else ws[0].last
    if doc[after].text == "," and case_of(lead) not in (case_of(person[-1]), "", "Nom"):
        return []
    out = []
    start = after + 1
    end = start
    seen_body = False
    while end < sent.end:
        tok = doc[end]
        # (a participle up to the post's head is part of it: «управляющий фондом», «исполняющий обязанности»)
        if tok.text in (",", ".", ";", ":", "(", ")", "—", "–") or tok.pos_ in ("VERB", "AUX") and end > head:
            break
        if tok.ent_type_ == "Person":
            # «Иван Петров, капитан клуба «Заря» Пётр Сидоров и …»: the phrase names the next person's post
            return out
        if seen_body and not tok.ent_type_ and tok.text not in ("«", "»", '"'):
            if lemma(tok) != "и":
                break
            # «лидер партии X и член совета Y»: a second post of the same person
            got = post_phrase(doc, start, end)
            if got:
                out.append(got)
            start, seen_body = end + 1, False
        elif tok.ent_type_ and tok.ent_type_ != "Person":
            seen_body = True
        end += 1
    got = post_phrase(doc, start, end)
    if got:
        out.append(got)
    return out


def title_run(doc: Doc, end: int, low: int) -> tuple[int, int | None]:
    """(first token of the titles right before token ``end``, the first rank among them or None):
    «председатель Союза писателей Чили сеньор (Хуан Перес)» → the token of «сеньор», None."""
    start, rank = end, None
    ws = words(doc, max(low, end - TITLE_WINDOW), end)
    while ws:
        w = ws.pop()
        kind = titles().get(w.lemma) or titles().get(fold(w.text))
        if kind is None or w.text[:1].isupper() and w.start > doc[w.start].sent.start and kind == "honorific":
            break
        start = w.start
        rank = w.start if kind == "rank" else rank
    return start, rank


def phrase_back(doc: Doc, end: int, low: int) -> int:
    """Where the stretch of a clause before token ``end`` starts: after the last punctuation, verb or name (a
    hyphen inside a word, «винно-водочной», is no punctuation)."""
    i = end
    while (
        i - 1 >= low
        and (
            doc[i - 1].text not in CLAUSE_STOP
            or doc[i - 1].text == "-"
            and not doc[i - 1].whitespace_
            and i - 2 >= low
            and not doc[i - 2].whitespace_
        )
        and doc[i - 1].pos_ not in ("VERB", "AUX")
        and doc[i - 1].ent_type_ != "Person"
    ):
        i -= 1
    return i
