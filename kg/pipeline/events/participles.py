"""Short passive participles, which the lemmatizer leaves as they are («подписан», «отменена», «проведены»).

Their masculine form and the infinitives it may come from let the cue and modality words, written as
infinitives, be found: «договор был подписан …» is a cue of «подписать».
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.pipeline.cues import lemma

# endings of a short passive participle and the endings of the infinitives it may come from
_INFINITIVE_ENDINGS = (
    ("веден", ("вести",)),  # проведен → провести
    ("ан", ("ать",)),  # подписан → подписать
    ("ян", ("ять",)),  # потерян → потерять
    ("ен", ("ить", "еть")),  # заключен → заключить
    ("ят", ("ять",)),  # принят → принять
    ("ыт", ("ыть",)),  # открыт → открыть
    ("ут", ("уть",)),
)


def short_participle(t: Token) -> bool:
    """Whether a token is a short passive participle («подписан», «отменена»)."""
    return "Short" in t.morph.get("Variant") and "Part" in t.morph.get("VerbForm")


def verb_lemma(t: Token) -> str:
    """A verb's lemma, a short passive participle in the masculine («отменена», «назначены» → «отменен»,
    «назначен»)."""
    lem = lemma(t)
    if short_participle(t) and lem[-1:] in ("а", "о", "ы"):
        return lem[:-1]
    return lem


def infinitives(t: Token) -> list[str]:
    """The infinitives a short passive participle may come from («подписан» → «подписать»); [] for any other
    word."""
    if not short_participle(t):
        return []
    lem = verb_lemma(t)
    for ending, targets in _INFINITIVE_ENDINGS:
        if lem.endswith(ending):
            stem = lem[: -len(ending)]
            return [stem + x for x in targets]
    return []
