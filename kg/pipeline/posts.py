"""``kg_posts``: who holds which post, in ``doc._.kg_positions`` (a list of :class:`kg.records.Position`).

Posts are read from the words around a person's name: «министр иностранных дел КНР Ван И», «с членом политбюро
ЦК КПК, министром иностранных дел Китая Ван И» (two posts), «Ван И, министр иностранных дел КНР,», «глава МИД
Казахстана Мухтар Тлеуберди». A head-of-state post named without a name («Президент Казахстана дал …») goes to
the one person the article names as that state's head («главой Казахстана Касым-Жомартом Токаевым»).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.lexicon import STATE_BOUND, lookup
from kg.morphology import nominative, nominative_phrase
from kg.pipeline.cues import (
    actor_groups,
    case_of,
    ent_key,
    in_skipped,
    lemma,
    nearest_mention,
    person_key,
    post_words,
    sentence_span,
)
from kg.pipeline.syntax import dep_of, head_of
from kg.records import Position, Ref, TextSpan

if not Doc.has_extension("kg_positions"):
    Doc.set_extension("kg_positions", default=[])

#: the span group of the bodies that posts are in and that the text names by a common noun, not by a name
BODIES = "kg_bodies"

HEAD_OF_STATE = {"президент", "председатель", "глава государства", "лидер", "король"}
_STOP = {",", ".", "(", ")", ";", ":", "«", "»", '"'}
_DASHES = ("—", "–", "-")
# posts whose name goes on with the body they are in: «министр финансов», «член политбюро», «глава администрации»
_RELATIONAL = {
    "министр",
    "член",
    "глава",
    "руководитель",
    "заместитель",
    "помощник",
    "советник",
    "председатель",
    "директор",
    "секретарь",
    "начальник",
    "представитель",
    "заведующий",
    "зав.",
    "сопредседатель",
    "первый заместитель",
    "вице-президент",
    "вице-премьер",
    "управляющий",
    "командующий",
    "замминистра",
    "замглавы",
    "полпред",
    "спецпредставитель",
    "генсек",
    "координатор",
    "основатель",
    "сотрудник",
}
# posts of a state as a whole: when the text names no state, the one the sentence (or the last one) names
_STATE_POSTS = {
    "президент",
    "премьер-министр",
    "канцлер",
    "король",
    "министр",
    "вице-президент",
    "вице-премьер",
    "госсекретарь",
    "государственный секретарь",
    "глава государства",
    "посол",
    "царь",
}
_FORMER = ("бывший", "экс")
# the words of an acting post before its name: «исполняющий обязанности (официального представителя)», «и. о.»
_ACTING = ("исполнять", "исполняющий", "обязанность", "и.о.", "врио")
_STATE_NOUNS = ("государство", "страна")
_CANDIDATE = {"кандидат", "кандидатура", "претендент", "претендовать", "выборы", "баллотироваться"}
_CLAUSE_STOP = {",", ".", ";", ":", "(", ")", "!", "?", *_DASHES}


def _data(name: str) -> list[list[str]]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Words that stand between a post and a name, by lemma: 'honorific' («шейх», «господин») or 'rank'
    («полковник», «кардинал»), from ``kg/data/post_titles.tsv``."""
    return {row[0]: row[1] for row in _data("post_titles.tsv")}


@lru_cache(maxsize=1)
def body_nouns() -> dict[str, tuple[str, ...]]:
    """Generic nouns naming a post's body («города», «партии»), by lemma: the entity labels they stand for,
    from ``kg/data/post_bodies.tsv``."""
    return {row[0]: tuple(row[1].split("|")) for row in _data("post_bodies.tsv")}


@lru_cache(maxsize=1)
def seats() -> dict[str, tuple[str, ...]]:
    """Posts that exist in one kind of body only («спикер», «сенатор», «астронавт»), by lemma: the first words
    of those bodies' names, most specific first, from ``kg/data/post_seats.tsv``."""
    return {row[0]: tuple(row[1].split("|")) for row in _data("post_seats.tsv")}


def _seat_of(doc: Doc, role: str, sent: Span, at: int) -> Span | None:
    """The body a post of one kind of body sits in when the text names none with it: the nearest such
    organisation in its sentence («В Сенате … спикер Гарри Рид»), else the most specific kind named before
    («… в Палату представителей … в Конгрессе … спикера Нэнси Пелоси» → the chamber)."""
    name = role.removeprefix("бывший ").split(" — ")[0].split()
    kinds = seats().get(name[-1]) if name else None
    if not kinds:
        return None

    def kind(e: Span) -> int | None:
        if e.label_ != "Organization":
            return None
        for word in (lemma(e[0]), e[0].lower_.replace("ё", "е")):
            if word in kinds:
                return kinds.index(word)
        return None

    bodies = [e for e in doc.ents if kind(e) is not None]
    near = [e for e in bodies if sent.start <= e.start and e.end <= sent.end]
    if near:
        return min(near, key=lambda e: (e.start > at, abs(e.start - at)))
    before = [e for e in bodies if e.end <= at]
    return min(before, key=lambda e: (kind(e), at - e.start), default=None)


