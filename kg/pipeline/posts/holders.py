"""The post phrases that go with a name: where they start before it, appositions after it, titles between,
and posts a verb links to it («X был назначен министром», «пост главы занял X»)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.folding import fold
from kg.morphology import morph_analyzer
from kg.pipeline.cues import case_of, lemma
from kg.pipeline.posts.lexicon import (
    ACTING,
    CLAUSE_STOP,
    DASHES,
    FORMER,
    LINK_VERBS,
    OBJECT_VERBS,
    OWNING,
    SEAT_NOUNS,
    TAKE_VERBS,
    heads,
    titles,
)
from kg.pipeline.posts.phrases import PostPhrase, post_phrase
from kg.pipeline.posts.word import head_lemma, words
from kg.pipeline.syntax import dep_of, dependents, head_of, span_root

#: how many words of modifiers («бывший», «исполняющий обязанности», adjectives) may stand between the comma
#: after a name and the post word of its apposition: «X, бывший первый заместитель министра»
APPOSITION_LEAD = 3
#: how many words after those modifiers may hold the apposition's post word: «вице-премьер» is one or three
APPOSITION_HEAD = 3
#: the parse's apposition chains from a name up to its post word are short: «министр связи … РФ Иван Петров»
APPOSITION_DEPTH = 3
#: how far up the parse a word of a post phrase may hang from its post word
PHRASE_DEPTH = 6
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
    the same case: «министр по делам разведки, глава Комиссии … Иван Петров» (both are his)."""
    while start - 1 > low:
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
        prev = phrase_before(doc, start - 1, low)
        before = words(doc, prev, start - 1)
        first = next((w for w in before if head_lemma(w) is not None), None)
        if head is None or first is None or prev == start - 1 or case_of(first.last) != case_of(head.last):
            break
        start = prev
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


def post_taken(doc: Doc, verb: Token, sent: Span) -> list[PostPhrase]:
    """The post «пост/место/должность» + genitive names as the object of a verb of taking it."""
    out = []
    for i in dependents(sent).get(verb.i, ()):
        obj = doc[i]
        if dep_of(obj).split(":")[0] != "obj" or lemma(obj) not in SEAT_NOUNS:
            continue
        end = obj.i + 1
        while end < sent.end and doc[end].text not in CLAUSE_STOP and doc[end].pos_ not in ("VERB", "AUX"):
            if doc[end].ent_type_ == "Person":
                break
            end += 1
        got = post_phrase(doc, obj.i + 1, end)
        if got and case_of(doc[got.start]) == "Gen":
            out.append(got)
    return out


def below(tok: Token, top: Token, steps: int = PHRASE_DEPTH) -> bool:
    """Whether a token hangs (within a few steps) from another in the parse."""
    for _ in range(steps):
        if tok.i == top.i:
            return True
        head = head_of(tok)
        if head.i == tok.i:
            return False
        tok = head
    return tok.i == top.i


def verb_lemma(tok: Token) -> str:
    """A verb's lemma; a short passive participle's is its verb's («назначена», «избраны» → «назначить»,
    «избрать»: the tagger leaves them as they are, in the feminine and the plural too)."""
    lem = lemma(tok)
    if lem in LINK_VERBS or tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return lem
    parse = next((p for p in morph_analyzer().parse(tok.lower_) if p.tag.POS == "PRTS"), None)
    return parse.normal_form if parse is not None else lem


def _word_end(doc: Doc, i: int) -> int:
    """The last token of the hyphenated word token i starts («премьер», «-», «министром» → the token of
    «министром», which carries the word's case)."""
    while (
        i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_
    ):
        i += 2
    return i


def _complements(doc: Doc, verb: Token, sent: Span) -> list[Token]:
    """The words a verb or copula links to its subject as a post, in the instrumental, each with the posts
    coordinated with it: «был назначен министром», «работала инженером», «(он) был премьер-министром,
    министром обороны и министром иностранных дел» (the parse makes the noun of a copula its clause's head)."""
    deps = dependents(sent)
    if verb.pos_ in ("NOUN", "PROPN") and any(dep_of(doc[c]) == "cop" for c in deps.get(verb.i, ())):
        comps = [doc[_word_end(doc, verb.i)]]
    else:
        comps = [
            doc[i] for i in deps.get(verb.i, ()) if dep_of(doc[i]).split(":")[0] in ("xcomp", "obl", "obj")
        ]
    out: list[Token] = []
    while comps:
        comp = comps.pop(0)
        if case_of(comp) != "Ins" or "Plur" in comp.morph.get("Number") or comp in out:
            continue
        out.append(comp)
        # (the coordinated posts hang on the word, or on the first part of a hyphenated one)
        tops = (comp.i, verb.i) if comp.i == _word_end(doc, verb.i) else (comp.i,)
        comps += [
            doc[i]
            for t in tops
            for i in deps.get(t, ())
            if dep_of(doc[i]) == "conj" and doc[i].pos_ == "NOUN"
        ]
    return sorted(out, key=lambda t: t.i)


