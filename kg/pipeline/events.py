"""``kg_events``: partnership events in ``doc._.kg_events`` (a list of :class:`kg.records.Event`).

A cue word from ``kg/data/event_cues.tsv`` (by lemma, with the words one of which must stand near it) proposes
a mention; the clause around it gives the participants (subject, «с …», «между … и …», dative, accusative,
«в …» for a visit's host), the place and the date. Mentions of one happening are merged into one event: a
noun that only refers back («В ходе переговоров …», «Эта встреча стала …») becomes evidence of the event
before it, unless it tells of an earlier happening («Ранее, 20 мая, …»). A date belongs to the clause it is
in («… договоренностей, достигнутых в мае прошлого года» does not date the meeting), and a post of a state
without a name stands for the one person the article names in it («главе Узбекистана»). Negated or merely
intended happenings («переговоры не состоялись», «должны запустить», «выразила готовность оказать помощь»,
«выделит грант») are dropped: the graph records what took place. An event framed by a gathering of many
(«на полях саммита ШОС», «в рамках участия во встрече министров иностранных дел формата …») gets a Meeting
for that gathering as its parent (``Event.sub_event_of``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.dates import MONTH_RE, format_date, month_number
from kg.morphology import morph_analyzer, nominative
from kg.pipeline.cues import (
    Cue,
    Group,
    actor_groups,
    case_of,
    clause_dep,
    dateline,
    ent_by_offsets,
    ent_key,
    event_cues,
    governor,
    group_governor,
    in_skipped,
    lemma,
    main_states,
    nearest_mention,
    person_key,
    post_words,
    sentence_span,
)
from kg.pipeline.posts import Posts
from kg.pipeline.syntax import head_of
from kg.records import Event, Position, Ref, TextSpan

if not Doc.has_extension("kg_events"):
    Doc.set_extension("kg_events", default=[])

# event types that news use for the same happening («провел встречу … В ходе переговоров …»)
FAMILY = {"Talks": "talks", "Meeting": "talks"}
# verbs that say a named happening took place: the noun they govern is a new mention, not a reference back
LIGHT_VERBS = {
    "провести",
    "проводить",
    "состояться",
    "пройти",
    "проходить",
    "начаться",
    "завершиться",
    "совершить",
    "совершать",
    "организовать",
    "объявить",
    "прибыть",
    "находиться",
    "принять",
    "оказать",
    "оказывать",
    "предоставить",
    "предоставлять",
    "направить",
    "выразить",
    "передать",
}
# prepositions after which a noun only frames another statement («в ходе переговоров …»)
FRAMING = {
    "ходе",
    "рамках",
    "процессе",
    "финале",
    "итогам",
    "полях",
    "время",
    "после",
    "завершение",
    "начале",
    "результате",
}
MODALS = {
    "должный",
    "должен",
    "готовый",
    "готов",
    "намерен",
    "намеренный",
    "намереваться",
    "планировать",
    "собираться",
    "мочь",
    "хотеть",
    "стремиться",
    "предлагать",
    "предложить",
    "призвать",
    "призывать",
    "продолжить",
    "продолжать",
    "надеяться",
    "следовать",
    "нужно",
    "необходимо",
    "важно",
    "рассчитывать",
    # the happening is only asked for, promised or tried: «пригласил посетить», «пытались вести переговоры»
    "пригласить",
    "приглашать",
    "пытаться",
    "попытаться",
    "обещать",
    "пообещать",
    "предстоять",
    "ожидаться",
    "планироваться",
    "намечаться",
}
# nouns that make the happening they govern a plan, not a fact: «подготовка визита», «готовность к переговорам»
INTENT_NOUNS = {
    "подготовка",
    "план",
    "планы",
    "намерение",
    "готовность",
    "перспектива",
    "возможность",
    "приглашение",
    "предложение",
    "идея",
    "ожидание",
    "программа",
    "график",
    "сроки",
    "срок",
    "дата",
}
# words that put a happening in the future: «предстоящий визит», «в следующем году»
FUTURE_WORDS = {
    "предстоящий",
    "следующий",
    "будущий",
    "грядущий",
    "ближайший",
    "запланированный",
    "планируемый",
}
# verbs whose participle or finite form says a happening is only planned: «визит запланирован на май»
PLAN_VERBS = {"запланировать", "планировать", "наметить", "намечать", "готовиться", "подготовить", "готовить"}
# gatherings inside which a bilateral meeting is held («на полях саммита ШОС»)
GATHERINGS = {
    "саммит",
    "форум",
    "совещание",
    "заседание",
    "конференция",
    "сессия",
    "съезд",
    "ассамблея",
}
# the frames that put an event inside a gathering
INSIDE = {"полях", "рамках", "ходе", "время"}
# the preposition each frame word takes («на полях», «в рамках»): «в то же время» frames nothing
FRAME_PREPS = {"полях": ("на",), "рамках": ("в",), "ходе": ("в",), "время": ("в", "во")}
# frames that by themselves say the event was held inside something bigger («на полях», «в рамках»); «в ходе
# встречи министров» more often refers back to the bilateral meeting itself
SIDE_FRAMES = {"полях", "рамках"}
# meeting nouns that name a gathering of many only when their complement says so: «встреча министров иностранных
# дел формата «Центральная Азия — Китай»», «встреча лидеров ШОС» (not «встреча глав МИД Казахстана и Китая»)
GROUP_MEETINGS = {"встреча"}
# words that make a meeting one of two sides: «встреча глав двух государств», «двусторонняя встреча»
BILATERAL = {"два", "оба", "двусторонний"}
_FUT_AUX = {"буду", "будешь", "будет", "будем", "будете", "будут"}
CANCEL = {"отменить", "отложить", "сорвать", "перенести", "отказаться"}
SPEECH = {"заявить", "подчеркнуть", "отметить", "сказать", "сообщить", "выразить", "указать", "добавить"}
STANCE = {"поддерживать", "поддержать", "поддержка", "приветствовать", "осудить", "осуждать", "осуждение"}
COLLECTIVE = {"сторона", "страна", "государство", "лидер", "глава", "министр", "руководитель", "партнер"}
PRONOUNS = {"он", "она"}
_ACTOR_PREPS = {"с", "со", "между"}
RECEIVE = {"принять", "принимать"}
# words that put a happening before the one reported: «Ранее, 20 мая, …», «Напомним, …»
EARLIER = {"ранее", "прежде", "напомним", "напомню"}
# the people aid is for: «пострадавшим в Казахстане», «жителям Уханя»
BENEFICIARIES = {"пострадавший", "житель", "население", "нуждающийся", "беженец", "пострадать"}
# verbs by which one side hands another a message it bears for a third: «передал … приглашение от Путина»
MESSAGE_VERBS = {"передать", "передавать", "направить", "направлять", "вручить", "вручать", "отправить"}
# posts a «глава», «лидер» or «руководитель» of a state stands for («главе Узбекистана»)
HEAD_ROLES = ("президент", "председатель", "король", "эмир", "султан")
LEADER_WORDS = {"глава", "лидер", "руководитель"}
# event types whose sides are people: a post of a state with no name stands for the one person holding it
PERSON_TYPES = {"Talks", "Meeting", "Invitation", "StateVisit", "AgreementSigning"}
# prepositions of a post's seat between its state and its holder's name: «посол Китая в Кыргызстане Ду Дэвэнь»
SEAT_PREPS = {"в", "во", "при"}
# documents whose «о …» complement may name a partnership level: «заявление о всеобъемлющем стратегическом
# партнерстве», and the verbs that sign or adopt them
DOCUMENTS = {"заявление", "декларация", "договор", "соглашение", "меморандум", "коммюнике", "хартия"}
SIGN_VERBS = {"подписать", "подписывать", "принять", "принимать", "заключить", "подписание"}
# words that make a partnership a level of relations, not a kind of cooperation («экономическое партнерство»)
LEVEL_WORDS = {
    "стратегический",
    "всеобъемлющий",
    "всесторонний",
    "привилегированный",
    "расширенный",
    "вечный",
    "всепогодный",
    "союзнический",
    "долговременный",
    "долгосрочный",
    "особый",
}

_WEEKDAY = re.compile(
    r"\bв?о?\s*(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.IGNORECASE
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})(?:\s+(\d{{4}})\s*(?:г\.|года|году)?)?", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    rf"\bв\s+({MONTH_RE})\s+(?:(\d{{4}})\s+года|(прошлого|этого|текущего|позапрошлого|минувшего)\s+года)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\bв\s+(\d{4})\s+году\b", re.IGNORECASE)
_REL_YEAR = re.compile(r"\bв\s+(прошлом|этом|текущем|позапрошлом|минувшем)\s+году\b", re.IGNORECASE)
_DAY_WORD = re.compile(r"\b(вчера|сегодня|накануне|позавчера)\b", re.IGNORECASE)


@dataclass
class _Mention:
    """One cue occurrence with what its clause says."""

    type: str
    trigger: Token
    sent: Span
    confidence: float
    primary: bool  # a verb or a noun that a «провести»-like verb governs: it may open a new event
    parts: list[tuple[Span, str | None]] = field(default_factory=list)
    implied: bool = False  # participants resolved from «стороны», «главы двух государств» …
    place: Span | None = None
    concerns: list[Span] = field(default_factory=list)
    level: str | None = None
    date: str | None = None
    partial_date: str | None = None
    date_text: str | None = None
    own_date: bool = False  # the date is stated in the mention's own sentence, not taken from the dateline
    earlier: bool = False  # «Ранее …», «Напомним, …»: a happening before the one the article reports


@dataclass
class _Draft:
    """An event being assembled from its mentions."""

    main: _Mention
    parts: list[tuple[Span, str | None]]
    keys: dict[str, str | None]  # actor key → role
    evidence: list[Span] = field(default_factory=list)
    place: Span | None = None
    concerns: list[Span] = field(default_factory=list)
    level: str | None = None
    date: str | None = None
    partial_date: str | None = None
    date_text: str | None = None
    sub_of: _Draft | None = None  # the gathering this event was held in


def dates_in(text: str, skip: tuple[int, int] | None = None) -> list[tuple[str | None, str | None, str, int]]:
    """(date, partial date, date words, offset of the words) of every date a sentence states, in text order.

    >>> [d[2] for d in dates_in("Встреча 5 мая прошла после визита в сентябре прошлого года")]
    ['5 мая', 'в сентябре прошлого года']
    """
    found: list[tuple[int, str | None, str | None, str]] = []
    for m in _DAY_MONTH.finditer(text):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        full, partial = format_date(int(m[3]) if m[3] else None, month_number(m[2]), int(m[1]))
        if full or partial:
            found.append((m.start(), full, partial, m[0].strip()))
    for m in _MONTH_YEAR.finditer(text):
        if m[2]:
            found.append((m.start(), None, format_date(int(m[2]), month_number(m[1]), None)[1], m[0]))
        else:
            found.append((m.start(), None, None, m[0]))
    for m in _YEAR.finditer(text):
        found.append((m.start(), None, f"{int(m[1]):04d}", m[0]))
    for pattern in (_REL_YEAR, _DAY_WORD):
        for m in pattern.finditer(text):
            found.append((m.start(), None, None, m[0]))
    for m in _WEEKDAY.finditer(text):
        start = m.start() + len(m[0]) - len(m[0].lstrip())
        found.append((start, None, None, m[0].strip()))
    found.sort(key=lambda f: (f[0], -len(f[3])))
    out: list[tuple[str | None, str | None, str, int]] = []
    for start, full, partial, words in found:
        # words read by two patterns count once, as the longer reading
        if out and start < out[-1][3] + len(out[-1][2]):
            continue
        out.append((full, partial, words, start))
    return out


def find_date(
    text: str, skip: tuple[int, int] | None = None
) -> tuple[str | None, str | None, str | None, int]:
    """(date, partial date, date words, offset of the words) of the first date a sentence states.

    >>> find_date("28 октября провел встречу")
    (None, '--10-28', '28 октября', 0)
    >>> find_date("Визит состоялся 3 мая 2019 года.")[:3]
    ('2019-05-03', None, '3 мая 2019 года')
    >>> find_date("В сентябре прошлого года я совершил визит")[:3]
    (None, None, 'В сентябре прошлого года')
    >>> find_date("в сентябре 2019 года")[:3]
    (None, '2019-09', 'в сентябре 2019 года')
    >>> find_date("В субботу по местному времени")[:3]
    (None, None, 'В субботу')
    >>> find_date("без даты")
    (None, None, None, -1)
    """
    found = dates_in(text, skip)
    return found[0] if found else (None, None, None, -1)


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
    return " ".join(words).replace(" ,", ",").replace("ё", "е")


def _split_after_names(group: Group) -> list[Group]:
    """A group cut after a person's name that only a comma separates from the next name.

    «По словам Нуртлеу, Казахстан поддерживает …»: a name ends the words of its post, so «Казахстан» is an
    actor of its own (in its own case), not a post of Нуртлеу's; «Ван И, министр иностранных дел КНР» keeps its
    post words and stays one group.
    """
    doc = group.ents[0].doc
    for i, (a, b) in enumerate(zip(group.ents, group.ents[1:])):
        between = doc[a.end : b.start]
        if a.label_ == "Person" and len(between) == 1 and between[0].text == ",":
            case = next((case_of(t) for t in b if case_of(t)), "")
            first = Group(group.start, a.end, group.ents[: i + 1], group.prep, group.case)
            return [first, *_split_after_names(Group(b.start, group.end, group.ents[i + 1 :], "", case))]
    return [group]


def _join_seats(groups: list[Group]) -> list[Group]:
    """Groups joined across the seat of a post: «с послом Китая | в Кыргызстане Ду Дэвэнем» is one group.

    A group of post words and a state or body but no name, then «в» / «при» and a state, place or body followed
    at once by a person's name: the name is the holder of the post, and the seat is no place of the event.
    """
    out = list(groups)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        doc = a.ents[0].doc
        post = any(lemma(t) in post_words() for t in doc[a.start : a.ents[0].start])
        seat = (
            post
            and not any(e.label_ == "Person" for e in a.ents)
            and b.prep in SEAT_PREPS
            and b.start == a.end + 1
            and doc[a.end].lower_ == b.prep
            and b.ents[0].label_ in ("State", "Place", "Organization")
        )
        if seat and len(b.ents) > 1 and b.ents[1].label_ == "Person" and b.ents[1].start == b.ents[0].end:
            out[i : i + 2] = [Group(a.start, b.end, a.ents + b.ents, a.prep, a.case)]
        elif (
            seat
            and len(b.ents) == 1
            and i + 2 < len(out)
            and out[i + 2].start == b.end
            and out[i + 2].ents[0].label_ == "Person"
            and not out[i + 2].prep
        ):
            c = out[i + 2]
            out[i : i + 3] = [Group(a.start, c.end, a.ents + b.ents + c.ents, a.prep, a.case)]
        i += 1
    return out


def event_groups(sent: Span) -> list[Group]:
    """The actor groups of a sentence as the event finder reads them (see the two helpers above)."""
    return _join_seats([part for g in actor_groups(sent) for part in _split_after_names(g)])


def _two(token: Token) -> bool:
    """Whether a word is «два» or «оба» (in any case; the lemmatizer leaves «двух» as it is)."""
    return lemma(token) in ("два", "оба") or token.lower_ in ("двух", "двум", "двумя", "обеих", "обоих")


def _dominates(top: Token, token: Token) -> bool:
    """Whether ``token`` lies in the syntactic subtree of ``top`` (a token dominates itself)."""
    seen = set()
    cur = token
    while cur.i not in seen:
        if cur.i == top.i:
            return True
        seen.add(cur.i)
        head = head_of(cur)
        if head.i == cur.i:
            return False
        cur = head
    return False


class Events:
    """Finds cue words, reads their clauses and merges the mentions of each happening into one event."""

    def __init__(self, name: str = "kg_events", posts_before: bool = False) -> None:
        self.name = name
        # whether ``kg_posts`` runs before this component (then its positions are on the Doc already)
        self.posts_before = posts_before
        # (sentence start, participants) of the last talks or meeting read, for «стороны» after it
        self._sides: tuple[int, list[Span]] | None = None

    # -- cues --------------------------------------------------------------------------------------------------
    @staticmethod
    def _cue_ok(cue: Cue, tok: Token) -> bool:
        if cue.pos == "VERB" and tok.pos_ not in ("VERB", "AUX"):
            return False
        if cue.pos == "NOUN" and tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if not cue.needs or cue.needs == ("*",):
            return True
        if cue.needs[0].startswith("@"):
            return Events._frame_ok(cue.needs[0], tok)
        sent = tok.sent
        window = sent.doc[max(sent.start, tok.i - 7) : min(sent.end, tok.i + 8)]
        if any(lemma(t) in cue.needs for t in window if t.i != tok.i):
            return True
        # a noun that is the object of a verb further off, or joined to its object: «передал главе …
        # приветствие от … и приглашение посетить …»
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        cur = tok
        while clause_dep(cur) == "conj" and head_of(cur).i != cur.i:
            cur = head_of(cur)
        return clause_dep(cur) == "obj" and lemma(head_of(cur)) in cue.needs

    @staticmethod
    def _frame_ok(need: str, tok: Token) -> bool:
        """A cue that counts only with an actor in a given slot of its own clause.

        «@guest»: a person or delegation as the direct object («принял министра Ван И», not «принял участие»);
        «@with»: a partner after «с» («договорился с Януковичем»); «@document»: a partnership of a stated level
        that a signed or adopted document is about («подписали заявление о всеобъемлющем стратегическом
        партнерстве»).
        """
        if need == "@document":
            return Events._document_level(tok) is not None
        groups = event_groups(tok.sent)
        if need == "@guest":
            return bool(Events._received(tok, groups))
        own = [g for g in groups if group_governor(g).i == tok.i]
        if need == "@with":
            return any(
                g.prep in ("с", "со") and g.actor.label_ in ("Person", "State", "Organization") for g in own
            )
        return False

    @staticmethod
    def _document_level(tok: Token) -> int | None:
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
        near = {lemma(t) for t in doc[max(sent.start, k - 3) : k]}
        return j if lemma(governor(doc[k])) in SIGN_VERBS or "подписание" in near else None

    @staticmethod
    def _received(verb: Token, groups: list[Group]) -> list[Span]:
        """Who a «принять» verb receives: a person or a delegation as its direct object in the same clause.

        Read from the case of the name itself (the words before it may be a genitive «своего коллегу»), or of
        the post word that opens its group when the tagger read an animate name as a genitive («принял в
        Ташкенте министра … Сергея Лаврова»), and with no other verb, no punctuation and no other object noun
        between («принял участие в переговорах министра …»), since the parser often hangs the object on a noun
        before it.
        """
        doc = verb.doc
        out = []
        for g in groups:
            if g.start <= verb.i or g.prep or g.start - verb.i > 10:
                continue
            actor = g.actor
            first = doc[g.start]
            post_acc = first.i < actor.start and lemma(first) in post_words() and case_of(first) == "Acc"
            if actor.label_ == "Person":
                ok = case_of(actor[0]) == "Acc" or (
                    case_of(actor[0]) == "Gen"
                    and "Anim" in actor[0].morph.get("Animacy")
                    and (post_acc or Events._top_dep(g) == "obj")
                )
            else:
                ok = lemma(first) == "делегация" and case_of(first) == "Acc"
            between = doc[verb.i + 1 : g.start]
            if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in between):
                break
            if any(
                t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ and case_of(t) in ("Nom", "Acc")
                for t in between
            ):
                break
            if ok:
                out.append(actor)
                break
        return out

    @staticmethod
    def _thanked_for(tok: Token) -> Token | None:
        """The thanks word of «благодарность КНР за оказанную помощь» (the parser often hangs «за …» elsewhere)."""
        doc = tok.doc
        window = list(doc[max(tok.sent.start, tok.i - 8) : tok.i])
        for i, t in enumerate(window):
            if lemma(t) in ("благодарность", "поблагодарить", "благодарить", "благодарный") and any(
                w.lower_ == "за" for w in window[i + 1 :]
            ):
                return t
        return None

    @staticmethod
    def _attributive(tok: Token) -> bool:
        """A participle that describes a noun («запущенную Китаем инициативу») asserts no new happening."""
        return "Part" in tok.morph.get("VerbForm") and "Short" not in tok.morph.get("Variant")

    @staticmethod
    def _future(verb: Token) -> bool:
        """Whether a verb speaks of what is yet to come: «проведут», «будет вести», «провели бы»."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if "Fut" in verb.morph.get("Tense") or "Cnd" in verb.morph.get("Mood"):
            return True
        # the auxiliary of the compound future and the particle of the conditional («будут вести», «провели бы»)
        return any(
            head_of(t).i == verb.i and (t.lower_ in _FUT_AUX or t.lower_ == "бы")
            for t in verb.sent
            if t.i != verb.i
        )

    @staticmethod
    def _future_time(anchors: set[int], doc: Doc) -> bool:
        """Whether a future time word («в следующем году», «предстоящий») depends on one of the anchors."""
        sent = doc[min(anchors)].sent
        for t in sent:
            if lemma(t) not in FUTURE_WORDS:
                continue
            cur = t
            for _ in range(3):
                head = head_of(cur)
                if head.i in anchors:
                    return True
                if head.i == cur.i or head.pos_ in ("VERB", "AUX"):
                    break
                cur = head
        return False

    @staticmethod
    def _future_aux_before(verb: Token) -> bool:
        """Whether «будет», «будут» … stands before an infinitive in its clause, as the compound future's
        auxiliary the parser hung elsewhere («будет терпеливо, но настойчиво вести переговоры»)."""
        doc = verb.doc
        for t in reversed(list(doc[max(verb.sent.start, verb.i - 6) : verb.i])):
            if t.lower_ in _FUT_AUX:
                return True
            if (
                t.pos_ == "SCONJ"
                or t.text in (";", ":", ".", "—")
                or (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"))
            ):
                return False
        return False

    @staticmethod
    def _own_clause(tok: Token, pred: Token) -> Token:
        """The verb of a noun's own clause when the parser hung it on the verb of a clause after it.

        «в беседе с корреспондентами отметил, что отношения … переживают …»: a noun before the «что» that opens
        a clause is not of that clause; the verb that clause depends on is taken instead.
        """
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i > pred.i:
            return pred
        opens = any(clause_dep(t) == "mark" and head_of(t).i == pred.i for t in tok.doc[tok.i + 1 : pred.i])
        head = head_of(pred)
        return governor(head) if opens and head.i != pred.i else pred

    @staticmethod
    def _participle_owner(pred: Token, groups: list[Group]) -> Span | None:
        """The actor a participle right after it (and a comma) describes: «Хаканом Фиданом, находящимся в
        Бишкеке …» → Хакан Фидан; None when the predicate is no participle or follows no actor."""
        if "Part" not in pred.morph.get("VerbForm"):
            return None
        doc = pred.doc
        before = [
            g
            for g in groups
            if g.end <= pred.i and all(t.text == "," for t in doc[g.end : pred.i]) and g.end < pred.i
        ]
        return before[-1].actor if before else None

    @staticmethod
    def _visit_verb(tok: Token) -> Token | None:
        """The verb a «с визитом» goes with: the nearest one before it in its clause («прибыл в Пекин с
        государственным визитом», «посетить Россию с официальным визитом»), whatever the parser hung it on."""
        doc, sent = tok.doc, tok.sent
        j = tok.i - 1
        while j > sent.start and doc[j].pos_ == "ADJ":
            j -= 1
        if doc[j].lower_ not in ("с", "со"):
            return None
        for t in reversed(list(doc[max(sent.start, j - 8) : j])):
            if t.text in (",", ";", ":", "—", "(") or t.pos_ == "SCONJ":
                return None
            if t.pos_ == "VERB":
                return t
        return None

    @staticmethod
    def _intent_before(verb: Token) -> bool:
        """Whether an infinitive follows an intent noun and the words that complete it, whatever the parser
        hung it on: «передал … приглашение от Председателя КНР Си Цзиньпина посетить Китай»."""
        doc = verb.doc
        for t in reversed(list(doc[max(verb.sent.start, verb.i - 8) : verb.i])):
            if lemma(t) in INTENT_NOUNS and t.pos_ in ("NOUN", "PROPN"):
                return True
            if t.pos_ in ("VERB", "AUX", "SCONJ") or t.text in (",", ";", ":", "—", "(", "."):
                return False
        return False

    def _blocked(self, tok: Token, pred: Token) -> bool:
        """Whether the happening is negated, cancelled, only planned, intended or yet to come.

        Read from the words that govern the cue: «не» before it or its verb, a cancelling verb, a modal or
        inviting verb or an intent noun above or before an infinitive («должны запустить», «пригласил посетить»,
        «приглашение посетить»), a future or conditional verb («проведут», «будут вести»), a planning noun above
        the cue («подготовку визита»), or a future time word that depends on it («в следующем году»,
        «предстоящий визит»).
        """
        doc = tok.doc
        for t in {tok, pred}:
            if t.i > 0 and doc[t.i - 1].lower_ == "не" and (t is tok or lemma(t) in LIGHT_VERBS):
                return True
        if lemma(pred) in CANCEL or lemma(head_of(pred)) in CANCEL:
            return True
        if lemma(pred) in PLAN_VERBS:
            return True
        cur = pred
        for _ in range(3):
            if "Inf" not in cur.morph.get("VerbForm"):
                break
            head = head_of(cur)
            if head.i == cur.i:
                break
            if lemma(head) in MODALS or head.lower_ in MODALS or lemma(head) in PLAN_VERBS:
                return True
            # an infinitive that completes an intent noun: «приглашение посетить Россию», «готовность оказать»
            if lemma(head) in INTENT_NOUNS:
                return True
            cur = head
        if "Inf" in pred.morph.get("VerbForm") and self._intent_before(pred):
            return True
        # the tense of the finite verb the clause hangs on (an infinitive's governor when there is one)
        if self._future(cur if "Inf" in pred.morph.get("VerbForm") else pred):
            return True
        if "Inf" in pred.morph.get("VerbForm") and self._future_aux_before(pred):
            return True
        if tok.pos_ in ("NOUN", "PROPN"):
            # «подготовку визита», «о готовности к переговорам», «планы провести переговоры»
            cur = tok
            for _ in range(2):
                head = head_of(cur)
                if head.i == cur.i or head.pos_ in ("VERB", "AUX"):
                    break
                if lemma(head) in INTENT_NOUNS:
                    return True
                cur = head
            if lemma(head_of(pred)) in INTENT_NOUNS and head_of(pred).i != pred.i and pred.i != tok.i:
                return True
        return self._future_time({tok.i, pred.i}, doc)

    @staticmethod
    def _primary(tok: Token, pred: Token) -> bool:
        if tok.pos_ in ("VERB", "AUX"):
            return True
        doc = tok.doc
        prev = [t.lower_ for t in doc[max(tok.sent.start, tok.i - 3) : tok.i]]
        if any(w in FRAMING for w in prev):
            return False
        return head_of(tok).i == pred.i and lemma(pred) in LIGHT_VERBS

    # -- participants ------------------------------------------------------------------------------------------
    def _clause_groups(self, tok: Token, pred: Token, groups: list[Group]) -> list[Group]:
        own = [g for g in groups if group_governor(g).i == pred.i]
        # a verb joined to another («встретился … и провел переговоры») shares its subject
        if (
            not any(g.case == "Nom" and not g.prep for g in own)
            and clause_dep(pred) == "conj"
            and self._subject_word(pred) is None  # «…, а затем министры подписали»: a subject of its own
        ):
            first = head_of(pred)
            own += [g for g in groups if group_governor(g).i == first.i and g.case == "Nom" and not g.prep]
        return sorted(set(own), key=lambda g: g.start)

    def _subject_word(self, pred: Token) -> Token | None:
        for t in pred.sent:
            if head_of(t).i == pred.i and clause_dep(t) == "nsubj" and t.i != pred.i:
                return t
        return None

    def _resolve_word(
        self, doc: Doc, word: Token, positions: list[Position], groups: list[Group]
    ) -> tuple[list[Span], bool]:
        """Actors a subject word without a name stands for: «который», «он», «министр», «стороны» …"""
        lem = lemma(word)
        if (
            lem in ("сторона", "лидер", "глава", "министр", "руководитель")
            and "Plur" in word.morph.get("Number")
            and self._sides is not None
            and (lem == "сторона" or all(e.label_ == "Person" for e in self._sides[1]))
        ):
            # «Стороны подписали …» right after the talks it refers to: the sides of those talks
            sent_start, sides = self._sides
            prev_start = doc[word.sent.start - 1].sent.start if word.sent.start > 0 else word.sent.start
            if sent_start in (word.sent.start, prev_start):
                return list(sides), False
        if lem == "который":
            before = [g for g in groups if g.end <= word.i]
            if not before or word.i - before[-1].end > 2:
                return [], False
            # «Миллер и министр … Озерец, которые встречаются»: a plural «которые» takes the actors joined by «и»
            out = [before[-1]]
            if "Plur" in word.morph.get("Number"):
                for g in reversed(before[:-1]):
                    gap = doc[g.end : out[-1].start]
                    # «и» or a comma, then only the post words of the next name («и министр энергетики»)
                    if (
                        not gap
                        or gap[0].lower_ not in ("и", ",")
                        or any(t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.lower_ != "," for t in gap[1:])
                    ):
                        break
                    out.append(g)
            return [g.actor for g in sorted(out, key=lambda g: g.start)], False
        if lem in ("я", "мы") and lem == word.lower_:
            # the speaker of a quotation: the named subject of a speech verb before it (this or the last sentence)
            start = max(0, word.sent.start - 1)
            prev_sent = doc[start].sent
            for g in reversed(event_groups(prev_sent)[:] + [g for g in groups if g.end <= word.i]):
                if g.end <= word.i and g.case == "Nom" and not g.prep and lemma(group_governor(g)) in SPEECH:
                    return [g.actor], False
            return [], False
        if lem in PRONOUNS:
            # «Как отметил президент, он пригласил …»: the nearest earlier subject in the sentence
            for t in reversed(list(doc[word.sent.start : word.i])):
                if lemma(t) in post_words() and case_of(t) == "Nom":
                    return self._holders(doc, t, positions), False
                g = next((g for g in groups if g.start <= t.i < g.end and g.case == "Nom"), None)
                if g is not None:
                    return [g.actor], False
            return [], False
        if lem in post_words() and lem not in ("глава", "член") and word.text[:1].islower():
            kids = [t for t in word.sent if head_of(t).i == word.i and t.i != word.i]
            # «лидеры двух стран»: the number may hang on the noun after the post word
            after = doc[word.i + 1 : min(word.sent.end, word.i + 3)]
            if not any(t.ent_type_ for t in kids) and not any(_two(t) for t in [*kids, *after]):
                if lem == "министр" and case_of(word) == "Nom" and "Plur" in word.morph.get("Number"):
                    return self._fm_holders(doc, positions), True
                return self._holders(doc, word, positions), False
        if lem in COLLECTIVE:
            kids = [t for t in doc[word.i + 1 : min(word.sent.end, word.i + 4)]]
            if lem in ("глава", "министр", "руководитель") and (
                lem == "министр" or any(lemma(t) in ("мид", "дипломатия", "ведомство") for t in kids)
            ):
                return self._fm_holders(doc, positions), True
            if "Plur" in word.morph.get("Number") or any(lemma(t) in ("два", "оба") for t in kids):
                return main_states(doc), True
        return [], False

    @staticmethod
    def _holders(doc: Doc, post_word: Token, positions: list[Position]) -> list[Span]:
        """The one person of the article whose post a bare post word («министр», «президент») names."""
        lem = lemma(post_word)
        generic = post_words().get(lem, ("", ""))[1] or lem
        people = {}
        for p in positions:
            if (
                p.role == generic
                or p.role.startswith(generic + " ")
                or p.role.endswith(" " + generic)
                or generic == "министр"
                and "министр" in p.role
            ):
                span = ent_by_offsets(doc, p.person.start, p.person.end)
                if span is not None:
                    people.setdefault(person_key(doc, span), span)
        return list(people.values()) if len(people) == 1 else []

    @staticmethod
    def _fm_holders(doc: Doc, positions: list[Position]) -> list[Span]:
        """The foreign ministers the article names (for «главы МИД двух стран», «министры»)."""
        people = {}
        for p in positions:
            if "министр иностранных дел" in p.role:
                span = ent_by_offsets(doc, p.person.start, p.person.end)
                if span is not None:
                    people.setdefault(person_key(doc, span), span)
        return list(people.values()) if len(people) >= 2 else []

    def _participants(self, m: _Mention, pred: Token, groups: list[Group], positions: list[Position]) -> None:
        doc = m.trigger.doc
        tok = m.trigger
        clause = self._clause_groups(tok, pred, groups)
        subj = [
            g
            for g in clause
            if not g.prep
            and (g.case == "Nom" or self._top_dep(g) == "nsubj")
            and (g.actor.label_ != "Place" or g.end <= pred.i)
        ]
        partners = [g for g in clause if g.prep in ("с", "со") and g.case in ("Ins", "")]
        if not clause:
            # a clause the parser left without its words («…, где вместе с председателем КНР Си Цзиньпином
            # принял …»): companions close before the verb
            partners = [g for g in groups if g.prep in ("с", "со") and 0 <= pred.i - g.end <= 6]
        between = []
        for i, g in enumerate(groups):
            if g.prep == "между" and abs(g.start - tok.i) <= 12:
                between.append(g)
                nxt = groups[i + 1] if i + 1 < len(groups) else None
                if (
                    nxt is not None
                    and not nxt.prep
                    and nxt.start - g.end <= 8
                    and any(t.lower_ == "и" for t in doc[g.end : nxt.start])
                ):
                    between.append(nxt)
        dative = [g for g in clause if not g.prep and g.case == "Dat"]
        accus = [g for g in clause if not g.prep and g.case == "Acc" and g.start > min(tok.i, pred.i)]
        to = [g for g in clause if g.prep in ("в", "во") and g.case == "Acc"]
        at = [
            g
            for g in clause
            if g.prep in ("в", "во") and g.case == "Loc" and g.actor.label_ in ("Place", "State")
        ]
        # a noun's own genitive: «визит Токаева», «переговоры президента Казахстана и главы Китая»
        gen = [g for g in groups if g.case == "Gen" and not g.prep and 0 < g.start - tok.i <= 2]
        if gen and tok.pos_ in ("NOUN", "PROPN"):
            last = gen[-1]
            for g in groups:
                if (
                    g.start > last.end
                    and g.start - last.end <= 2
                    and g.case == "Gen"
                    and not g.prep
                    and any(t.lower_ == "и" for t in doc[last.end : g.start])
                ):
                    gen.append(g)
                    break
        else:
            gen = []
        sw = self._subject_word(pred)
        if sw is None and not subj:
            # no subject of its own: the subject of the verb before it in the sentence («я совершил визит …,
            # где … принял декларацию»)
            prev = [
                t for t in doc[m.sent.start : pred.i] if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")
            ]
            if prev:
                subj = [
                    g for g in groups if group_governor(g).i == prev[-1].i and not g.prep and g.case == "Nom"
                ]
                sw = None if subj else self._subject_word(prev[-1])
        # (a name is no such word: «UzDaily - Президент … принял …», an agency the parser took for the subject)
        if (
            sw is not None
            and not sw.ent_type_
            and sw.pos_ != "PROPN"
            and sw.i < pred.i
            and subj
            and all(g.start > pred.i or self._top_dep(g) != "nsubj" for g in subj)
        ):
            subj = []  # «Лидеры двух стран подписали соглашение о дороге Китай — …»: the name after is no subject
        resolved, implied = ([], False)
        if not subj and sw is not None and not sw.ent_type_:
            resolved, implied = self._resolve_word(doc, sw, positions, groups)
            if not resolved:
                # «Самолет МЧС России доставил …»: the actor the subject noun belongs to
                owner = [g for g in groups if not g.prep and g.case == "Gen" and 0 < g.start - sw.i <= 2]
                resolved = [owner[0].actor] if owner and owner[0].actor.label_ != "Place" else []
        m.implied = implied
        # the subject nearest before the verb (a dateline's agency or an earlier clause's name stands further off)
        subj.sort(key=lambda g: (g.start > pred.i, -g.start if g.start < pred.i else g.start))
        chosen = subj[:1]
        for g in subj[1:]:
            # «Касым-Жомарт Токаев и Шавкат Мирзиёев подписали …»: subjects joined by «и»
            a, b = sorted((g, chosen[-1]), key=lambda x: x.start)
            if all(t.lower_ in ("и", ",") for t in doc[a.end : b.start]) and b.start > a.end:
                chosen.append(g)
        subj_ents = [g.actor for g in sorted(chosen, key=lambda g: g.start)] + resolved
        at_ents = [g.actor for g in at]
        m.place = at_ents[0] if at_ents else None
        t = m.type
        parts: list[tuple[Span, str | None]] = []
        if t in ("Talks", "Meeting") and tok.pos_ in ("VERB", "AUX") and lemma(tok) in RECEIVE:
            # «Обама принимает … коллегу Саркози»: the subject hosts, the object is the guest
            guests = self._received(tok, groups)
            parts = [(e, "host") for e in subj_ents] + [(e, "guest") for e in guests]
        elif t in ("Talks", "Meeting"):
            parts = [(e, None) for e in subj_ents + [g.actor for g in partners + between + gen]]
        elif t == "StateVisit":
            # a visit noun names its visitor in the genitive («визит Токаева»); the clause's subject is the
            # visitor only when a verb says the visit was made («совершил визит», «прибыл с визитом») or the
            # visit frames what the subject did there («в ходе визита в Украину договорился …»)
            framed = any(t.lower_ in INSIDE for t in doc[max(m.sent.start, tok.i - 3) : tok.i])
            owner = self._participle_owner(pred, groups)
            if owner is not None:
                # «с председателем КНР Си Цзиньпином, прибывшим … с государственным визитом»: the visitor is
                # the name the participle stands by, not the clause's subject
                guests = [owner]
            elif tok.pos_ in ("VERB", "AUX") or gen:
                guests = [g.actor for g in gen[:1]] or subj_ents
            elif framed or lemma(pred) in LIGHT_VERBS:
                guests = subj_ents
            else:
                guests = []
            hosts = [g.actor for g in to[:1]] or [
                g.actor for g in accus[:1] if lemma(tok) in ("посетить", "посещать")
            ]
            # the country visited is the place; a named host person or body is a participant
            parts = [(e, "guest") for e in guests] + [
                (e, "host") for e in hosts if e.label_ in ("Person", "Organization")
            ]
            if hosts and hosts[0].label_ in ("Place", "State"):
                m.place = hosts[0]
        elif t == "AgreementSigning":
            parts = [(e, "signatory") for e in subj_ents + [g.actor for g in partners + between]]
        elif t == "AidDelivery":
            thanks = [
                w
                for w in m.sent
                if lemma(w) in ("благодарность", "благодарный", "поблагодарить", "благодарить")
            ]
            if thanks:
                # «выразил благодарность КНР за оказанную помощь»: the thanked side gave it
                donors = [
                    g.actor
                    for g in groups
                    if not g.prep
                    and g.actor.label_ != "Place"
                    and any(g.start - w.i in (1, 2) for w in thanks)
                ]
                recipients = [g.actor for g in groups if g.case == "Nom" and not g.prep][:1]
            else:
                donors = subj_ents
                # the receiving side: a dative («Киргизии»), «в Казахстан», «для Казахстана», «пострадавшим в X»
                given_to = [
                    g
                    for g in groups
                    if g.start > min(tok.i, pred.i) - 2
                    and (
                        g.prep in ("в", "во")
                        and g.case == "Acc"
                        and group_governor(g).i == pred.i
                        or g.prep == "для"
                        or g.prep in ("в", "во")
                        and g.start >= 2
                        and lemma(doc[g.start - 2]) in BENEFICIARIES
                    )
                ]
                recipients = [
                    g.actor
                    for g in dative + given_to
                    if g.actor.label_ in ("State", "Organization", "Person")
                ]
                recipients.sort(key=lambda e: e.start)
            places = [
                g.actor
                for g in groups
                if g.actor.label_ == "Place"
                and g.start > tok.i - 3
                and (g.prep in ("для", "в", "во") or lemma(doc[g.start - 1]) in ("житель", "население"))
            ]
            if places:
                m.place = places[0]
            parts = [(e, "donor") for e in donors[:1]] + [
                (e, "recipient") for e in recipients[:1] if not donors or ent_key(e) != ent_key(donors[0])
            ]
        elif t == "Invitation" and tok.pos_ in ("NOUN", "PROPN") and lemma(pred) in MESSAGE_VERBS:
            # «Лавров передал главе Узбекистана приглашение от Путина»: the sender («от …», else the genitive
            # after the noun, else the subject) invites, the addressee (dative) is invited, a bearer is no party
            senders = [g.actor for g in clause if g.prep == "от"] or [g.actor for g in gen[:1]]
            parts = [(e, "inviter") for e in (senders or subj_ents)[:1]] + [
                (g.actor, "invitee") for g in dative[:1]
            ]
        elif t == "Invitation" and tok.pos_ in ("NOUN", "PROPN") and lemma(pred) in ("принять", "получить"):
            # «Токаев принял приглашение (Мирзиёева)»: the subject is the one invited
            parts = [(e, "invitee") for e in subj_ents[:1]] + [(g.actor, "inviter") for g in gen[:1]]
        elif t == "Invitation":
            invitees = [g.actor for g in accus[:1]] or [g.actor for g in dative[:1]]
            parts = [(e, "inviter") for e in subj_ents[:1]] + [(e, "invitee") for e in invitees]
            m.concerns = [
                e
                for e in doc.ents
                if e.label_ in ("Initiative", "Organization")
                and tok.i < e.start < m.sent.end
                and e.start - tok.i <= 14
                and (
                    doc[e.start - 1].lower_ in ("в", "во", "на", "к")
                    # «принять участие в саммите ШОС»: the body whose gathering it is
                    or lemma(doc[e.start - 1]) in GATHERINGS
                    and doc[e.start - 2].lower_ in ("в", "во", "на", "к")
                )
            ]
        elif t == "PartnershipUpgrade":
            states = [g.actor for g in clause if g.actor.label_ == "State"]
            if len({ent_key(s) for s in states}) < 2:
                states = main_states(doc)
                m.implied = True
            parts = [(nearest_mention(doc, ent_key(s), tok.i) or s, None) for s in states[:2]]
            m.level = self._level(tok)
        elif t == "ProgramLaunch":
            parts = [(e, "initiator") for e in subj_ents + [g.actor for g in partners]]
            m.concerns = [
                e
                for e in doc.ents
                if e.label_ == "Initiative" and tok.i < e.start < m.sent.end and e.start - tok.i <= 8
            ]
        elif t == "InitiativeSupport":
            parts = [(e, "supporter") for e in subj_ents[:1]]
            m.concerns = self._supported(tok)
        if t in PERSON_TYPES:
            by_actor = {(g.actor.start, g.actor.end): g for g in groups}
            parts = [
                (self._post_holder(doc, by_actor[(e.start, e.end)], positions) or e, role)
                if (e.start, e.end) in by_actor
                else (e, role)
                for e, role in parts
            ]
        m.parts = self._dedup(doc, parts)

    @staticmethod
    def _post_holder(doc: Doc, g: Group, positions: list[Position]) -> Span | None:
        """The person a group names only by a post of a state or body: the one holder of that post the article
        names («главе Узбекистана» → Шавкат Мирзиёев, named as «Президент Узбекистана» before).

        «глава», «лидер», «руководитель» of a state stand for its head (HEAD_ROLES), of its foreign ministry for
        the foreign minister; any other post word for a post with that word (as ``_holders`` reads it).
        """
        if any(e.label_ == "Person" for e in g.ents) or g.actor.label_ not in ("State", "Organization"):
            return None
        words = [lemma(t) for t in doc[g.start : g.ents[0].start]]
        posts = [w for w in words if w in post_words()]
        if not posts:
            return None
        lem = posts[0]
        inside = [lemma(t) for t in doc[g.start : g.end]]
        of = {ent_key(e) for e in g.ents}
        if lem in LEADER_WORDS:
            if any(w in ("мид", "дипломатия") for w in inside):
                want = ("министр иностранных дел",)
                exact = False
            elif g.actor.label_ == "State":
                want, exact = HEAD_ROLES, True
            else:
                return None
        else:
            generic = post_words()[lem][1] or lem
            want = ("министр иностранных дел",) if "иностранный" in inside else (generic,)
            exact = False
        people: dict[str, Span] = {}
        for p in positions:
            if p.of is None:
                continue
            of_ent = ent_by_offsets(doc, p.of.start, p.of.end)
            if of_ent is None or ent_key(of_ent) not in of:
                continue
            role = p.role
            if exact:
                hit = role in want
            else:
                hit = any(
                    role == w or role.startswith(w + " ") or role.endswith(" " + w) or " " in w and w in role
                    for w in want
                )
            if hit:
                span = ent_by_offsets(doc, p.person.start, p.person.end)
                if span is not None:
                    people.setdefault(person_key(doc, span), span)
        return next(iter(people.values())) if len(people) == 1 else None

    @staticmethod
    def _unnamed_partner(tok: Token, groups: list[Group]) -> bool:
        """Whether a talks or meeting noun names its partner right after «с» as people outside any actor group
        («беседа с корреспондентами», «встреча с избирателями»); a partner with a name («с послом Италии»,
        «с коллегой Ван И») is in one."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        doc, sent = tok.doc, tok.sent
        i = tok.i + 1
        if i >= sent.end or doc[i].lower_ not in ("с", "со"):
            return False
        i += 1
        while i < sent.end and doc[i].pos_ in ("ADJ", "DET", "NUM"):
            i += 1
        if i >= sent.end or doc[i].pos_ != "NOUN" or "Anim" not in doc[i].morph.get("Animacy"):
            return False
        return not any(g.start <= i < g.end for g in groups)

    @staticmethod
    def _top_dep(g: Group) -> str:
        doc = g.ents[0].doc
        for t in doc[g.start : g.end]:
            if not g.start <= head_of(t).i < g.end or head_of(t).i == t.i:
                return clause_dep(t)
        return ""

    @staticmethod
    def _dedup(doc: Doc, parts: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
        out, seen = [], set()
        for ent, role in parts:
            key = person_key(doc, ent)
            if key not in seen:
                seen.add(key)
                out.append((ent, role))
        return out

    @staticmethod
    def _supported(tok: Token) -> list[Span]:
        """Initiatives a support cue takes as its object: to the end of its clause."""
        doc = tok.doc
        out = []
        for ent in doc.ents:
            if ent.label_ != "Initiative" or not (tok.i < ent.start < tok.sent.end):
                continue
            between = doc[tok.i + 1 : ent.start]
            if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in between):
                break
            if any(t.text in (".", ";") for t in between) or len(between) > 15:
                break
            out.append(ent)
        return out

    @staticmethod
    def _level(tok: Token) -> str | None:
        doc = tok.doc
        sent = tok.sent
        if lemma(tok) == "партнерство":
            # «заявление о всеобъемлющем стратегическом партнерстве»: the level is the partnership itself
            start = Events._document_level(tok)
            return level_phrase(list(doc[start : tok.i + 1])) if start is not None else None
        for i in range(tok.i + 1, min(sent.end, tok.i + 12)):
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

    # -- mentions ----------------------------------------------------------------------------------------------
    def mentions(self, doc: Doc, positions: list[Position]) -> list[_Mention]:
        """Every cue occurrence that is not negated or only intended, with its clause read."""
        cues = event_cues()
        place_dl, sent_dl, date_dl = dateline(doc)
        lead: set[int] = set()
        if sent_dl is not None and date_dl is not None:
            # the sentence that holds the dateline, and the next ones while the dateline and what follows it
            # stand alone («Чэнду. 1 декабря.», «АСТАНА, 3 июня. /Казинформ/.»): up to the first sentence of news
            cur = sent_dl
            lead.add(cur.start)
            while cur.end_char <= date_dl[1] + 40 and cur.end < len(doc):
                cur = doc[cur.end].sent
                lead.add(cur.start)
        out = []
        self._sides = None
        for sent in doc.sents:
            if in_skipped(sent):
                continue
            groups = self._outside_gatherings(sent, event_groups(sent))
            for tok in sent:
                if self._gathering_frame(tok) is not None:
                    continue  # «на полях саммита»: the gathering is added around the event (see _gatherings)
                for cue in cues.get(lemma(tok), ()):
                    if not self._cue_ok(cue, tok) or self._attributive(tok):
                        continue
                    if cue.type in FAMILY and self._unnamed_partner(tok, groups):
                        # «в беседе с корреспондентами»: a talk with people who are no actor; the names around
                        # it are not its sides
                        continue
                    pred = self._own_clause(tok, governor(tok))
                    if cue.type == "StateVisit" and tok.pos_ in ("NOUN", "PROPN"):
                        pred = self._visit_verb(tok) or pred
                    thanks = self._thanked_for(tok)
                    if thanks is not None:
                        pred = governor(thanks)
                    if self._blocked(tok, pred):
                        continue
                    m = _Mention(cue.type, tok, sent, cue.confidence, self._primary(tok, pred))
                    self._participants(m, pred, groups, positions)
                    if (
                        not m.implied
                        and len(m.parts) >= 2
                        and m.type not in ("PartnershipUpgrade", "Statement")
                    ):
                        self._sides = (sent.start, [e for e, _ in m.parts])
                    if cue.type == "InitiativeSupport":
                        for ent in m.concerns:
                            out.append(replace(m, concerns=[ent]))
                        continue
                    has_dl = date_dl is not None and sent.start_char <= date_dl[0] < sent.end_char
                    skip = (date_dl[0] - sent.start_char, date_dl[1] - sent.start_char) if has_dl else None
                    for full, partial, words, start in dates_in(sent.text, skip):
                        if self._date_is_of(tok, pred, sent.start_char + start, len(words)):
                            m.date, m.partial_date, m.date_text = full, partial, words
                            m.own_date = bool(full or partial)
                            break
                    m.earlier = self._earlier(sent, pred)
                    if sent.start in lead:
                        if m.date_text is None:
                            m.date, m.partial_date, m.date_text, _ = find_date(
                                doc.text[date_dl[0] : date_dl[1]]
                            )
                        if m.place is None:
                            m.place = place_dl
                    out.append(m)
                    break
        return out

    @staticmethod
    def _earlier(sent: Span, pred: Token) -> bool:
        """Whether a sentence tells of a happening before the reported one: «Ранее, 20 мая, …» (its first
        word), «Напомним, …», or «ранее» said of the event's own verb."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if words and words[0].lower_ in EARLIER:
            return True
        return any(t.lower_ in ("ранее", "прежде") and head_of(t).i == pred.i for t in sent)

    @staticmethod
    def _date_is_of(tok: Token, pred: Token, start: int, length: int) -> bool:
        """Whether the date words at a character offset belong to the event of a cue and its verb.

        A date belongs to the clause it is in: not to the event of a clause above it («В ходе встречи стороны
        обсудили договоренности, достигнутые … в мае прошлого года»: May is the date of what was reached) nor of a
        verb joined after it («встретился …, а 5 мая подписал …»). A date of a clause above the event's own is
        the event's too («В сентябре я совершил визит, где … принял декларацию»), and so is one of a clause that
        describes the event's noun («переговоры, прошедшие 5 мая, …»).
        """
        doc = tok.doc
        span = doc.char_span(start, start + length, alignment_mode="expand")
        if span is None:
            return True
        anchor = next((t for t in span if not span.start <= head_of(t).i < span.end), span.root)
        verb = governor(anchor)
        if verb.i == anchor.i and verb.pos_ not in ("VERB", "AUX"):
            return True  # a date the parser left on its own
        # an infinitive that completes a verb is of that verb's clause: «может начаться в этом году»
        while clause_dep(verb) in ("xcomp", "csubj") and head_of(verb).i != verb.i:
            verb = head_of(verb)
        if _dominates(verb, pred) or _dominates(verb, tok) or tok.i != pred.i and _dominates(tok, verb):
            return True  # a clause above the event's, or one that describes its noun («переговоры, прошедшие 5 мая»)
        return not _dominates(pred, verb)

    # -- merging -----------------------------------------------------------------------------------------------
    @staticmethod
    def _dates_differ(a: _Mention, b: _Mention) -> bool:
        """Whether two mentions state different days of their own (a dateline's date is no statement)."""
        if not (a.own_date and b.own_date):
            return False
        da, db = a.date or a.partial_date or "", b.date or b.partial_date or ""
        if len(da) == len(db) or not (da.startswith("--") or db.startswith("--")):
            return da != db
        # a full date and a day without its year: compare month and day
        return da[-5:] != db[-5:]

    @staticmethod
    def _keys(doc: Doc, parts: list[tuple[Span, str | None]]) -> dict[str, str | None]:
        return {person_key(doc, e): role for e, role in parts}

    @staticmethod
    def _compatible(d: _Draft, m: _Mention, keys: dict[str, str | None]) -> bool:
        if not keys or not d.keys:
            return False
        if any(
            k in d.keys and d.keys[k] != r and r is not None and d.keys[k] is not None
            for k, r in keys.items()
        ):
            return False
        if m.type == "InitiativeSupport":
            return {ent_key(c) for c in m.concerns} == {ent_key(c) for c in d.concerns}
        if m.sent == d.main.sent:
            return True
        a, b = set(keys), set(d.keys)
        return a <= b or b <= a

    def merge(self, doc: Doc, mentions: list[_Mention]) -> list[_Draft]:
        """One draft per happening; mentions that only refer back become evidence."""
        drafts: list[_Draft] = []
        order = sorted(mentions, key=lambda m: (m.sent.start, not m.primary, m.trigger.i))
        for m in order:
            keys = self._keys(doc, m.parts)
            fam = FAMILY.get(m.type, m.type)
            same = [d for d in drafts if FAMILY.get(d.main.type, d.main.type) == fam]
            target = None
            if not keys or m.implied and m.type in FAMILY or not m.primary and m.type in FAMILY:
                target = same[-1] if same else None
                if target is None and not keys:
                    continue
            else:
                target = next(
                    (
                        d
                        for d in reversed(same)
                        if (d.main.type == m.type or m.type in FAMILY) and self._compatible(d, m, keys)
                    ),
                    None,
                )
                if target is None and m.implied and same and m.type != "InitiativeSupport":
                    target = next((d for d in reversed(same) if d.main.type == m.type), None)
                if (
                    target is not None
                    and m.primary
                    and m.sent != target.main.sent
                    and (m.earlier or self._dates_differ(target.main, m))
                ):
                    # «Ранее, 20 мая, Фидан провел телефонный разговор с Нуртлеу»: another happening of the same
                    # sides, not the talks reported before
                    target = None
            if target is None:
                drafts.append(
                    _Draft(
                        m,
                        list(m.parts),
                        dict(keys),
                        place=m.place,
                        concerns=list(m.concerns),
                        level=m.level,
                        date=m.date,
                        partial_date=m.partial_date,
                        date_text=m.date_text,
                    )
                )
                continue
            self._absorb(doc, target, m, keys)
        return drafts

    @staticmethod
    def _absorb(doc: Doc, d: _Draft, m: _Mention, keys: dict[str, str | None]) -> None:
        if m.sent != d.main.sent and all(m.sent != e for e in d.evidence):
            d.evidence.append(m.sent)
        if m.primary and not m.implied:
            for (ent, role), key in zip(m.parts, keys):
                if key not in d.keys:
                    d.keys[key] = role
                    d.parts.append((ent, role))
                elif d.keys[key] is None and role is not None:
                    d.keys[key] = role
                    d.parts = [(e, role if person_key(doc, e) == key else r) for e, r in d.parts]
        d.place = d.place or m.place
        d.level = d.level or m.level
        if not d.concerns and m.concerns:
            d.concerns = list(m.concerns)
        if not (d.date or d.partial_date or d.date_text) and (m.date or m.partial_date or m.date_text):
            d.date, d.partial_date, d.date_text = m.date, m.partial_date, m.date_text

    # -- records -----------------------------------------------------------------------------------------------
    @staticmethod
    def _confidence(d: _Draft) -> float:
        named = sum(1 for e, _ in d.parts)
        conf = d.main.confidence + (0.05 if named >= 2 and not d.main.implied else 0.0)
        if named < 2 and d.main.type not in ("InitiativeSupport", "AidDelivery", "StateVisit"):
            conf -= 0.15
        if d.main.implied:
            conf = min(conf, 0.65)
        return round(max(0.05, min(conf, 0.95)), 2)

    @staticmethod
    def _frame_of(tok: Token) -> Token | None:
        """The frame word before a noun that puts what follows inside it («на полях», «в рамках участия в …»).

        Read back over at most six words of one clause (no finite verb, no comma between), and only with the
        frame's own preposition, so «в то же время» frames nothing.
        """
        doc = tok.doc
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 7), -1):
            t = doc[j]
            if t.lower_ in FRAME_PREPS and doc[j - 1].lower_ in FRAME_PREPS[t.lower_]:
                return t
            if t.text in (",", ";", ":", ".", "!", "?") or (
                t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
            ):
                return None
        return None

    @staticmethod
    def _complement(tok: Token) -> list[Token]:
        """The words after a noun that belong to it: genitives, names in quotes, a name right after it.

        «встрече министров иностранных дел формата "Центральная Азия — Китай"» gives the words from «министров»
        to the closing quote; the nominative that starts the next phrase («заместитель …») ends it.
        """
        doc, sent = tok.doc, tok.sent
        end = min(sent.end, tok.i + 15)
        out: list[Token] = []
        i = tok.i + 1
        while i < end:
            t = doc[i]
            if t.text in ('"', "«", "„"):
                close = next((k for k in range(i + 1, end) if doc[k].text in ('"', "»", "“")), None)
                if close is None:
                    break
                out.extend(doc[i : close + 1])
                i = close + 1
                continue
            if t.ent_type_ == "Person":
                break  # the name after it is the subject of what was held there, whatever its tagged case
            if (
                t.ent_type_
                and (i == tok.i + 1 or case_of(t) != "Nom" or t.ent_iob_ == "I")
                or case_of(t) == "Gen"
                and t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET")
                # «министров Казахстана и Китая», «стран Центральной Азии, Китая и России»
                or t.lower_ in ("и", ",")
                and i + 1 < end
                and case_of(doc[i + 1]) == "Gen"
                and out
            ):
                out.append(t)
                i += 1
                continue
            break
        return out

    def _of_many(self, tok: Token, frame: Token) -> bool:
        """Whether a meeting noun names a gathering of many rather than a meeting of two sides.

        Its complement names a body or format («встреча лидеров ШОС», «формата "Центральная Азия — Китай"»), a
        region or three states or more («глав государств Центральной Азии»), or, under «на полях» / «в рамках»,
        plural holders of posts with no state named («встреча министров иностранных дел»); never with «двух»,
        «обеих» or «двусторонняя», and not with the one or two states of a bilateral meeting named.
        """
        words = self._complement(tok)
        doc = tok.doc
        before = [t for t in doc[frame.i + 1 : tok.i] if t.pos_ in ("ADJ", "NUM", "DET")]
        if any(lemma(t) in BILATERAL for t in words + before):
            return False
        inside = {t.i for t in words}
        ents = [e for e in tok.sent.ents if all(i in inside for i in range(e.start, e.end))]
        if any(e.label_ in ("Organization", "Initiative") for e in ents):
            return True
        states = {ent_key(e) for e in ents if e.label_ == "State"}
        if len(states) >= 3 or any(e.label_ == "Place" for e in ents):
            return True
        members = [
            t
            for t in words
            if post_words().get(lemma(t), ("", ""))[0] == "head" and "Plur" in t.morph.get("Number")
        ]
        return bool(members) and not states and frame.lower_ in SIDE_FRAMES

    def _outside_gatherings(self, sent: Span, groups: list[Group]) -> list[Group]:
        """Actor groups cut free of a framed meeting's complement that the name after it was joined to.

        «В рамках встречи министров иностранных дел Касым-Жомарт Токаев встретился …»: «министров иностранных
        дел» belong to «встречи», so the group of «Касым-Жомарт Токаев» starts at the name, in its own case.
        """
        ends = [
            words[-1].i + 1
            for tok in sent
            if lemma(tok) in GATHERINGS | GROUP_MEETINGS
            and tok.pos_ in ("NOUN", "PROPN")
            and self._frame_of(tok) is not None
            and (words := self._complement(tok))
        ]
        if not ends:
            return groups
        doc = sent.doc
        out = []
        for g in groups:
            cut = next((e for e in ends if g.start < e < g.end), None)
            ents = tuple(e for e in g.ents if e.start >= cut) if cut is not None else ()
            if not ents:
                out.append(g)
                continue
            # the case of the name itself, read from its last word (the tagger often misreads a first name
            # after a genitive: «дел Касым-Жомарт Токаев»), or of the post words that now open the group
            actor = min(ents, key=lambda e: (e.label_ != "Person", e.start))
            first = doc[cut]
            if first.i < actor.start and case_of(first) and first.pos_ in ("NOUN", "ADJ", "DET"):
                case = case_of(first)
            else:
                case = next((case_of(t) for t in reversed(actor) if case_of(t)), "")
            out.append(Group(cut, g.end, ents, "", case))
        return out

    def _gathering_frame(self, tok: Token) -> Token | None:
        """The frame word when a gathering only frames another event («на полях саммита», «в рамках форума»,
        «в рамках участия во встрече министров … формата …»)."""
        lem = lemma(tok)
        if tok.pos_ not in ("NOUN", "PROPN") or (lem not in GATHERINGS and lem not in GROUP_MEETINGS):
            return None
        frame = self._frame_of(tok)
        if frame is None or lem in GROUP_MEETINGS and not self._of_many(tok, frame):
            return None
        return frame

    def _gatherings(self, doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
        """The summits, forums, sessions and meetings of many inside which the drafts were held, as Meeting
        drafts of their own.

        «На полях саммита ШОС в Астане Токаев встретился с Путиным», «В рамках участия во встрече министров
        иностранных дел формата "Центральная Азия — Китай" Нуртлеу провел встречу с Ван И»: a Meeting for the
        gathering (the bodies and states it is of as participants, a format or initiative it is of as its
        object, the place after it) that the bilateral meeting's people attended, and the bilateral meeting as
        its sub-event.
        """
        added: list[_Draft] = []
        for d in list(drafts):
            if d.main.type == "Statement":
                continue
            sent = d.main.sent
            noun = next(
                (t for t in sent if t.i < d.main.trigger.i and self._gathering_frame(t) is not None), None
            )
            if noun is None:
                continue
            # the bodies, formats and states the gathering is of: the names in its complement
            inside = {t.i for t in self._complement(noun)}
            of = [
                e
                for e in sent.ents
                if e.label_ in ("Organization", "Initiative", "State")
                and all(i in inside for i in range(e.start, e.end))
            ]
            keys = {ent_key(e) for e in of}
            target = next(
                (
                    g
                    for g in drafts + added
                    if g is not d
                    # an earlier gathering, or a summit the article reported as an event of its own
                    and (any(g is a for a in added) or lemma(g.main.trigger) in GATHERINGS)
                    and lemma(g.main.trigger) == lemma(noun)
                    and {ent_key(c) for c in g.concerns} | {ent_key(e) for e, _ in g.parts} >= keys
                ),
                None,
            )
            if target is None:
                m = _Mention("Meeting", noun, sent, 0.7, True)
                parts = [(e, None) for e in of if e.label_ != "Initiative"] + [(e, None) for e, _ in d.parts]
                m.parts = self._dedup(doc, parts)
                m.concerns = [e for e in of if e.label_ == "Initiative"]
                groups = event_groups(sent)
                at = [
                    g.actor
                    for g in groups
                    if g.prep in ("в", "во")
                    and g.case == "Loc"
                    and 0 < g.start - noun.i <= 5
                    and g.actor.label_ in ("Place", "State")
                ]
                target = _Draft(
                    m,
                    list(m.parts),
                    self._keys(doc, m.parts),
                    place=at[0] if at else d.place,
                    concerns=list(m.concerns),
                    date=d.date,
                    partial_date=d.partial_date,
                    date_text=d.date_text,
                )
                if at and d.place is not None and d.place.start == at[0].start:
                    d.place = None if d.main.type in FAMILY else d.place
                added.append(target)
            d.sub_of = target
        return added

    @staticmethod
    def _kept(d: _Draft) -> bool:
        """A talk or meeting needs two named sides («встреча с избирателями», «в беседе с корреспондентами» do not)."""
        return d.main.type not in FAMILY or len(d.parts) >= 2

    def find(self, doc: Doc) -> list[Event]:
        """The article's events, in the order of their main sentence."""
        # the posts component runs before this one in build_nlp(); without it the post finder is run here
        positions = doc._.kg_positions if self.posts_before else Posts().find(doc)
        drafts = [d for d in self.merge(doc, self.mentions(doc, positions)) if d.parts and self._kept(d)]
        drafts += self._gatherings(doc, drafts)
        drafts += self._statements(doc, drafts)
        drafts.sort(key=lambda d: (d.main.sent.start, d.main.trigger.i))
        index = {id(d): i for i, d in enumerate(drafts)}
        out = []
        for d in drafts:
            tok, sent = d.main.trigger, d.main.sent
            out.append(
                Event(
                    type=d.main.type,
                    trigger=TextSpan(tok.idx, tok.idx + len(tok.text), tok.text),
                    sentence=sentence_span(sent),
                    participants=tuple(Ref(e.start_char, e.end_char, role) for e, role in d.parts),
                    place=Ref(d.place.start_char, d.place.end_char) if d.place is not None else None,
                    date=d.date,
                    partial_date=d.partial_date,
                    date_text=d.date_text,
                    concerns=tuple(Ref(c.start_char, c.end_char) for c in d.concerns),
                    level=d.level,
                    confidence=self._confidence(d),
                    evidence=tuple(sentence_span(s) for s in sorted(d.evidence, key=lambda s: s.start)),
                    sub_event_of=index.get(id(d.sub_of)) if d.sub_of is not None else None,
                )
            )
        return out

    def _statements(self, doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
        """Conservative: a named speaker and, in what they say, support for or condemnation of a named actor or
        initiative; never in a sentence that already gives another event."""
        used = {d.main.sent.start for d in drafts} | {s.start for d in drafts for s in d.evidence}
        out = []
        for sent in doc.sents:
            if sent.start in used or in_skipped(sent):
                continue
            speech = [t for t in sent if lemma(t) in SPEECH and t.pos_ in ("VERB", "AUX")]
            stance = [t for t in sent if lemma(t) in STANCE]
            if not speech or not stance:
                continue
            groups = event_groups(sent)
            verb = speech[0]
            speakers = [
                g
                for g in groups
                if group_governor(g).i == verb.i
                and g.case == "Nom"
                and not g.prep
                and g.actor.label_ in ("Person", "State", "Organization")
            ]
            if not speakers:
                continue
            speaker = speakers[0].actor
            targets = [
                e
                for e in sent.ents
                if e.start > stance[0].i
                and e.start - stance[0].i <= 6
                and e.label_ in ("Initiative", "State", "Organization", "Person")
                and ent_key(e) != ent_key(speaker)
            ]
            if not targets:
                continue
            m = _Mention("Statement", verb, sent, 0.3, True)
            if targets[0].label_ == "Initiative":
                m.concerns = [targets[0]]
                m.parts = [(speaker, "initiator")]
            else:
                m.parts = [(speaker, "initiator"), (targets[0], "target")]
            out.append(_Draft(m, list(m.parts), self._keys(doc, m.parts), concerns=list(m.concerns)))
        return out

    def set_annotations(self, doc: Doc, found: list[Event]) -> None:
        """Store the events on the Doc."""
        doc._.kg_events = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_events", assigns=["doc._.kg_events"])
def make_events(nlp: Language, name: str) -> Events:
    """Factory of the event finder (it reads the positions of a ``kg_posts`` added before it)."""
    return Events(name, posts_before="kg_posts" in nlp.pipe_names)
