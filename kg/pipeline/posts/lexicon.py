"""The words the post finder knows: the data files ``kg/data/post_*.tsv`` and the small closed word classes.

The post words themselves (``post_words.tsv``: head words, their modifiers and generic names) are read by
:func:`kg.pipeline.cues.post_words`, which the event finder shares.
"""

from __future__ import annotations

from functools import lru_cache

from kg.datafiles import rows
from kg.pipeline.cues import post_words

HEAD_OF_STATE = {"президент", "председатель", "глава государства", "лидер", "король"}
STOP = {",", ".", "(", ")", ";", ":", "«", "»", '"'}
DASHES = ("—", "–", "-")
CLAUSE_STOP = {",", ".", ";", ":", "(", ")", "!", "?", *DASHES}
# posts whose name goes on with the body they are in: «министр финансов», «член правления», «глава администрации»
RELATIONAL = {
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
    "шеф",
}
# posts of a state as a whole: when the text names no state, the one the sentence (or the last one) names
STATE_POSTS = {
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
# the genitive of a state's post that makes the post before it one of the state's too: «помощник заместителя
# госсекретаря», «советник президента», «заместитель министра»
STATE_POST_STEMS = ("президент", "премьер", "министр", "госсекретар", "канцлер", "вице-президент")
FORMER = ("бывший", "экс")
# relations to a body that are no office in it (post_words.tsv leaves them out): they end a post phrase
OWNING = ("основатель", "сооснователь", "совладелец", "владелец", "учредитель", "соучредитель")
# the words of an acting post before its name: «исполняющий обязанности (официального представителя)», «и. о.»
ACTING = ("исполнять", "исполняющий", "обязанность", "и.о.", "врио")
STATE_NOUNS = ("государство", "страна")
CANDIDATE = {"кандидат", "кандидатура", "претендент", "претендовать", "выборы", "баллотироваться"}

# verbs that give their subject the post in the instrumental: «X является депутатом», «капитаном стал X»,
# «X был назначен министром»; and those that give it their object: «назвал X первым вратарём»
LINK_VERBS = {
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
OBJECT_VERBS = {
    "назначить",
    "назначать",
    "избрать",
    "избирать",
    "переизбрать",
    "утвердить",
    "назвать",
    "называть",
}
# nouns of appointing whose genitive takes the post in the instrumental after it: «утверждение Петрова председателем»
APPOINTING = {"назначение", "утверждение", "избрание", "переизбрание"}
# verbs whose subject takes the post their object names: «место спикера … занял Иван Петров», «занять пост главы»
TAKE_VERBS = {"занять", "занимать", "возглавить", "возглавлять"}
SEAT_NOUNS = {"пост", "должность", "место", "кресло"}

#: the letters of a place's name an adjective of it starts with: «российский» / «Россия», «британский» / «Британия»
STEM = 5


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Words that stand between a post and a name, by lemma: 'honorific' («шейх», «господин») or 'rank'
    («полковник», «кардинал»), from ``kg/data/post_titles.tsv``."""
    return {row[0]: row[1] for row in rows("post_titles.tsv")}


@lru_cache(maxsize=1)
def body_nouns() -> dict[str, tuple[str, ...]]:
    """Generic nouns naming a post's body («города», «партии»), by lemma: the entity labels they stand for,
    from ``kg/data/post_bodies.tsv``."""
    return {row[0]: tuple(row[1].split("|")) for row in rows("post_bodies.tsv")}


@lru_cache(maxsize=1)
def seats() -> dict[str, tuple[str, ...]]:
    """Posts that exist in one kind of body only («спикер», «сенатор», «астронавт»), by lemma: the first words
    of those bodies' names, most specific first, from ``kg/data/post_seats.tsv``."""
    return {row[0]: tuple(row[1].split("|")) for row in rows("post_seats.tsv")}


@lru_cache(maxsize=1)
def heads() -> frozenset[str]:
    """The lemmas of the words that head a post's name («министр», «премьер-министр», «глава»)."""
    return frozenset({lem for lem, (kind, _) in post_words().items() if kind == "head"})