def _body_of(doc: Doc, ws: list[Word]) -> Span | None:
    """«мэр города», «глава партии», «шеф концерна»: the body a generic noun right after the post's head
    stands for, the nearest entity of its kind named before it in its sentence or the two before."""
    heads = [i for i, w in enumerate(ws) if head_lemma(w) is not None]
    if not heads or heads[0] + 1 >= len(ws):
        return None
    noun = ws[heads[0] + 1]
    # only a bare singular genitive: «мэр нашего города» or «глава палестинской делегации» qualify it
    if (
        noun.lemma not in body_nouns()
        or case_of(noun.last) != "Gen"
        or "Plur" in noun.last.morph.get("Number")
    ):
        return None
    if any(w.pos in ("NOUN", "PROPN", "ADJ") for w in ws[heads[0] + 2 :]):
        return None
    sent = doc[noun.start].sent
    low = sent.start
    for _ in range(2):
        low = doc[low - 1].sent.start if low > 0 else low
    labels = body_nouns()[noun.lemma]
    before = [e for e in doc.ents if e.label_ in labels and low <= e.start and e.end <= ws[0].start]
    return before[-1] if before else None


def _unnamed_body(doc: Doc, ws: list[Word]) -> tuple[int, Span, str] | None:
    """«глава палестинской делегации», «представитель вооружённых сил», «капитан сборной команды»: a body a
    post is in that the text names by a common noun and no name, as (the index of its first word in ``ws``, a
    new Organization span over its words). Only words after the last post word qualify, a body noun of
    ``post_bodies.tsv`` in the genitive or instrumental («зав. кафедрой»), with its adjectives before it and
    the genitives after it; a body of places («мэр города») is no organisation."""
    heads = [i for i, w in enumerate(ws) if head_lemma(w) is not None]
    if not heads:
        return None
    for n in range(heads[-1] + 1, len(ws)):
        w = ws[n]
        if w.pos not in ("NOUN", "ADJ", "PROPN") or w.last.text[:1].isupper() and w.pos == "PROPN":
            return None
        if w.pos != "NOUN":
            continue
        if "Organization" not in body_nouns().get(w.lemma, ()) or case_of(w.last) not in ("Gen", "Ins"):
            return None
        if w.lemma == "сила" and not (n > 0 and ws[n - 1].lemma.startswith(("вооружен", "вооружён"))):
            return None  # «сил» is a body only as «вооружённых сил»
        first = n
        while first > heads[-1] + 1 and ws[first - 1].pos == "ADJ":
            first -= 1
        # «сборной команды»: two body nouns in one case are an adjective and its noun
        while (
            n + 1 < len(ws)
            and "Organization" in body_nouns().get(ws[n + 1].lemma, ())
            and case_of(ws[n + 1].last) == case_of(w.last)
        ):
            n += 1
        last = n + 1
        while last < len(ws) and (
            ws[last].pos in ("NOUN", "ADJ")
            and case_of(ws[last].last) == "Gen"
            or ws[last].lemma == "и"
            and last + 1 < len(ws)
            and ws[last + 1].pos == "NOUN"
        ):
            last += 1
        while ws[last - 1].pos != "NOUN":
            last -= 1
        span = Span(doc, ws[first].start, ws[last - 1].end, label="Organization")
        span.id_ = "descriptor"
        inflect = range(ws[first].start, ws[n].end)
        norm = nominative_phrase(
            [(t.text, t.pos_, t.morph.to_dict(), t.i in inflect) for t in span], [t.whitespace_ for t in span]
        )
        return first, span, norm
    return None


@dataclass(frozen=True)
class Word:
    """A word of a post phrase: one token, or several joined by a hyphen («премьер-министра»)."""

    start: int  # token offsets
    end: int
    text: str
    lemma: str  # «премьер-министр»: the parts before the hyphen as written, the last one's lemma
    last: Token  # the token that carries the word's grammar

    @property
    def pos(self) -> str:
        """The part of speech of the word."""
        return self.last.pos_


def words(doc: Doc, start: int, end: int) -> list[Word]:
    """The words of doc[start:end], hyphenated compounds joined («вице», «-», «губернатор» → «вице-губернатор»)."""
    out: list[Word] = []
    i = start
    while i < end:
        j = i
        while (
            j + 2 < end
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j].is_alpha
            and doc[j + 2].is_alpha
        ):
            j += 2
        toks = doc[i : j + 1]
        prefix = "".join(t.text_with_ws for t in toks[:-1]).lower().replace("ё", "е")
        out.append(Word(i, j + 1, toks.text, prefix + lemma(toks[-1]), toks[-1]))
        i = j + 1
    return out


def _heads() -> set[str]:
    return {lem for lem, (kind, _) in post_words().items() if kind == "head"}


def head_lemma(word: Word) -> tuple[str, bool] | None:
    """(lemma of the post a word names, whether it is a former one) or None: «экс-премьера» → («премьер», True)."""
    lem = word.lemma
    if lem not in _heads() and word.pos == "VERB":
        lem = _nominative_word(word)  # a participle used as a noun: «управляющий», «командующего»
    if lem in _heads():
        return lem, False
    for prefix in ("экс-", "экс "):
        if lem.startswith(prefix) and lem[len(prefix) :] in _heads():
            return lem[len(prefix) :], True
    return None


def _nominative_word(word: Word) -> str:
    tok = word.last
    last = nominative(tok.text, "NOUN" if tok.pos_ == "PROPN" else tok.pos_, tok.morph.to_dict()).lower()
    return (word.text[: len(word.text) - len(tok.text)].lower() + last).replace("ё", "е")


