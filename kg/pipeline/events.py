"""``kg_events``: partnership events in ``doc._.kg_events`` (a list of :class:`kg.records.Event`).

A cue word from ``kg/data/event_cues.tsv`` (by lemma, with the words one of which must stand near it) proposes
a mention; the clause around it gives the participants (subject, «с …», «между … и …», dative, accusative,
«в …» for a visit's host), the place and the date. Mentions of one happening are merged into one event: a
noun that only refers back («В ходе переговоров …», «Эта встреча стала …») becomes evidence of the event
before it. Negated or merely intended happenings («переговоры не состоялись», «должны запустить») are dropped:
the graph records what took place. An event framed by a gathering of many («на полях саммита ШОС», «в рамках
участия во встрече министров иностранных дел формата …») gets a Meeting for that gathering as its parent
(``Event.sub_event_of``).
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
# the people aid is for: «пострадавшим в Казахстане», «жителям Уханя»
BENEFICIARIES = {"пострадавший", "житель", "население", "нуждающийся", "беженец", "пострадать"}

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
    if not found:
        return None, None, None, -1
    start, full, partial, words = min(found, key=lambda f: (f[0], -len(f[3])))
    return full, partial, words, start


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
        return any(lemma(t) in cue.needs for t in window if t.i != tok.i)

    @staticmethod
    def _frame_ok(need: str, tok: Token) -> bool:
        """A cue that counts only with an actor in a given slot of its own clause.

        «@guest»: a person or delegation as the direct object («принял министра Ван И», not «принял участие»);
        «@with»: a partner after «с» («договорился с Януковичем»).
        """
        groups = actor_groups(tok.sent)
        if need == "@guest":
            return bool(Events._received(tok, groups))
        own = [g for g in groups if group_governor(g).i == tok.i]
        if need == "@with":
            return any(
                g.prep in ("с", "со") and g.actor.label_ in ("Person", "State", "Organization") for g in own
            )
        return False

    @staticmethod
    def _received(verb: Token, groups: list[Group]) -> list[Span]:
        """Who a «принять» verb receives: a person or a delegation as its direct object in the same clause.

        Read from the case of the name itself (the words before it may be a genitive «своего коллегу»), and
        with no other verb or preposition between, since the parser often hangs the object on a noun before it.
        """
        doc = verb.doc
        out = []
        for g in groups:
            if g.start <= verb.i or g.prep or g.start - verb.i > 10:
                continue
            actor = g.actor
            if actor.label_ == "Person":
                ok = case_of(actor[0]) == "Acc"
            else:
                ok = lemma(doc[g.start]) == "делегация" and case_of(doc[g.start]) == "Acc"
            between = doc[verb.i + 1 : g.start]
            if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in between):
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

    def _blocked(self, tok: Token, pred: Token) -> bool:
        """Whether the happening is negated, cancelled, only planned, intended or yet to come.

        Read from the words that govern the cue: «не» before it or its verb, a cancelling verb, a modal or
        inviting verb above an infinitive («должны запустить», «пригласил посетить»), a future or conditional
        verb («проведут», «будут вести»), a planning noun above the cue («подготовку визита»), or a future time
        word that depends on it («в следующем году», «предстоящий визит»).
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
            cur = head
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
            for g in reversed(actor_groups(prev_sent)[:] + [g for g in groups if g.end <= word.i]):
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
            if not any(t.ent_type_ for t in kids) and not any(lemma(t) in ("два", "оба") for t in kids):
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
        if (
            sw is not None
            and not sw.ent_type_
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
            if tok.pos_ in ("VERB", "AUX") or gen:
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
        m.parts = self._dedup(doc, parts)

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
            # the sentence that holds the dateline, and the next when the dateline stands alone («Чэнду. 1 декабря.»)
            lead.add(sent_dl.start)
            if sent_dl.end_char <= date_dl[1] + 40 and sent_dl.end < len(doc):
                lead.add(doc[sent_dl.end].sent.start)
        out = []
        self._sides = None
        for sent in doc.sents:
            groups = self._outside_gatherings(sent, actor_groups(sent))
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
                    m.date, m.partial_date, m.date_text, _ = find_date(sent.text, skip)
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

    # -- merging -----------------------------------------------------------------------------------------------
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
                groups = actor_groups(sent)
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
            if sent.start in used:
                continue
            speech = [t for t in sent if lemma(t) in SPEECH and t.pos_ in ("VERB", "AUX")]
            stance = [t for t in sent if lemma(t) in STANCE]
            if not speech or not stance:
                continue
            groups = actor_groups(sent)
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