def _verb_body(doc: Doc, verb: Token, sent: Span) -> Span | None:
    """The organisation a verb of working places its subject in: «работала в Google инженером»."""
    for i in dependents(sent).get(verb.i, ()):
        tok = doc[i]
        if (
            dep_of(tok).split(":")[0] == "obl"
            and tok.ent_type_ == "Organization"
            and any(lemma(doc[c]) in ("в", "во") for c in dependents(sent).get(i, ()))
        ):
            return next((e for e in doc.ents if e.start <= i < e.end), None)
    return None


def linked_posts(doc: Doc, verb: Token, rel: str, sent: Span, skip: range = range(0)) -> list[PostPhrase]:
    """The posts a verb (or a copula's noun) gives the word that is its subject (``rel`` "nsubj") or object
    («назвал X первым вратарём»); ``skip``: the tokens of the name itself."""
    lem = verb_lemma(verb)
    out = []
    if rel == "nsubj" and lem in TAKE_VERBS:
        out += post_taken(doc, verb, sent)
    copula = verb.pos_ in ("NOUN", "PROPN")
    if not copula and (lem not in LINK_VERBS or rel == "obj" and lem not in OBJECT_VERBS or verb.i in skip):
        return out
    if rel == "nsubj" and lem in OBJECT_VERBS and "Act" in verb.morph.get("Voice"):
        # «тренер назвал Петрова вратарём», «съезд избрал его председателем»: the post is the object's
        return out
    for comp in _complements(doc, verb, sent):
        if comp.i in skip:
            continue
        start = word_start(doc, comp.i, sent.start)
        if not words(doc, start, comp.i + 1) or head_lemma(words(doc, start, comp.i + 1)[-1]) is None:
            continue
        end = comp.i + 1
        while (
            end < sent.end and doc[end].text not in (",", ";", ".", ":", "(", ")") and below(doc[end], comp)
        ):
            if doc[end].ent_type_ == "Person":
                break
            end += 1
        got = post_phrase(doc, start, end)
        if got and got.of is None and not copula:
            body = _verb_body(doc, verb, sent)
            got = replace(got, of=body) if body is not None else got
        if got:
            out.append(got)
    return out


def posts_by_verb(doc: Doc, person: Span, sent: Span) -> list[PostPhrase]:
    """Posts a verb links to a name: «капитаном стал Иван Петров», «Иван Петров был назначен министром
    финансов», «Иван Петров, который является депутатом парламента, …», «назвал Петрова первым вратарём»."""
    root = span_root(person)
    rel = dep_of(root).split(":")[0]
    verbs = []
    if rel in ("nsubj", "obj"):
        verbs.append((head_of(root), rel))
    elif rel == "appos" and dep_of(head_of(root)).split(":")[0] == "nsubj":
        # «… занял консерватор Иван Петров»: the name stands by the subject
        verbs.append((head_of(head_of(root)), "nsubj"))
    deps = dependents(sent)
    # «X, который является Y»: the clause hangs on the name, «который» is its subject
    for tok in (doc[i] for p in range(person.start, person.end) for i in deps.get(p, ())):
        if dep_of(tok) == "acl:relcl" and any(
            lemma(doc[c]) == "который" and dep_of(doc[c]).startswith("nsubj") for c in deps.get(tok.i, ())
        ):
            verbs.append((tok, "nsubj"))
    out = []
    for verb, rel in verbs:
        out += linked_posts(doc, verb, rel, sent, range(person.start, person.end))
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
    """Where the stretch of a clause before token ``end`` starts: after the last punctuation, verb or name."""
    i = end
    while (
        i - 1 >= low
        and doc[i - 1].text not in CLAUSE_STOP
        and doc[i - 1].pos_ not in ("VERB", "AUX")
        and doc[i - 1].ent_type_ != "Person"
    ):
        i -= 1
    return i