def _complement(ws: list[Word], head: str) -> list[Word]:
    """The words after a post's head that belong to its name: «(министр) иностранных дел», «(глава) администрации»."""
    out: list[Word] = []
    for i, w in enumerate(ws):
        known = post_words().get(w.lemma, ("body", ""))[0] != "body" or head_lemma(w) is not None
        if head in _RELATIONAL:
            ok = (
                w.pos in ("NOUN", "ADJ", "PROPN")
                or known
                or (
                    w.lemma == "по" and i + 1 < len(ws)  # «министр по делам разведки»
                )
                or (
                    # «министр связи и коммуникаций»: two nouns in one case joined by «и»
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
        if not ok or w.last.text in _STOP or w.last.text in _DASHES:
            break
        out.append(w)
    while out and (out[-1].pos == "ADJ" and out[-1].lemma not in post_words() or out[-1].lemma == "по"):
        out.pop()  # «глава синодального (Отдела …)»: the adjective belongs to the body's name
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
            if w.lemma in _FORMER:
                former = True
            elif w.pos == "ADJ" and w.lemma in post_words():
                mods.append(_nominative_word(w))  # «генеральный», «первый», «чрезвычайный и полномочный»
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
            else (_nominative_word(ws[i]).removeprefix("экс-"))
        )
        first_head = first_head or head
        rest = _complement(ws[i + 1 :], head)
        while mods and mods[-1] == "и":
            mods.pop()
        words_ = [*mods, name, *(w.text.lower() for w in rest)]
        parts.append(("бывший " if former else "") + " ".join(words_))
        i += 1 + len(rest)
        # another post joined by a dash: «заместитель премьер-министра — министр иностранных дел»
        while i < len(ws) and ws[i].text in _DASHES:
            i += 1
        if i < len(ws) and head_lemma(ws[i]) is None and ws[i].pos != "ADJ" and ws[i].lemma not in _FORMER:
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


def _segment_role(doc: Doc, start: int, end: int) -> tuple[str, Span | None, int, int, int, int] | None:
    """(role, of, first, last token, role words' first token, their end) of a post phrase in doc[start:end];
    None when it names no post."""
    ws = [w for w in words(doc, start, end) if not w.last.is_space]
    while ws and (ws[0].text in _STOP or ws[0].text in _DASHES or ws[0].pos in ("ADP", "CCONJ")):
        ws = ws[1:]
    if not ws:
        return None
    # a plural post word names a group the person is not the whole of («кабинета министров глава правительства»,
    # «официальные представители … Ван И»): the person's post is the next singular one
    first_head = next(
        (
            i
            for i, w in enumerate(ws)
            if head_lemma(w) is not None and "Plur" not in w.last.morph.get("Number")
        ),
        None,
    )
    if first_head is None:
        return None
    # the phrase starts at the post word or the adjectives before it: «(на заседании правительства)
    # премьер-министр РФ», «бывший заместитель министра»
    begin = first_head
    while begin > 0 and (ws[begin - 1].pos in ("ADJ", "DET") or ws[begin - 1].lemma in _FORMER):
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
    while role_ws and (role_ws[-1].text in _DASHES or role_ws[-1].text in _STOP):
        role_ws.pop()
    if not role_ws:
        return None
    first, last = ws[0].start, ws[-1].end - 1
    ents = [e for e in doc.ents if first <= e.start and e.end <= last + 1 and e.label_ != "Person"]
    # the body the post is in is the first name after the post words (its genitive): «председатель Исламского
    # комитета России» is in the committee, «министр иностранных дел КНР» in the state
    of = min(ents, key=lambda e: e.start, default=None)
    role = role_name(role_ws, of, tuple(ents))
    if not role:
        return None
    if role == "министр иностранных дел" and of is not None and of.kb_id_.startswith("organization/mfa-"):
        # «глава МИД Казахстана» as one ministry span: the post is in the state, named elsewhere in the article
        state = nearest_mention(doc, "state/" + of.kb_id_.split("organization/mfa-", 1)[1], of.start)
        of = state if state is not None else of
    if of is None:
        of = _state_of_adjective(doc, role_ws) or _body_of(doc, role_ws)
    if of is None and own:
        # «поддержало кандидатуру своего председателя»: the post is in the body the clause is about
        sent = doc[first].sent
        bodies = [e for e in sent.ents if e.label_ == "Organization" and e.end <= first]
        of = bodies[-1] if bodies else None
    if of is None and not own:
        unnamed = _unnamed_body(doc, role_ws)
        if unnamed is not None:
            cut, of, norm = unnamed
            of._.kg_norm = norm
            role_ws = role_ws[:cut]
            role = role_name(role_ws, of, ())
            if not role:
                return None
    parts = role.split()
    if len(parts) == 3 and parts[0] in ("глава", "лидер") and parts[2] in ("государства", "страны"):
        role = "глава государства"  # «глава российского государства»: the state is its «of»
    if role.startswith("член") and of is None:
        return None
    return role, of, first, last, role_ws[0].start, role_ws[-1].end


def _state_of_adjective(doc: Doc, ws: list[Word]) -> Span | None:
    """«российский министр», «британского премьера», «свердловский губернатор»: the state or region the
    adjective names, as its nearest mention (a state before a region or city of the same stem). Only an
    adjective before the post's head qualifies the post: in «глава палестинской делегации» it is the body's."""
    head = next((i for i, w in enumerate(ws) if head_lemma(w) is not None), len(ws))
    # … or one that qualifies the word for a state itself: «глава российского государства»; last, one that
    # qualifies a state's own body the post's name goes on with: «глава израильского правительства» (not any
    # body: in «глава палестинской делегации» it is the delegation's)
    of_state = [w for w, nxt in zip(ws[head:], ws[head + 1 :]) if nxt.lemma in _STATE_NOUNS]
    own_bodies = {name.split()[0] for name in STATE_BOUND} | {"кабинет", "минфин", "минобороны"}
    of_body = [
        w for w, nxt in zip(ws[head:], ws[head + 1 :]) if nxt.lemma in own_bodies and w not in of_state
    ]
    for w in ws[:head] + of_state + of_body:
        if w.pos != "ADJ" or not w.lemma.endswith(("ский", "цкий")) or w.lemma in post_words():
            continue
        stem = w.lemma[:5]
        places = [e for e in doc.ents if e.label_ in ("State", "Place") and stem in _stems(e)]
        if places:
            return min(places, key=lambda e: (e.label_ != "State", abs(e.start - w.start), e.start))
    return None


def _stems(ent: Span) -> set[str]:
    """The first five letters of every name of a state or place («США» → also «амери» of «Америка»)."""
    names = [ent._.kg_norm or ent.text]
    entry = lookup(ent.kb_id_) if ent.kb_id_ else None
    if entry is not None:
        names += entry.names
    return {n.lower().replace("ё", "е")[:5] for n in names}


def span_root(span: Span) -> Token:
    """The token of a span whose syntactic head lies outside it (the first such, else the span's first)."""
    for tok in span:
        head = head_of(tok)
        if head.i == tok.i or not span.start <= head.i < span.end:
            return tok
    return span[0]


def _word_start(doc: Doc, i: int, low: int) -> int:
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
        or lemma(doc[i - 1]) in _FORMER
    ):
        i -= 1
    return i


