"""Stable IRIs minted from keys: ASCII slugs of canonical labels (GOST R 52535.1 / ICAO style transliteration)."""

from __future__ import annotations

import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/partnership-kg/id/"

_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    # Kazakh letters met in names
    "ә": "a",
    "ғ": "g",
    "қ": "q",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}


def slug(text: str) -> str:
    """ASCII slug of a label: transliterated, lower case, words joined by '-'.

    >>> slug("Ван И")
    'van-i'
    >>> slug("Си Цзиньпин")
    'si-tszinpin'
    >>> slug("Касым-Жомарт Токаев")
    'kasym-zhomart-tokaev'
    >>> slug("«Один пояс, один путь»")
    'odin-poias-odin-put'
    >>> slug('<img src=x onerror="alert(1)">')
    'img-src-x-onerror-alert-1'
    >>> slug("МИД КНР")
    'mid-knr'
    """
    out = []
    for ch in unicodedata.normalize("NFC", text.lower()):
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in decomposed if c.isascii()))
    s = re.sub(r"[^a-z0-9]+", "-", "".join(out))
    return s.strip("-") or "x"


def entity_key(type_: str, label: str) -> str:
    """The stable key (and IRI path) of a canonical entity.

    >>> entity_key("Person", "Ван И")
    'person/van-i'
    >>> entity_key("Organization", "МИД КНР")
    'organization/mid-knr'
    """
    return f"{type_.lower()}/{slug(label)}"


def article_key(article_id: str) -> str:
    """Key of an article from its id (file stem or JSONL id); keeps only IRI-safe characters.

    >>> article_key("000_c5a2bada8a9e6796")
    'article/000_c5a2bada8a9e6796'
    >>> article_key("factru/devset/book_58")
    'article/factru-devset-book_58'
    """
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", article_id).strip("-") or "x"
    return f"article/{safe}"


def mint(base: str, key: str) -> str:
    """Join a base IRI and a key.

    >>> mint(DEFAULT_BASE, "state/kazakhstan")
    'https://w3id.org/partnership-kg/id/state/kazakhstan'
    """
    if not base.endswith(("/", "#")):
        base += "/"
    return base + key
