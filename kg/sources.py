"""Reading articles: the only module that opens input files.

``.txt`` files (one article each, the id is the file name without ``.txt``), folders of them, and JSONL files
(one article a line: ``id``, ``text`` and optional ``date``, ``source``, ``url``, ``title``). Files are decoded as
:mod:`kg.cleaning` says (UTF-8 with or without BOM, UTF-16/32 with BOM, cp1251, KOI8-R, or an encoding forced), and
every text is cleaned there once: every offset refers to the cleaned text. A file or line that cannot be read
becomes a :class:`Problem` that names it (file and line), and reading goes on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kg.cleaning import DecodeError, clean_name, clean_text, decode
from kg.dateline import find_dateline
from kg.dates import valid_date
from kg.errors import KgError
from kg.iri import article_key
from kg.records import Article


class InputError(KgError, ValueError):
    """An input that cannot be read as an article; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Problem:
    """An input that was skipped, and why."""

    where: str
    reason: str


def normalise_text(text: str) -> str:
    r"""The article text as the pipeline sees it (:func:`kg.cleaning.clean_text`).

    >>> normalise_text("\ufeffa\r\nb\rc\uffff")
    'a\nb\nc\ufffd'
    """
    return clean_text(text)


# « date 2025-10-29 Title …» — a metadata line some scrapers put first.
_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[T ][0-9:]+)?\s*")