def syntactic_start(doc: Doc, person: Span, low: int) -> int | None:
    """Where the post phrase before a name starts when the parse hangs the name on a post word on its left
    («Министр связи и коммуникаций РФ Игорь Щёголев»: the name is the appos of «Министр»); None else."""
    tok = span_root(person)
    for _ in range(3):
        if dep_of(tok).split(":")[0] not in ("appos", "nmod", "flat"):
            return None
        head = head_of(tok)
        if not low <= head.i < person.start:
            return None
        between = doc[head.i : person.start]
        if any(t.text in (",", ";", ":", "(", ")", ".") or t.pos_ in ("VERB", "AUX") for t in between):
            return None
        word = words(doc, _word_start(doc, head.i, low), head.i + 1)
        if word and head_lemma(word[-1]) is not None and "Plur" not in head.morph.get("Number"):
            return _word_start(doc, head.i, low)
        tok = head
    return None


def _phrase_before(doc: Doc, start: int, low: int) -> int:
    """Where a post phrase that runs into a name's group from the left starts: «министр энергетики (Белоруссии
    Александр Озерец)» — the group takes in post words only, not the words of the post's own complement. The
    stretch of lower-case nouns, adjectives, «по» and «и» before ``start`` counts from its first post word on."""
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
    return start if first is None else _word_start(doc, first.start, i)


def _last_phrase_start(doc: Doc, start: int, end: int) -> int:
    """Where the post phrases that go with a name start: after a name followed by a new post word without a
    comma («с корреспондентом «Голоса Америки» лидер движения Александр Белов»: only «лидер движения»)."""
    out = start
    for i in range(start + 1, end):
        prev = doc[i - 1]
        if lemma(doc[i]) in _heads() and (prev.ent_type_ or prev.text in ("»", '"')):
            j = i
            while j > out and doc[j - 1].pos_ == "ADJ" and not doc[j - 1].ent_type_:
                j -= 1
            out = j
    return out


def _posts_after(doc: Doc, person: Span, sent: Span) -> list[tuple]:
    """Posts in apposition after a name: «Ван И, министр иностранных дел КНР, …», «Ннека Угбома — руководитель
    проекта …», «Андрей Санников — бывший заместитель министра …», two of them joined by «и»."""
    after = person.end
    if after + 1 >= sent.end or doc[after].text not in (",", *_DASHES):
        return []
    head = after + 1
    while head < min(sent.end, after + 4) and (
        doc[head].pos_ == "ADJ"
        and doc[head].text[:1].islower()
        or lemma(doc[head]) in _FORMER
        or lemma(doc[head]) in _ACTING
        or doc[head].text == "-"
    ):
        head += 1
    ws = words(doc, head, min(sent.end, head + 3))
    if not ws or head_lemma(ws[0]) is None:
        return []
    # the apposition agrees with the name in case; in «исполняющий обязанности представителя» the participle does
    lead = doc[after + 1] if lemma(doc[after + 1]) in _ACTING else ws[0].last
    if doc[after].text == "," and case_of(lead) not in (case_of(person[-1]), "", "Nom"):
        return []
    out = []
    start = after + 1
    end = start
    seen_body = False
    while end < sent.end:
        tok = doc[end]
        # (a participle up to the post's head is part of it: «управляющий компанией», «исполняющий обязанности»)
        if tok.text in (",", ".", ";", ":", "(", ")", "—", "–") or tok.pos_ in ("VERB", "AUX") and end > head:
            break
        if tok.ent_type_ == "Person":
            # «Фрэнк Лэмпард, капитан клуба «Тоттенхэм» Ледли Кинг и …»: the phrase names the next person's post
            return out
        if seen_body and not tok.ent_type_ and tok.text not in ("«", "»", '"'):
            if lemma(tok) != "и":
                break
            # «лидер партии X и член совета Y»: a second post of the same person
            got = _segment_role(doc, start, end)
            if got:
                out.append(got)
            start, seen_body = end + 1, False
        elif tok.ent_type_ and tok.ent_type_ != "Person":
            seen_body = True
        end += 1
    got = _segment_role(doc, start, end)
    if got:
        out.append(got)
    return out


