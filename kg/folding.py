"""Spelling-insensitive keys: one home for reading «ё» as «е» and for case folding.

Russian print writes «е» for «ё» at will («Пётр» / «Петр»), so every comparison of words goes through these.
"""

from __future__ import annotations


def unyo(text: str) -> str:
    """The text with «ё» read as «е» (case kept).

    >>> unyo("Объединённые")
    'Объединенные'
    """
    return text.replace("ё", "е").replace("Ё", "Е")


def fold(text: str) -> str:
    """Lower case with «ё» read as «е»: the key under which spellings of one word meet.

    >>> fold("Пётр Алексеевич")
    'петр алексеевич'
    """
    return unyo(text.lower())