# Lines that are not the article's text: an advert, a call to subscribe or to read on, a photo credit. The
# marker opens the line (after any bullet or emoji); a label («Реклама», «Фото») needs its colon, dash or stop, as
# «Реклама табака запрещена» is news; the reader addressed in the imperative never is.
_LABELS = r"реклама|на\s+правах\s+рекламы|фото|фотография|источник\s+фото|автор\s+фото|photo|foto"
_CALLS = (
    r"подпишитесь|подписывайтесь|подписаться|присоединяйтесь|читайте|смотрите|следите\s+за|"
    r"больше\s+новостей|новости\s+по\s+теме|материалы\s+по\s+теме|см\.\s+также"
)
BOILERPLATE_LINE = re.compile(
    rf"^[^\w\n«»\"„“”'()\[\]—–-]*(?:(?:{_LABELS})\s*(?:[.:|/—–-]|$)|(?:{_CALLS})(?!\w)|©|\(c\))[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    r"""Character ranges of the lines that are no part of the article's text (adverts, subscription calls,
    «Читайте также» links, photo credits); the text itself stays as it is.

    >>> text = "Министр прибыл в Пекин.\nРеклама: Подпишитесь на наш канал\nЧитайте также: визит в Пекин"
    >>> [text[a:b] for a, b in boilerplate_spans(text)]
    ['Реклама: Подпишитесь на наш канал', 'Читайте также: визит в Пекин']
    >>> boilerplate_spans("Реклама табака запрещена в Казахстане.")
    []
    """
    return [(m.start(), m.end()) for m in BOILERPLATE_LINE.finditer(text)]


def _title_case(word: str) -> str:
    """«ПЕКИН» → «Пекин», «НУР-СУЛТАН» → «Нур-Султан»; mixed case is kept."""
    if word.isupper():
        return "-".join(p.capitalize() for p in word.split("-")).replace(" ", " ")
    return word


def parse_metadata(article: Article) -> Article:
    """Fill date, title, dateline place/date and agency from the text where it carries them."""
    text = article.text
    date = article.date
    title = article.title
    body_start = 0
    m = _DATE_LINE.match(text)
    if m and valid_date(m[1]):
        date = date or m[1]
        body_start = m.end()
        line_end = text.find("\n", body_start)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[body_start:line_end].strip()
        if rest and not title:
            title = rest
    place = agency = dateline_date = None
    found = find_dateline(text[body_start:])
    if found is not None:
        place = " ".join(_title_case(w) for w in found.place.split(" "))
        agency, dateline_date = found.agency, found.date or None
    return replace(
        article,
        date=date,
        title=title,
        body_start=body_start,
        dateline_place=article.dateline_place or place,
        dateline_date=article.dateline_date or dateline_date,
        agency=article.agency or agency,
    )


def read_text_file(path: Path, encoding: str | None = None, used: Counter | None = None) -> Article:
    """One ``.txt`` article; raises :class:`InputError` naming the file when it cannot be read. The encoding
    it was read in is counted in ``used``."""
    where = clean_name(str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read: {exc.strerror or exc}") from exc
    try:
        text, found = decode(raw, encoding)
    except DecodeError as exc:
        raise InputError(f"{where}: {exc}") from exc
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{where}: empty article")
    if used is not None:
        used[found] += 1
    return parse_metadata(Article(id=clean_name(path.stem), text=text, path=where))


def _article_from_json(obj: object, where: str) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    art_id, text = obj.get("id"), obj.get("text")
    if not isinstance(art_id, (str, int)) or str(art_id).strip() == "":
        raise InputError(f"{where}: missing or empty 'id'")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string, got {type(text).__name__}")
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{where}: empty 'text'")
    date = obj.get("date")
    if date is not None:
        iso = valid_date(str(date))
        if not iso:
            raise InputError(
                f"{where}: 'date' must be a day of the calendar as yyyy-mm-dd, got {clean_name(str(date))!r}"
            )
        date = iso

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return clean_name(str(value)) if value not in (None, "") else None

    return parse_metadata(
        Article(
            id=clean_name(str(art_id)),
            text=text,
            path=where,
            date=date,
            agency=opt("source"),
            url=opt("url"),
            title=opt("title"),
        )
    )


def _jsonl_encoding(data: bytes, encoding: str | None) -> tuple[str | None, bytes]:
    """The encoding of a whole JSONL file (None: UTF-8 line by line, a bad line reported alone) and its bytes
    without a UTF-8 byte-order mark."""
    if encoding is not None:
        return encoding, data
    if data.startswith(b"\xef\xbb\xbf"):
        return None, data[3:]
    try:
        data.decode("utf-8")
        return None, data
    except UnicodeDecodeError:
        pass
    lines = [line for line in data.splitlines() if not line.isascii()]
    if any(_utf8(line) for line in lines):
        return None, data  # UTF-8 with some bad lines
    try:
        return decode(data)[1], data
    except DecodeError:
        return None, data


def _utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_jsonl(
    path: Path, encoding: str | None = None, used: Counter | None = None
) -> Iterator[Article | Problem]:
    """Articles of a JSONL file, one a line; a bad line becomes a Problem naming file and line."""
    name = clean_name(str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(name, f"cannot read: {exc.strerror or exc}")
        return
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and encoding is None:
        encoding = "utf-16"
    file_encoding, data = _jsonl_encoding(data, encoding)
    if file_encoding is not None:
        try:
            data = data.decode(file_encoding).encode("utf-8", "surrogatepass")
        except (UnicodeDecodeError, LookupError) as exc:
            yield Problem(name, f"not {file_encoding} text: {exc}")
            return
    for lineno, raw in enumerate(data.splitlines(), 1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as exc:
            yield Problem(where, f"not UTF-8 text (byte at column {exc.start + 1})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        try:
            article = _article_from_json(obj, where)
        except InputError as exc:
            yield Problem(where, str(exc).removeprefix(f"{where}: "))
            continue
        if used is not None:
            used[file_encoding or "utf-8"] += 1
        yield article


def _expand(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".txt", ".jsonl"))
            if not files:
                yield Problem(clean_name(str(path)), "folder holds no .txt or .jsonl files")
            yield from files
        elif path.is_file():
            if path.suffix not in (".txt", ".jsonl"):
                yield Problem(
                    clean_name(str(path)),
                    f"unsupported file type {path.suffix or '(none)'}: expected .txt or .jsonl",
                )
            else:
                yield path
        else:
            yield Problem(clean_name(str(path)), "no such file or folder")


def read_inputs(
    paths: Iterable[str | Path], encoding: str | None = None, used: Counter | None = None
) -> Iterator[Article | Problem]:
    """Articles from files and folders, in a stable order; two articles whose ids are the same after Unicode
    normalisation (NFC) become a Problem naming both places. ``encoding`` forces one; ``used`` counts them."""
    seen: dict[str, str] = {}
    for item in _expand(Path(p) for p in paths):
        if isinstance(item, Problem):
            yield item
            continue
        if item.suffix == ".jsonl":
            results: Iterable[Article | Problem] = read_jsonl(item, encoding, used)
        else:
            try:
                results = [read_text_file(item, encoding, used)]
            except InputError as exc:
                name = clean_name(str(item))
                results = [Problem(name, str(exc).removeprefix(f"{name}: "))]
        for res in results:
            if isinstance(res, Article):
                key = article_key(unicodedata.normalize("NFC", res.id))
                if key in seen:
                    yield Problem(
                        res.path or res.id, f"duplicate article id {res.id!r} (first in {seen[key]})"
                    )
                    continue
                seen[key] = res.path or res.id
            yield res