# verbs that give their subject the post in the instrumental: «X является депутатом», «капитаном стал X»,
# «X был назначен министром»; and those that give it their object: «назвал X первым вратарём»
_LINK_VERBS = {
    "являться",
    "стать",
    "становиться",
    "работать",
    "служить",
    "остаться",
    "оставаться",
    "быть",
    "числиться",
    "назначить",
    "назначать",
    "избрать",
    "избирать",
    "переизбрать",
    "утвердить",
    "назначен",
    "избран",
    "переизбран",
    "утвержден",
    "назвать",
    "называть",
}
_OBJECT_VERBS = {
    "назначить",
    "назначать",
    "избрать",
    "избирать",
    "переизбрать",
    "утвердить",
    "назвать",
    "называть",
}


# verbs whose subject takes the post their object names: «место спикера … занял Джон Бенер», «занять пост главы»
_TAKE_VERBS = {"занять", "занимать", "возглавить", "возглавлять"}
_SEAT_NOUNS = {"пост", "должность", "место", "кресло"}


def _post_taken(doc: Doc, verb: Token, sent: Span) -> list[tuple]:
    """The post «пост/место/должность» + genitive names as the object of a verb of taking it."""
    out = []
    for obj in sent:
        if head_of(obj).i != verb.i or dep_of(obj).split(":")[0] != "obj" or lemma(obj) not in _SEAT_NOUNS:
            continue
        end = obj.i + 1
        while end < sent.end and doc[end].text not in _CLAUSE_STOP and doc[end].pos_ not in ("VERB", "AUX"):
            if doc[end].ent_type_ == "Person":
                break
            end += 1
        got = _segment_role(doc, obj.i + 1, end)
        if got and case_of(doc[got[4]]) == "Gen":
            out.append(got)
    return out


def _below(tok: Token, top: Token, steps: int = 6) -> bool:
    """Whether a token hangs (within a few steps) from another in the parse."""
    for _ in range(steps):
        if tok.i == top.i:
            return True
        head = head_of(tok)
        if head.i == tok.i:
            return False
        tok = head
    return tok.i == top.i


def _posts_by_verb(doc: Doc, person: Span, sent: Span) -> list[tuple]:
    """Posts a verb links to a name: «капитаном стал Михаель Баллак», «Иван Петров был назначен министром
    финансов», «Иван Петров, который является депутатом парламента, …», «назвал Йенса Лемана первым вратарём»."""
    root = span_root(person)
    rel = dep_of(root).split(":")[0]
    verbs = []
    if rel in ("nsubj", "obj"):
        verbs.append((head_of(root), rel))
    elif rel == "appos" and dep_of(head_of(root)).split(":")[0] == "nsubj":
        # «… занял республиканец Джон Бенер»: the name stands by the subject
        verbs.append((head_of(head_of(root)), "nsubj"))
    for tok in sent:  # «X, который является Y»: the clause hangs on the name, «который» is its subject
        if dep_of(tok) == "acl:relcl" and person.start <= head_of(tok).i < person.end:
            if any(
                lemma(c) == "который" and dep_of(c).startswith("nsubj") and head_of(c).i == tok.i
                for c in sent
            ):
                verbs.append((tok, "nsubj"))
    out = []
    for verb, rel in verbs:
        lem = lemma(verb)
        if rel == "nsubj" and lem in _TAKE_VERBS:
            out += _post_taken(doc, verb, sent)
        if lem not in _LINK_VERBS or rel == "obj" and lem not in _OBJECT_VERBS or verb.i == root.i:
            continue
        for comp in sent:
            if (
                head_of(comp).i != verb.i
                or comp.i == verb.i
                or dep_of(comp).split(":")[0] not in ("xcomp", "obl", "obj")
            ):
                continue
            if (
                case_of(comp) != "Ins"
                or "Plur" in comp.morph.get("Number")
                or person.start <= comp.i < person.end
            ):
                continue
            start = _word_start(doc, comp.i, sent.start)
            if not words(doc, start, comp.i + 1) or head_lemma(words(doc, start, comp.i + 1)[-1]) is None:
                continue
            end = comp.i + 1
            while (
                end < sent.end
                and doc[end].text not in (",", ";", ".", ":", "(", ")")
                and _below(doc[end], comp)
            ):
                if doc[end].ent_type_ == "Person":
                    break
                end += 1
            got = _segment_role(doc, start, end)
            if got:
                out.append(got)
    return out


