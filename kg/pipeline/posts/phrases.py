"""Reading a post phrase: «министром иностранных дел Чили» → the post «министр иностранных дел» in Chile."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.morphology import morph_analyzer
from kg.pipeline.cues import case_of, lemma, post_words
from kg.pipeline.posts.bodies import body_of, state_of_adjective, unnamed_body
from kg.pipeline.posts.lexicon import DASHES, FORMER, RELATIONAL, STOP
from kg.pipeline.posts.word import Word, ents_in, head_lemma, nearest_mention, nominative_word, words


@dataclass(frozen=True)
class PostPhrase:
    """A post phrase read from the words before or after a name."""

    role: str  # the post's generic name, lower case nominative: «министр иностранных дел»
    of: Span | None  # the state or organisation the post is in, when the phrase names it
    first: int  # the phrase's first token (after leading punctuation, prepositions and «свой»)
    last: int  # its last token (inclusive)
    start: int  # the first token of the post's own words (the evidence)
    end: int  # the end of the post's own words


def complement(ws: list[Word], head: str) -> list[Word]:
    """The words after a post's head that belong to its name: «(министр) иностранных дел», «(глава) администрации»."""
    out: list[Word] = []
    for i, w in enumerate(ws):
        known = post_words().get(w.lemma, ("body", ""))[0] != "body" or head_lemma(w) is not None
        if head in RELATIONAL:
            ok = (
                w.pos in ("NOUN", "ADJ", "PROPN")
                or known
                or (
                    w.lemma == "по" and i + 1 < len(ws)  # «министр по делам молодёжи»
                )
                or (
                    # «министр науки и образования»: two nouns in one case joined by «и»
                    w.lemma == "и"
                    and 0 < i
                    and i + 1 < len(ws)
                    and ws[i + 1].pos == "NOUN"
                    and ws[i - 1].pos == "NOUN"
                    and case_of(ws[i + 1].last) == case_of(ws[i - 1].last) != ""
                )
            )
        else:
            ok = known and w.pos != "ADP"
        if not ok or w.last.text in STOP or w.last.text in DASHES:
            break
        out.append(w)
    while out and (out[-1].pos == "ADJ" or out[-1].lemma == "по"):
        out.pop()  # «глава финансового (Управления …)», «глава государственной (Комиссии …)»: the body's name
    return out


def role_name(ws: list[Word], of: Span | None, inside: tuple[Span, ...] = ()) -> str:
    """The generic name of the post a run of words names, lower case nominative («министром иностранных дел»
    → «министр иностранных дел»); posts joined by a dash are each put in the nominative; a former post is
    named «бывший …»."""
    parts: list[str] = []
    i = 0
    first_head = ""
    while i < len(ws):
        former = False
        mods: list[str] = []
        while i < len(ws) and head_lemma(ws[i]) is None:
            w = ws[i]
            if w.lemma in FORMER:
                former = True
            elif w.pos == "ADJ" and w.lemma in post_words():
                mods.append(nominative_word(w))  # «генеральный», «первый», «чрезвычайный и полномочный»
            elif w.lemma == "и" and mods:
                mods.append("и")
            i += 1
        if i >= len(ws):
            break
        head, was = head_lemma(ws[i])
        former = former or was
        generic = post_words()[head][1]
        name = (
            generic
            if generic and head not in ("член", "глава")
            else (nominative_word(ws[i]).removeprefix("экс-"))
        )
        first_head = first_head or head
        # («помощница» goes on as «помощник» does)
        rest = complement(ws[i + 1 :], head if head in RELATIONAL or not generic else generic)
        while mods and mods[-1] == "и":
            mods.pop()
        words_ = [*mods, name, *(w.text.lower() for w in rest)]
        parts.append(("бывший " if former else "") + " ".join(words_))
        i += 1 + len(rest)
        # another post joined by a dash: «вице-премьер — министр финансов»
        while i < len(ws) and ws[i].text in DASHES:
            i += 1
        if i < len(ws) and head_lemma(ws[i]) is None and ws[i].pos != "ADJ" and ws[i].lemma not in FORMER:
            break
    role = " — ".join(parts)
    if not role:
        return ""
    if role in ("член", "руководитель") and of is not None:
        role = f"член {of[0].lower_}" if role == "член" else role
    if first_head == "глава" and role.startswith("глава"):
        rest = role[len("глава") :].strip()
        if rest in ("мид", "внешнеполитического ведомства") or any(
            e.label_ == "Organization"
            and (lemma(e[0]) == "мид" or e.kb_id_.startswith("organization/mfa"))
            and e.start == ws[-1].end
            for e in inside
        ):
            return "министр иностранных дел"
        if of is not None and of.label_ == "State" and not rest:
            return "глава государства"
    if first_head == "лидер" and role == "лидер" and of is not None and of.label_ == "State":
        return "глава государства"
    return role


