"""The closed word lists the event readers consult (lemmas, «ё» read as «е»).

The open lexicon, the cue words of each event type, is data: ``kg/data/event_cues.tsv``.
"""

from __future__ import annotations

# event types that news use for the same happening («провели встречу … В ходе переговоров …»)
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
    # asked for or insisted on
    "требовать",
    "потребовать",
    "просить",
    "попросить",
    "настаивать",
    "добиваться",
}
# the modals that only ask for a happening (dip:Proposed); the others plan, intend or try it (dip:Planned)
PROPOSE_MODALS = {
    "предлагать",
    "предложить",
    "призвать",
    "призывать",
    "пригласить",
    "приглашать",
    "требовать",
    "потребовать",
    "просить",
    "попросить",
    "настаивать",
    "добиваться",
}
# nouns that make the happening they govern a plan, not a fact: «подготовка визита», «готовность к встрече»
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
    "просьба",
    "требование",
    "призыв",
    "проект",
}
# intent nouns that only ask for a happening (dip:Proposed)
PROPOSE_NOUNS = {"приглашение", "предложение", "идея", "просьба", "требование", "призыв"}
# nouns that say a happening is absent, stopped or undone: «отсутствие приглашения», «заморозка контактов»
CANCEL_NOUNS = {
    "отсутствие",
    "заморозка",
    "отмена",
    "срыв",
    "отказ",
    "приостановка",
    "запрет",
    "блокировка",
    "прекращение",
}
# words that open a condition or a purpose: «если стороны подпишут», «чтобы Россия подписала»
CONDITION_MARKS = {"если", "чтобы", "дабы", "ежели", "коли"}
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
PLAN_VERBS = {
    "запланировать",
    "планировать",
    "наметить",
    "намечать",
    "готовиться",
    "подготовить",
    "готовить",
    "назначить",
    "анонсировать",
    # short passive participles: «визит запланирован на май», «встреча назначена на 22 мая»
    "запланирован",
    "намечен",
    "назначен",
    "анонсирован",
}
# the auxiliary of the compound future: «будут вести переговоры»
FUTURE_AUX = {"буду", "будешь", "будет", "будем", "будете", "будут"}
CANCEL = {
    "отменить",
    "отменять",
    "отложить",
    "откладывать",
    "сорвать",
    "срывать",
    "перенести",
    "переносить",
    "отказаться",
    "отказываться",
    "блокировать",
    "заблокировать",
    "заморозить",
    "замораживать",
    "приостановить",
    "приостанавливать",
    "прекратить",
    "прекращать",
    "прервать",
    "прерывать",
    "препятствовать",
    "воспрепятствовать",
    "запретить",
    "запрещать",
    # short passive participles, which the lemmatizer leaves as they are: «визит отменен»
    "отменен",
    "отложен",
    "сорван",
    "перенесен",
    "заблокирован",
    "заморожен",
    "приостановлен",
    "прекращен",
    "прерван",
    "запрещен",
}
# gatherings inside which a bilateral meeting is held («на полях саммита АСЕАН»)
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
# meeting nouns that name a gathering of many only when their complement says so: «встреча министров финансов
# стран «Группы двадцати»», «встреча лидеров АСЕАН» (not «встреча глав МИД Чили и Перу»)
GROUP_MEETINGS = {"встреча"}
# words that make a meeting one of two sides: «встреча глав двух государств», «двусторонняя встреча»
BILATERAL = {"два", "оба", "двусторонний"}
SPEECH = {"заявить", "подчеркнуть", "отметить", "сказать", "сообщить", "выразить", "указать", "добавить"}
STANCE = {"поддерживать", "поддержать", "поддержка", "приветствовать", "осудить", "осуждать", "осуждение"}
COLLECTIVE = {"сторона", "страна", "государство", "лидер", "глава", "министр", "руководитель", "партнер"}
PRONOUNS = {"он", "она"}
RECEIVE = {"принять", "принимать"}
# conversations: «в телефонном разговоре X поздравил Y» is a call of X and Y
CALLS = {"разговор", "беседа"}
# the words after which the participants of a gathering or talks are listed: «с участием Германии, Франции …»
ATTENDING = {"участие"}
# words that put a happening before the one reported: «Ранее, в марте, …», «Напомним, …»
EARLIER = {"ранее", "прежде", "напомним", "напомню"}
# the people aid is for: «пострадавшим в Непале», «жителям прибрежных районов»
BENEFICIARIES = {"пострадавший", "житель", "население", "нуждающийся", "беженец", "пострадать"}
# verbs by which one side hands another a message it bears for a third: «передал … приглашение от короля»
MESSAGE_VERBS = {"передать", "передавать", "направить", "направлять", "вручить", "вручать", "отправить"}
# posts a «глава», «лидер» or «руководитель» of a state stands for («главе Перу»)
HEAD_ROLES = ("президент", "председатель", "король", "эмир", "султан")
LEADER_WORDS = {"глава", "лидер", "руководитель"}
# the words of a foreign ministry after a leader word: «глава МИД», «руководитель дипломатии» is the foreign minister
FOREIGN_MINISTRY = {"мид", "дипломатия"}
# event types whose sides are people: a post of a state with no name stands for the one person holding it
PERSON_TYPES = {"Talks", "Meeting", "Invitation", "StateVisit", "AgreementSigning"}
# prepositions of a post's seat between its state and its holder's name: «посол Чили в Перу Хуан Руис»
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
# the words of thanks whose «за …» names what the thanked side gave: «благодарность Японии за помощь»
THANKS = ("благодарность", "поблагодарить", "благодарить", "благодарный")
# clause boundaries a reader does not look across
CLAUSE_PUNCT = (",", ";", ":", "—", "(")
# verbs by which a sentence names the medium it reports from: «цитируют «Вести»», «передает ТАСС»
REPORT_VERBS = {
    "сообщить",
    "сообщать",
    "передать",
    "передавать",
    "цитировать",
    "процитировать",
    "писать",
    "написать",
    "информировать",
    "проинформировать",
    "опубликовать",
    "публиковать",
}
# the words before a source: «со ссылкой на», «по данным», «по сообщению», «по информации»
SOURCE_WORDS = {"ссылка", "данные", "сообщение", "информация"}