def _context_state(doc: Doc, role: str, sent: Span, at: int, whole: bool = True) -> Span | None:
    """The state a state's post named alone is in: the nearest state named before it in its sentence or the
    one before («в ходе визита в Украину договорился с президентом Виктором Януковичем»)."""
    base = role.removeprefix("бывший ").split(" — ")[0]
    if not is_state_post(base):
        return None
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    states = [e for e in doc.ents if e.label_ == "State" and start <= e.start and e.end <= at]
    if states:
        return states[-1]
    # a post with a qualifier of its own («музыкальный король») is a figure of speech, not the article's state's
    if not whole:
        return None
    found = article_state(doc, at)
    if found is not None:
        return found
    # the one state the article names at all; else one named later in the sentence («Глава государства
    # Дмитрий Медведев и Председатель Правительства РФ Владимир Путин …»)
    keys = sorted({ent_key(e) for e in doc.ents if e.label_ == "State"})
    if len(keys) == 1:
        return nearest_mention(doc, keys[0], at)
    # (a state inside an organisation's name counts: «Правительства РФ»)
    nested = list(doc.spans["kg_nested"]) if "kg_nested" in doc.spans else []
    later = [e for e in [*sent.ents, *nested] if e.label_ == "State" and at <= e.start and e.end <= sent.end]
    return min(later, key=lambda e: e.start, default=None)


# the genitive of a state's post that makes the post before it one of the state's too: «помощник заместителя
# госсекретаря», «советник президента», «заместитель министра»
_STATE_POST_STEMS = ("президент", "премьер", "министр", "госсекретар", "канцлер", "вице-президент")


def is_state_post(name: str) -> bool:
    """Whether a post (its generic name) belongs to a state as a whole.

    >>> is_state_post("министр иностранных дел"), is_state_post("помощник заместителя госсекретаря")
    (True, True)
    >>> is_state_post("заместитель министерства"), is_state_post("главный тренер")
    (False, False)
    """
    parts = name.split()
    if not parts:
        return False
    if name in _STATE_POSTS or parts[0] in _STATE_POSTS:
        return True
    return any(w.startswith(_STATE_POST_STEMS) and not w.startswith("министерств") for w in parts[1:])


def article_state(doc: Doc, near: int) -> Span | None:
    """The state an article is about: the one it names most often (at least twice, more than any other),
    as its mention nearest a token; None when no state stands out («Президент Обама» in a text on the US)."""
    counts: dict[str, int] = {}
    for e in doc.ents:
        if e.label_ == "State":
            counts[ent_key(e)] = counts.get(ent_key(e), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return nearest_mention(doc, ranked[0][0], near)


def title_run(doc: Doc, end: int, low: int) -> tuple[int, int | None]:
    """(first token of the titles right before token ``end``, the first rank among them or None):
    «председатель Совета муфтиев России шейх (Равиль Гайнутдин)» → the token of «шейх», None."""
    start, rank = end, None
    ws = words(doc, max(low, end - 6), end)
    while ws:
        w = ws.pop()
        kind = titles().get(w.lemma) or titles().get(w.text.lower().replace("ё", "е"))
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
        and doc[i - 1].text not in _CLAUSE_STOP
        and doc[i - 1].pos_ not in ("VERB", "AUX")
        and doc[i - 1].ent_type_ != "Person"
    ):
        i -= 1
    return i


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


