"""Posts a verb or a noun of appointing links to a name: «X был назначен министром», «пост главы занял X»,
«X, который был ударником в группе …», «утверждение X председателем»."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.morphology import morph_analyzer
from kg.pipeline.cues import case_of, lemma
from kg.pipeline.posts.holders import word_start
from kg.pipeline.posts.lexicon import (
    APPOINTING,
    CLAUSE_STOP,
    LINK_VERBS,
    OBJECT_VERBS,
    SEAT_NOUNS,
    TAKE_VERBS,
)
from kg.pipeline.posts.phrases import PostPhrase, post_phrase
from kg.pipeline.posts.word import head_lemma, words
from kg.pipeline.syntax import dep_of, dependents, head_of, span_root

#: how far up the parse a word of a post phrase may hang from its post word
PHRASE_DEPTH = 6


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
    coordinated with it: «был назначен министром», «работала инженером», «(она) была вице-премьером,
    министром финансов и министром экономики» (the parse makes the noun of a copula its clause's head)."""
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
        got = None if comp.i in skip else complement_phrase(doc, comp, sent)
        if got and got.of is None and not copula:
            body = _verb_body(doc, verb, sent)
            got = replace(got, of=body) if body is not None else got
        if got:
            out.append(got)
    return out


def complement_phrase(doc: Doc, comp: Token, sent: Span) -> PostPhrase | None:
    """The post phrase a word in the instrumental heads, with the words that hang on it: «(назначен) первым
    заместителем министра финансов Литвы»; None when the word names no post."""
    start = word_start(doc, comp.i, sent.start)
    if not words(doc, start, comp.i + 1) or head_lemma(words(doc, start, comp.i + 1)[-1]) is None:
        return None
    end = comp.i + 1
    while end < sent.end and doc[end].text not in (",", ";", ".", ":", "(", ")") and below(doc[end], comp):
        if doc[end].ent_type_ == "Person":
            break
        end += 1
    return post_phrase(doc, start, end)


def posts_by_nominal(doc: Doc, person: Span, sent: Span) -> list[PostPhrase]:
    """«за утверждение Ивана Петрова председателем союза», «после назначения Петрова министром»: a noun of
    appointing, the name in the genitive and the post in the instrumental right after it; not when the parse
    gives the post to a verb of becoming of its own, nor after «в случае» (an appointment that may come)."""
    if person.start == sent.start or lemma(doc[person.start - 1]) not in APPOINTING or person.end >= sent.end:
        return []
    comp = doc[_word_end(doc, person.end)]
    if case_of(comp) != "Ins" or "Plur" in comp.morph.get("Number"):
        return []
    nominal = doc[person.start - 1]
    if nominal.i > sent.start and lemma(doc[nominal.i - 1]) == "случай":
        return []  # «в случае избрания Петрова мэром»: an appointment that may come is no post held
    for tok in (doc[person.end], comp):
        head = head_of(tok)
        if head.i not in (nominal.i, comp.i, tok.i) and verb_lemma(head) in LINK_VERBS:
            return []
    got = complement_phrase(doc, comp, sent)
    return [got] if got else []


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
    return out + posts_by_nominal(doc, person, sent)