def singular(role: str) -> str:
    """A plural post's name in the singular: the words in the nominative plural only («главные редакторы
    газет» → «главный редактор газет»).

    >>> singular("главные редакторы"), singular("министры иностранных дел")
    ('главный редактор', 'министр иностранных дел')
    """
    out = []
    for word in role.split():
        parse = next(
            (p for p in morph_analyzer().parse(word) if p.tag.case == "nomn" and p.tag.number == "plur"), None
        )
        form = parse.inflect({"sing", "nomn"}) if parse is not None else None
        out.append(form.word if form is not None else word)
    return " ".join(out)


def post_phrase(doc: Doc, start: int, end: int, plural: bool = False) -> PostPhrase | None:
    """The post phrase in doc[start:end]; None when it names no post. ``plural``: the post word is plural, as
    before a list of names («академики X, Y и Z»), and the role is named in the singular."""
    ws = [w for w in words(doc, start, end) if not w.last.is_space]
    while ws and (ws[0].text in STOP or ws[0].text in DASHES or ws[0].pos in ("ADP", "CCONJ")):
        ws = ws[1:]
    if not ws:
        return None
    # a plural post word names a group the person is not the whole of («совета министров глава правительства»,
    # «официальные представители … Иван Петров»): the person's post is the next singular one
    first_head = next(
        (
            i
            for i, w in enumerate(ws)
            if head_lemma(w) is not None and ("Plur" in w.last.morph.get("Number")) == plural
        ),
        None,
    )
    if first_head is None:
        return None
    # the phrase starts at the post word or the adjectives before it: «(после встречи в правительстве)
    # премьер-министр Чили», «бывший заместитель министра»
    begin = first_head
    while begin > 0 and (ws[begin - 1].pos in ("ADJ", "DET") or ws[begin - 1].lemma in FORMER):
        begin -= 1
    ws = ws[begin:]
    first_head -= begin
    own = ws[0].lemma == "свой"
    if ws[0].lemma in ("свой", "его"):
        ws = ws[1:]
        first_head -= 1
    role_ws: list[Word] = []
    for w in ws:
        if w.last.ent_type_ or doc[w.start].ent_type_:
            break
        role_ws.append(w)
    while role_ws and (role_ws[-1].text in DASHES or role_ws[-1].text in STOP):
        role_ws.pop()
    if not role_ws:
        return None
    first, last = ws[0].start, ws[-1].end - 1
    # a name after «от» is whom the post represents, not its body: «депутат Думы от партии «Заря»», «сенатор от
    # Аризоны»
    ents = [
        e
        for e in ents_in(doc, first, last + 1)
        if e.label_ != "Person" and not any(t.lower_ == "от" for t in doc[ws[first_head].end : e.start])
    ]
    # the body the post is in is the first name after the post words (its genitive): «председатель Союза
    # писателей Чили» is in the union, «министр иностранных дел Чили» in the state
    of = min(ents, key=lambda e: e.start, default=None)
    role = role_name(role_ws, of, tuple(ents))
    if plural:
        role = singular(role)
        if role == "лидер" and of is not None and of.label_ == "State":
            role = "глава государства"
    if not role:
        return None
    if role == "министр иностранных дел" and of is not None and of.kb_id_.startswith("organization/mfa-"):
        # «глава МИД Чили» as one ministry span: the post is in the state, named elsewhere in the article
        state = nearest_mention(doc, "state/" + of.kb_id_.split("organization/mfa-", 1)[1], of.start)
        of = state if state is not None else of
    if of is None:
        of = state_of_adjective(doc, role_ws) or body_of(doc, role_ws)
    if of is None and own:
        # «съезд переизбрал своего председателя»: the post is in the body the clause is about
        sent = doc[first].sent
        bodies = [
            e for e in ents_in(doc, sent.start, sent.end) if e.label_ == "Organization" and e.end <= first
        ]
        of = bodies[-1] if bodies else None
    if of is None and not own:
        unnamed = unnamed_body(doc, role_ws)
        if unnamed is not None:
            of = unnamed.span
            of._.kg_norm = unnamed.norm
            role_ws = role_ws[: unnamed.cut]
            role = role_name(role_ws, of, ())
            if not role:
                return None
    parts = role.split()
    if len(parts) == 3 and parts[0] in ("глава", "лидер") and parts[2] in ("государства", "страны"):
        role = "глава государства"  # «глава российского государства»: the state is its «of»
    if role.startswith("член") and of is None:
        return None
    return PostPhrase(role, of, first, last, role_ws[0].start, role_ws[-1].end)