class Posts:
    """Finds (person, post, of) triples around the names of persons."""

    def __init__(self, name: str = "kg_posts") -> None:
        self.name = name

    @staticmethod
    def _ref(span: Span | None) -> Ref | None:
        return None if span is None else Ref(span.start_char, span.end_char)

    def _attached(self, doc: Doc) -> list[tuple[Span, str, Span | None, Span, tuple[int, int]]]:
        found = []
        for sent in doc.sents:
            if in_skipped(sent):
                continue
            for group in actor_groups(sent):
                persons = [e for e in group.ents if e.label_ == "Person"]
                if not persons:
                    continue
                for n, person in enumerate(persons):
                    # posts before the name, split at commas: «членом политбюро ЦК КПК, министром … Китая Ван И»;
                    # a later name of a list («X — директор Y, Z — …») takes only the words after the last comma
                    low = sent.start if n == 0 else persons[n - 1].end
                    bounds = []
                    seg_start = _phrase_before(doc, group.start, low) if n == 0 else persons[n - 1].end
                    seg_start = _last_phrase_start(doc, seg_start, person.start)
                    # the parse finds post phrases whose words the group does not take in («министр по
                    # государственным сборам Новой Зеландии …», «первый замминистра энергетики …»)
                    syn = syntactic_start(doc, person, low)
                    # … but not across another name: «Глава государства Д. М. и Председатель … В. П.»
                    if (
                        syn is not None
                        and syn < seg_start
                        and not any(doc[i].ent_type_ == "Person" for i in range(syn, person.start))
                    ):
                        seg_start = syn
                    for i in range(seg_start, person.start):
                        if doc[i].text == "," and i > seg_start:
                            bounds.append((seg_start, i))
                            seg_start = i + 1
                    bounds.append((seg_start, person.start))
                    bounds = bounds if n == 0 else bounds[-1:]
                    # a title between the post and the name («… России шейх Равиль Гайнутдин», «представитель
                    # вооружённых сил полковник Иван Петров»): the post phrase ends before it, a rank is a post too
                    titled, rank = title_run(doc, person.start, low)
                    if titled < person.start:
                        bounds = [(a, min(b, titled)) for a, b in bounds if a < titled]
                        bounds.append((phrase_back(doc, titled, low), titled))
                        if rank is not None:
                            bounds.append((rank, person.start))
                    gots = [g for g in (_segment_role(doc, a, b) for a, b in bounds) if g]
                    if person.start > 0 and doc[person.start - 1].text in _DASHES:
                        # a post and a name joined by a dash agree in case: in «супруге первого президента —
                        # Наине Иосифовне» the post is another person's
                        gots = [
                            g
                            for g in gots
                            if case_of(doc[g[4]]) in ("", case_of(person[0])) or not case_of(person[0])
                        ]
                    # a rank after a post is held in the post's body: «представитель вооружённых сил полковник …»
                    bodies = [g[1] for g in gots if g[1] is not None and g[2] != rank]
                    for got in gots:
                        of = got[1] if got[1] is not None or got[2] != rank or not bodies else bodies[-1]
                        found.append((person, got[0], of, sent, (got[4], got[5])))
                    for got in _posts_after(doc, person, sent):
                        found.append((person, got[0], got[1], sent, (got[4], got[5])))
                    for got in _posts_by_verb(doc, person, sent):
                        found.append((person, got[0], got[1], sent, (got[4], got[5])))
        return found

    def _counterparts(self, doc: Doc, attached: list[tuple[Span, str, Span | None, Span]]) -> list:
        """«… встречу со своим казахстанским коллегой Ермеком Кошербаевым»: the same post in the other state."""
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
                before = [e for e in sent.ents if e.label_ == "Person" and e.end <= group.start]
                if adj is None or not before:
                    continue
                other = person_key(doc, before[-1])
                peers = list(
                    {
                        r: (p, r, o)
                        for p, r, o, s, _ in attached
                        if person_key(doc, p) == other
                        and o is not None
                        and o.label_ == "State"
                        and r not in HEAD_OF_STATE
                    }.values()
                )
                if len(peers) != 1:
                    continue
                stem = lemma(adj)[:5]
                states = [
                    e
                    for e in doc.ents
                    if e.label_ == "State" and (e._.kg_norm or e.text).lower().replace("ё", "е")[:5] == stem
                ]
                if not states or ent_key(states[0]) == ent_key(peers[0][2]):
                    continue
                of = min(states, key=lambda e: abs(e.start - group.start))
                found.append((person, peers[0][1], of, sent, 0.6, (group.start, person.start)))
        return found

    def _unattached(self, doc: Doc, attached: list[tuple[Span, str, Span | None, Span]]) -> list:
        """Head-of-state posts without a name, given to the one person named as that state's head."""
        heads: dict[str, set[str]] = {}
        first: dict[str, Span] = {}
        for person, role, of, _, _ in attached:
            if of is not None and role in HEAD_OF_STATE:
                key = person_key(doc, person)
                heads.setdefault(ent_key(of), set()).add(key)
                first.setdefault(key, person)
        found = []
        taken = {(p.start, r) for p, r, _, _, _ in attached}
        for sent in doc.sents:
            if in_skipped(sent):
                continue
            for group in actor_groups(sent):
                if any(e.label_ == "Person" for e in group.ents):
                    continue
                state = group.ents[0]
                got = _segment_role(doc, group.start, state.end)
                if not got or got[0] not in HEAD_OF_STATE or got[1] is None:
                    continue
                holders = heads.get(ent_key(got[1]), set())
                if len(holders) == 1:
                    person = first[next(iter(holders))]
                    if (person.start, got[0]) not in taken:
                        taken.add((person.start, got[0]))
                        found.append((person, got[0], got[1], sent, 0.6, (got[4], got[5])))
        return found

    def _coreferent(self, doc: Doc, rows: list) -> list:
        """A post named as a subject with no name («Премьер-министр Израиля заявил …», «Как отметил премьер
        …») given to the one person named before it in its sentence, or else in the sentence before."""
        covered = {i for _, _, _, _, _, toks in rows for i in range(toks[0], toks[1])}
        holders: dict[tuple[str, str], set[str]] = {}
        for p, r, o, *_ in rows:
            holders.setdefault((r, ent_key(o) if o is not None else ""), set()).add(person_key(doc, p))
        mention_of: dict[str, list[Span]] = {}
        for e in doc.ents:
            if e.label_ == "Person":
                mention_of.setdefault(person_key(doc, e), []).append(e)
        held = {k: next(iter(v)) for k, v in holders.items() if len(v) == 1}
        posts_of: dict[str, list[tuple[str, Span | None]]] = {}
        for p, r, o, *_ in rows:
            posts_of.setdefault(person_key(doc, p), []).append((r, o))
        sents = list(doc.sents)
        found = []
        for n, sent in enumerate(sents):
            if in_skipped(sent):
                continue
            for tok in sent:
                # the subject of a clause, or the post a verb of holding names: «занять пост премьер-министра»
                at = _word_start(doc, tok.i, sent.start)
                held_post = (
                    at > sent.start
                    and lemma(doc[at - 1]) in ("пост", "должность")
                    # «кандидат на пост главы Франции» is not holding it
                    and not any(lemma(t) in _CANDIDATE for t in doc[max(sent.start, at - 5) : at])
                )
                if (
                    tok.i in covered
                    or tok.ent_type_
                    or tok.i + 1 < sent.end
                    and doc[tok.i + 1].text == "-"
                    and not tok.whitespace_
                    or lemma(tok) not in _heads()
                    or case_of(tok) != "Nom"
                    and not (held_post and case_of(tok) == "Gen")
                    or "Plur" in tok.morph.get("Number")
                ):
                    continue
                start = _word_start(doc, tok.i, sent.start)
                end = tok.i + 1
                while end < sent.end and (
                    doc[end].text not in _CLAUSE_STOP
                    and doc[end].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "ADP", "CCONJ")
                    or doc[end].text in ("«", "»", '"', "-")
                ):
                    end += 1
                # a name later in the sentence may be the post's own («министр …, глава … Дан Меридор»)
                if not held_post and any(doc[i].ent_type_ == "Person" for i in range(start, sent.end)):
                    continue
                got = _segment_role(doc, start, end)
                if not got:
                    continue
                role, of = got[0], got[1]
                # a post in a body that the article gives one person is that person's, wherever it is named
                # («Николя Саркози … Как было объявлено, президент Франции прибыл …»)
                other = held.get((role, ent_key(of))) if of is not None else None
                if other is not None:
                    person = min(mention_of[other], key=lambda e: (e.start > start, abs(e.start - start)))
                else:
                    before = [e for e in sent.ents if e.label_ == "Person" and e.end <= start]
                    if not before and n > 0 and not held_post:
                        before = [e for e in sents[n - 1].ents if e.label_ == "Person"]
                    if len({person_key(doc, e) for e in before}) != 1:
                        continue
                    person = before[-1]
                    if held.get((role, "")) not in (None, person_key(doc, person)):
                        continue
                # a person the article gives other posts is this one only when the post is one of them or
                # in the same body: «председатель КГБ» after a name of a diplomat is someone else
                mine = posts_of.get(person_key(doc, person), [])
                if mine and not any(
                    r == role or o is not None and of is not None and ent_key(o) == ent_key(of)
                    for r, o in mine
                ):
                    continue
                covered.update(range(got[4], got[5]))
                found.append((person, role, of, sent, 0.5, (got[4], got[5])))
        return found

    def find(self, doc: Doc) -> list[Position]:
        """Every post held by a named person in a state or organisation, in text order (one per person, role and post-of)."""
        return self.found(doc)[0]

    def found(self, doc: Doc) -> tuple[list[Position], list[Span]]:
        """The positions, and the bodies named by a common noun that some of them are in (new spans)."""
        attached = self._attached(doc)
        rows = (
            [(p, r, o, s, 0.85, t) for p, r, o, s, t in attached]
            + self._unattached(doc, attached)
            + self._counterparts(doc, attached)
        )
        rows += self._coreferent(doc, rows)
        # a post named without its state or body («президентом Виктором Януковичем») is the one the same
        # person holds with it elsewhere in the article; else, for a state's post, the state the context names
        placed = {(person_key(doc, p), r) for p, r, o, *_ in rows if o is not None}
        filled = []
        for person, role, of, sent, conf, toks in rows:
            if of is None:
                if (person_key(doc, person), role) in placed:
                    continue
                said = doc[toks[0] : toks[1]]
                if any(
                    t.pos_ == "ADJ" and lemma(t).endswith(("ский", "цкий")) and lemma(t) not in post_words()
                    for t in said
                ):
                    continue  # «британский премьер» is Britain's even when the article names no Britain to link
                whole = not any(t.pos_ == "ADJ" and lemma(t) not in post_words() for t in said)
                of = _context_state(doc, role, sent, toks[0], whole) or _seat_of(doc, role, sent, toks[0])
                conf = 0.6
            if of is None:
                # a post is a position in a state or an organisation (org:Post, dip:postIn); an occupation the
                # text gives nowhere to place («журналист», «певец») is not asserted as one
                continue
            filled.append((person, role, of, sent, conf, toks))
        filled.sort(key=lambda r: (r[0].start_char, r[1], r[5]))
        # «главой Казахстана Токаевым» names the post of «Президент Казахстана Токаев»: «глава государства» is the
        # office the person holds under its own title when the article gives that too
        titled = {
            (person_key(doc, p), ent_key(o)): r
            for p, r, o, *_ in filled
            if r in HEAD_OF_STATE and r not in ("глава государства", "лидер") and o.label_ == "State"
        }
        # one position per person, post and body: its surest statement (the first of those), with the words of
        # the others
        statements: dict[tuple[str, str, str], list[tuple]] = {}
        for row in filled:
            person, role, of = row[:3]
            if role == "глава государства":
                role = titled.get((person_key(doc, person), ent_key(of)), role)
            key = (person_key(doc, person), role, ent_key(of))
            statements.setdefault(key, []).append((person, role, *row[2:]))
        out: list[Position] = []
        bodies: dict[tuple[int, int], Span] = {}  # the unnamed bodies the positions are in, by token offsets
        for rows_ in statements.values():
            person, role, of, sent, conf, toks = max(rows_, key=lambda r: r[4])  # the first of the surest
            said = dict.fromkeys(_text_span(doc[a:b]) for a, b in (r[5] for r in rows_))
            first = _text_span(doc[toks[0] : toks[1]])
            out.append(
                Position(
                    Ref(person.start_char, person.end_char),
                    role,
                    self._ref(of),
                    sentence_span(sent),
                    conf,
                    first,
                    tuple(sorted((t for t in said if t != first), key=lambda t: (t.start, t.end))),
                )
            )
            if of.id_ == "descriptor":
                bodies.setdefault((of.start, of.end), of)
        return sorted(out, key=lambda p: (p.person.start, p.role)), [bodies[k] for k in sorted(bodies)]

    def set_annotations(self, doc: Doc, found: tuple[list[Position], list[Span]]) -> None:
        """Store the positions on the Doc, and the bodies they are in that have no name in ``doc.spans``."""
        positions, bodies = found
        doc._.kg_positions = positions
        doc.spans[BODIES] = bodies

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.found(doc))
        return doc


@Language.factory("kg_posts", assigns=["doc._.kg_positions", "doc.spans"])
def make_posts(nlp: Language, name: str) -> Posts:
    """Factory of the post finder."""
    return Posts(name)
