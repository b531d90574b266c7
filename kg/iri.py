"""Stable IRIs minted from keys: ASCII slugs of canonical labels (GOST R 52535.1 / ICAO style transliteration)."""

from __future__ import annotations

import hashlib
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


_SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def article_key(article_id: str) -> str:
    """Key of an article from its id (file stem or JSONL id), distinct for distinct ids: an id of IRI-safe
    ASCII characters is kept as it is; any other is transliterated and given a short hash of the id itself
    (after Unicode normalisation, NFC), so that «визит» and «переговоры», «a b» and «a-b» stay apart.

    >>> article_key("000_c5a2bada8a9e6796")
    'article/000_c5a2bada8a9e6796'
    >>> article_key("визит")
    'article/vizit-df0968b3'
    >>> article_key("a b"), article_key("a-b")
    ('article/a-b-278fc8c1', 'article/a-b')
    >>> article_key("factru/devset/book_58")
    'article/factru-devset-book-58-96081c92'
    """
    article_id = unicodedata.normalize("NFC", article_id)
    if _SAFE_ID.fullmatch(article_id):
        return f"article/{article_id}"
    digest = hashlib.blake2s(article_id.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    return f"article/{slug(article_id)[:60].strip('-') or 'x'}-{digest}"


def mint(base: str, key: str) -> str:
    """Join a base IRI and a key.

    >>> mint(DEFAULT_BASE, "state/kazakhstan")
    'https://w3id.org/partnership-kg/id/state/kazakhstan'
    """
    if not base.endswith(("/", "#")):
        base += "/"
    return base + key


def article_slug(article_id: str) -> str:
    """The article's part of the keys of things found in it.

    >>> article_slug("a1")
    'a1'
    """
    return article_key(article_id).split("/", 1)[1]


def mention_key(article_id: str, start: int, end: int) -> str:
    """Key of a stretch of an article's text (a name, trigger or sentence).

    >>> mention_key("a1", 10, 14)
    'mention/a1/10-14'
    """
    return f"mention/{article_slug(article_id)}/{start}-{end}"


def event_key(article_id: str, index: int) -> str:
    """Key of the article's event number ``index`` (0-based; keys count from 1).

    >>> event_key("a1", 0)
    'event/a1-1'
    """
    return f"event/{article_slug(article_id)}-{index + 1}"


def fact_key(article_id: str, index: int) -> str:
    """Key of the article's figure number ``index`` (0-based; keys count from 1).

    >>> fact_key("a1", 2)
    'fact/a1-3'
    """
    return f"fact/{article_slug(article_id)}-{index + 1}"


def post_key(role: str, of_key: str | None) -> str:
    """The stable key of a post: its generic name and the state or organisation it is in.

    >>> post_key("министр иностранных дел", "state/china")
    'post/ministr-inostrannykh-del--china'
    >>> post_key("посол", None)
    'post/posol--unknown'
    """
    where = of_key.split("/", 1)[-1] if of_key else "unknown"
    return f"post/{slug(role)}--{where}"


def holding_key(article_id: str, person_key: str, post: str) -> str:
    """Key of one article's statement that a person holds a post.

    >>> holding_key("a1", "person/van-i", "post/ministr--china")
    'holding/a1/van-i/ministr--china'
    """
    return f"holding/{article_slug(article_id)}/{person_key.split('/', 1)[1]}/{post.split('/', 1)[1]}"


def level_key(level: str) -> str:
    """Key of a partnership level concept.

    >>> level_key("стратегическое партнерство")
    'level/strategicheskoe-partnerstvo'
    """
    return f"level/{slug(level)}"


def authorities_key(place_key: str) -> str:
    """Key of the authorities of a region or city.

    >>> authorities_key("place/moskovskaia-oblast")
    'organization/authorities-moskovskaia-oblast'
    """
    return f"organization/authorities-{place_key.split('/', 1)[1]}"
