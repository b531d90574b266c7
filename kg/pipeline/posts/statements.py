"""Statements that a person holds a post: a post phrase next to a name, a colleague's post in another state,
and a post named without a name given to the one person it can be."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.folding import fold
from kg.pipeline.cues import actor_groups, case_of, ent_key, in_skipped, lemma
from kg.pipeline.posts.holders import (
    coordinated_post,
    earlier_posts,
    last_phrase_start,
    phrase_back,
    phrase_before,
    posts_after,
    syntactic_start,
    title_run,
    word_start,
)
from kg.pipeline.posts.lexicon import CANDIDATE, CLAUSE_STOP, DASHES, HEAD_OF_STATE, STEM, heads
from kg.pipeline.posts.owners import possessed
from kg.pipeline.posts.phrases import PostPhrase, post_phrase
from kg.pipeline.posts.pronouns import pronoun_posts
from kg.pipeline.posts.verbs import posts_by_verb
from kg.pipeline.posts.word import ents_in, ents_of, person_key

#: a post phrase next to the name it is said of is the surest statement
NAMED = 0.85
#: a post inferred from elsewhere in the article: a colleague's, a head of state's named without the name, or
#: one whose state or body the context gives
INFERRED = 0.6
#: a post named as a subject without a name, given to the one person it can be
COREFERENT = 0.5
#: a post a verb gives «он»/«она», given to the person the pronoun stands for: the words are sure, the person less
PRONOUN = 0.7
#: the words before «пост»/«должность» that may say the post is only sought: «кандидат на пост главы»
CANDIDATE_WINDOW = 5


@dataclass(frozen=True)
class Statement:
    """A statement that a person holds a post, with the words that say it."""

    person: Span
    role: str
    of: Span | None  # the state or organisation, None until the context gives it
    sent: Span
    confidence: float
    words: tuple[int, int]  # token offsets of the post's own words

    @classmethod
    def of_phrase(
        cls, person: Span, got: PostPhrase, of: Span | None, sent: Span, confidence: float
    ) -> Statement:
        """The statement a post phrase makes of a person."""
        return cls(person, got.role, of, sent, confidence, (got.start, got.end))


def attached(doc: Doc) -> list[Statement]:
    """The posts the phrases next to each name give it: before it, in apposition after it, linked by a verb (to
    the name or to a pronoun standing for it)."""
    found = []
    for sent in doc.sents:
        if in_skipped(sent):
            continue
        owned = possessed(doc, sent)
        possessors = {p.possessor.start for p in owned}
        for group in actor_groups(sent):
            persons = [e for e in group.ents if e.label_ == "Person"]
            for n, person in enumerate(persons):
                found += _named_posts(doc, sent, group, persons, n, person.start in possessors)
        found += [Statement.of_phrase(p.holder, p.post, p.body or p.post.of, sent, NAMED) for p in owned]
        found += [Statement.of_phrase(p.possessor, p.own, p.own.of, sent, NAMED) for p in owned if p.own]
        found += _listed(doc, sent)
        found += [Statement.of_phrase(p, got, got.of, sent, PRONOUN) for p, got in pronoun_posts(doc, sent)]
    return found


def _listed(doc: Doc, sent: Span) -> list[Statement]:
    """A plural post before a list of names gives each of them the post: «академики Иван Петров, Пётр
    Сидоров и Олег Сомов»; states listed in the post as many as the names go to them in order: «лидеры Чили,
    Перу и Эквадора Хуан Перес, Педро Гомес и Луис Гарсия»."""
    persons = [e for e in ents_in(doc, sent.start, sent.end) if e.label_ == "Person"]
    out: list[Statement] = []
    i = 0
    while i < len(persons):
        run = [persons[i]]
        while i + len(run) < len(persons):
            between = doc[run[-1].end : persons[i + len(run)].start]
            if not 0 < len(between) <= 2 or any(t.text != "," and t.lower_ != "и" for t in between):
                break
            run.append(persons[i + len(run)])
        i += len(run)
        if len(run) < 2:
            continue
        start = run[0].start
        while start > sent.start and (
            doc[start - 1].ent_type_ in ("State", "Organization", "Place")
            or doc[start - 1].text in (",", "«", "»", '"', "-")
            or doc[start - 1].lower_ == "и"
            or doc[start - 1].pos_ in ("NOUN", "ADJ")
            and not doc[start - 1].ent_type_
        ):
            start -= 1
        got = post_phrase(doc, start, run[0].start, plural=True)
        if not got or not got.role:
            continue
        states = [e for e in ents_in(doc, got.first, got.last + 1) if e.label_ == "State"]
        for k, person in enumerate(run):
            of = states[k] if len(states) == len(run) else got.of
            out.append(Statement.of_phrase(person, got, of, sent, NAMED))
    return out


def _named_posts(
    doc: Doc, sent: Span, group: Span, persons: list[Span], n: int, possessor: bool = False
) -> list[Statement]:
    """The posts of the n-th person of a group; ``possessor``: the post phrase before the name is another's
    («гендиректор компании Петра Сидорова «Север» Иван Орлов»)."""
    person = persons[n]
    # posts before the name, split at commas: «членом правления, министром … Чили Хуаном Пересом»;
    # a later name of a list («X — директор Y, Z — …») takes only the words after the last comma
    low = sent.start if n == 0 else persons[n - 1].end
    bounds = []
    seg_start = phrase_before(doc, group.start, low) if n == 0 else persons[n - 1].end
    seg_start = last_phrase_start(doc, seg_start, person.start)
    # the parse finds post phrases whose words the group does not take in («министр по государственным сборам
    # Чили …», «первый замминистра энергетики …»)
    syn = syntactic_start(doc, person, low)
    # … but not across another name: «Глава государства И. П. и Председатель … П. С.»
    if (
        syn is not None
        and syn < seg_start
        and not any(doc[i].ent_type_ == "Person" for i in range(syn, person.start))
    ):
        seg_start = syn
    if n == 0:
        seg_start = earlier_posts(doc, seg_start, low)
    for i in range(seg_start, person.start):
        if (doc[i].text == "," or coordinated_post(doc, i)) and i > seg_start:
            bounds.append((seg_start, i))
            seg_start = i + 1
    bounds.append((seg_start, person.start))
    bounds = bounds if n == 0 else bounds[-1:]
    # a title between the post and the name («… Чили сеньор Хуан Перес», «представитель вооружённых сил
    # полковник Иван Петров»): the post phrase ends before it, a rank is a post too
    titled, rank = title_run(doc, person.start, low)
    if titled < person.start:
        bounds = [(a, min(b, titled)) for a, b in bounds if a < titled]
        bounds.append((phrase_back(doc, titled, low), titled))
        if rank is not None:
            bounds.append((rank, person.start))
    gots = [g for g in (post_phrase(doc, a, b) for a, b in bounds) if g] if not possessor else []
    if person.start > 0 and doc[person.start - 1].text in DASHES:
        # a post and a name joined by a dash agree in case: in «вдове первого президента — Анне Ивановне»
        # the post is another person's
        gots = [
            g for g in gots if case_of(doc[g.start]) in ("", case_of(person[0])) or not case_of(person[0])
        ]
    # a rank after a post is held in the post's body: «представитель вооружённых сил полковник …»
    bodies = [g.of for g in gots if g.of is not None and g.first != rank]
    out = []
    for got in gots:
        of = got.of if got.of is not None or got.first != rank or not bodies else bodies[-1]
        out.append(Statement.of_phrase(person, got, of, sent, NAMED))
    for got in posts_after(doc, person, sent):
        out.append(Statement.of_phrase(person, got, got.of, sent, NAMED))
    for got in posts_by_verb(doc, person, sent):
        out.append(Statement.of_phrase(person, got, got.of, sent, NAMED))
    return out


def counterparts(doc: Doc, named: list[Statement]) -> list[Statement]:
    """«… встречу со своим чилийским коллегой Хуаном Пересом»: the same post in the other state."""
    found = []
    for sent in doc.sents:
        if in_skipped(sent):
            continue
        for group in actor_groups(sent):
            person = next((e for e in group.ents if e.label_ == "Person"), None)
            words = list(doc[group.start : person.start]) if person is not None else []
            if person is None or not any(lemma(t) == "коллега" for t in words):
                continue
            adj = next((t for t in words if t.pos_ == "ADJ" and lemma(t).endswith("ский")), None)
            # the colleague of the nearest person named before, with the post that person holds
            before = [
                e for e in ents_in(doc, sent.start, sent.end) if e.label_ == "Person" and e.end <= group.start
            ]
            if adj is None or not before:
                continue
            other = person_key(doc, before[-1])
            peers = list(
                {
                    s.role: s
                    for s in named
                    if person_key(doc, s.person) == other
                    and s.of is not None
                    and s.of.label_ == "State"
                    and s.role not in HEAD_OF_STATE
                }.values()
            )
            if len(peers) != 1:
                continue
            stem = lemma(adj)[:STEM]
            states = [
                e for e in ents_of(doc) if e.label_ == "State" and fold(e._.kg_norm or e.text)[:STEM] == stem
            ]
            if not states or ent_key(states[0]) == ent_key(peers[0].of):
                continue
            of = min(states, key=lambda e: abs(e.start - group.start))
            found.append(Statement(person, peers[0].role, of, sent, INFERRED, (group.start, person.start)))
    return found


def unattached(doc: Doc, named: list[Statement]) -> list[Statement]:
    """Head-of-state posts without a name, given to the one person named as that state's head."""
    holders: dict[str, set[str]] = {}
    first: dict[str, Span] = {}
    for s in named:
        if s.of is not None and s.role in HEAD_OF_STATE:
            key = person_key(doc, s.person)
            holders.setdefault(ent_key(s.of), set()).add(key)
            first.setdefault(key, s.person)
    found = []
    taken = {(s.person.start, s.role) for s in named}
    for sent in doc.sents:
        if in_skipped(sent):
            continue
        for group in actor_groups(sent):
            if any(e.label_ == "Person" for e in group.ents):
                continue
            state = group.ents[0]
            got = post_phrase(doc, group.start, state.end)
            if not got or got.role not in HEAD_OF_STATE or got.of is None:
                continue
            them = holders.get(ent_key(got.of), set())
            if len(them) == 1:
                person = first[next(iter(them))]
                if (person.start, got.role) not in taken:
                    taken.add((person.start, got.role))
                    found.append(Statement.of_phrase(person, got, got.of, sent, INFERRED))
    return found


