"""Reading articles: the only module that opens input files.

``.txt`` files (one article each, the id is the file name without ``.txt``), folders of them, and JSONL files
(one article a line: ``id``, ``text`` and optional ``date``, ``source``, ``url``, ``title``). Texts are UTF-8; line
ends are normalised to ``\\n`` and a leading byte-order mark is dropped, and every offset refers to that text.
A file or line that cannot be read becomes a :class:`Problem` that names it, and reading goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kg.dateline import find_dateline
from kg.dates import parse_iso
from kg.errors import KgError
from kg.records import Article


class InputError(KgError, ValueError):
    """An input that cannot be read as an article; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Problem:
    """An input that was skipped, and why."""

    where: str
    reason: str


def normalise_text(text: str) -> str:
    r"""The article text as the pipeline sees it: ``\r\n`` and ``\r`` become ``\n``, a leading BOM goes.

    >>> normalise_text("\ufeffa\r\nb\rc")
    'a\nb\nc'
    """
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
    if m:
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


def read_text_file(path: Path) -> Article:
    """One ``.txt`` article; raises :class:`InputError` naming the file when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from exc
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{path}: empty article")
    return parse_metadata(Article(id=path.stem, text=text, path=str(path)))


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
        parts = parse_iso(str(date))
        if not parts:
            raise InputError(f"{where}: 'date' must be an ISO date (yyyy-mm-dd), got {date!r}")
        date = "{:04d}-{:02d}-{:02d}".format(*parts)

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    return parse_metadata(
        Article(
            id=str(art_id),
            text=text,
            path=where,
            date=date,
            agency=opt("source"),
            url=opt("url"),
            title=opt("title"),
        )
    )


def read_jsonl(path: Path) -> Iterator[Article | Problem]:
    """Articles of a JSONL file, one a line; a bad line becomes a Problem naming file and line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Problem(where, f"not UTF-8 text (byte at column {exc.start + 1})")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Problem(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
                continue
            try:
                yield _article_from_json(obj, where)
            except InputError as exc:
                yield Problem(where, str(exc).removeprefix(f"{where}: "))


def _expand(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".txt", ".jsonl"))
            if not files:
                yield Problem(str(path), "folder holds no .txt or .jsonl files")
            yield from files
        elif path.is_file():
            if path.suffix not in (".txt", ".jsonl"):
                yield Problem(
                    str(path), f"unsupported file type {path.suffix or '(none)'}: expected .txt or .jsonl"
                )
            else:
                yield path
        else:
            yield Problem(str(path), "no such file or folder")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Articles from files and folders, in a stable order; duplicates of an id become Problems."""
    seen: dict[str, str] = {}
    for item in _expand(Path(p) for p in paths):
        if isinstance(item, Problem):
            yield item
            continue
        if item.suffix == ".jsonl":
            results: Iterable[Article | Problem] = read_jsonl(item)
        else:
            try:
                results = [read_text_file(item)]
            except InputError as exc:
                results = [Problem(str(item), str(exc).removeprefix(f"{item}: "))]
        for res in results:
            if isinstance(res, Article):
                if res.id in seen:
                    yield Problem(
                        res.path or res.id, f"duplicate article id {res.id!r} (first in {seen[res.id]})"
                    )
                    continue
                seen[res.id] = res.path or res.id
            yield res