def coreferent(doc: Doc, rows: list[Statement]) -> list[Statement]:
    """A post named as a subject with no name («Премьер-министр Чили заявил …», «Как отметил премьер
    …») given to the one person named before it in its sentence, or else in the sentence before."""
    covered = {i for s in rows for i in range(*s.words)}
    holders: dict[tuple[str, str], set[str]] = {}
    for s in rows:
        key = (s.role, ent_key(s.of) if s.of is not None else "")
        holders.setdefault(key, set()).add(person_key(doc, s.person))
    mention_of: dict[str, list[Span]] = {}
    for e in ents_of(doc):
        if e.label_ == "Person":
            mention_of.setdefault(person_key(doc, e), []).append(e)
    held = {k: next(iter(v)) for k, v in holders.items() if len(v) == 1}
    posts_of: dict[str, list[tuple[str, Span | None]]] = {}
    for s in rows:
        posts_of.setdefault(person_key(doc, s.person), []).append((s.role, s.of))
    sents = list(doc.sents)
    found = []
    for n, sent in enumerate(sents):
        if in_skipped(sent):
            continue
        for tok in sent:
            # the subject of a clause, or the post a verb of holding names: «занять пост мэра»
            at = word_start(doc, tok.i, sent.start)
            held_post = (
                at > sent.start
                and lemma(doc[at - 1]) in ("пост", "должность")
                # «кандидат на пост мэра» is not holding it
                and not any(lemma(t) in CANDIDATE for t in doc[max(sent.start, at - CANDIDATE_WINDOW) : at])
            )
            if (
                tok.i in covered
                or tok.ent_type_
                or tok.i + 1 < sent.end
                and doc[tok.i + 1].text == "-"
                and not tok.whitespace_
                or lemma(tok) not in heads()
                or case_of(tok) != "Nom"
                and not (held_post and case_of(tok) == "Gen")
                or "Plur" in tok.morph.get("Number")
            ):
                continue
            start = word_start(doc, tok.i, sent.start)
            end = tok.i + 1
            while end < sent.end and (
                doc[end].text not in CLAUSE_STOP
                and doc[end].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "ADP", "CCONJ")
                or doc[end].text in ("«", "»", '"', "-")
            ):
                end += 1
            # a name later in the sentence may be the post's own («министр …, глава … Иван Петров»)
            if not held_post and any(doc[i].ent_type_ == "Person" for i in range(start, sent.end)):
                continue
            got = post_phrase(doc, start, end)
            if not got:
                continue
            role, of = got.role, got.of
            # a post in a body that the article gives one person is that person's, wherever it is named
            # («Хуан Перес … Как было объявлено, президент Чили прибыл …»)
            other = held.get((role, ent_key(of))) if of is not None else None
            if other is not None:
                person = min(mention_of[other], key=lambda e: (e.start > start, abs(e.start - start)))
            else:
                before = [
                    e for e in ents_in(doc, sent.start, sent.end) if e.label_ == "Person" and e.end <= start
                ]
                if not before and n > 0 and not held_post:
                    before = [e for e in sents[n - 1].ents if e.label_ == "Person"]
                if len({person_key(doc, e) for e in before}) != 1:
                    continue
                person = before[-1]
                if held.get((role, "")) not in (None, person_key(doc, person)):
                    continue
            # a person the article gives other posts is this one only when the post is one of them or
            # in the same body: «председатель банка» after a name of a diplomat is someone else
            mine = posts_of.get(person_key(doc, person), [])
            if mine and not any(
                r == role or o is not None and of is not None and ent_key(o) == ent_key(of) for r, o in mine
            ):
                continue
            covered.update(range(got.start, got.end))
            found.append(Statement.of_phrase(person, got, of, sent, COREFERENT))
    return found
