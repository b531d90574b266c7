"""What the scorers share: the error type, reading JSON and JSONL files, list items for reports, halves."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError


class EvaluationError(KgError, ValueError):
    """A reference or prediction file that cannot be scored; the message names the file and what is wrong."""


# the documents a score may be restricted to: development looks at the even half, the odd half is scored whole
HALVES = ("all", "even", "odd")
_NUMBER = re.compile(r"\d+")


def check_half(half: str) -> str:
    """The half itself, when it is one of :data:`HALVES`; else :class:`EvaluationError`."""
    if half not in HALVES:
        raise EvaluationError(f"unknown half {half!r}, expected one of {', '.join(HALVES)}")
    return half


def in_half(number: int, half: str) -> bool:
    """Whether document number ``number`` is scored when ``half`` is asked for.

    >>> [n for n in range(5) if in_half(n, "even")], [n for n in range(5) if in_half(n, "odd")]
    ([0, 2, 4], [1, 3])
    """
    return half == "all" or number % 2 == (half == "odd")


def leading_number(key: str) -> int | None:
    """The number a document key starts with («007» and «007_wikinews» → 7), or None.

    >>> leading_number("007_wikinews"), leading_number("doc")
    (7, None)
    """
    match = _NUMBER.match(key)
    return int(match.group()) if match else None


@dataclass(frozen=True)
class Item:
    """One line of a list of misses or false positives."""

    kind: str  # entity type, event type, …
    label: str
    docs: tuple[str, ...] = ()
    note: str = ""


def read_json(path: Path) -> object:
    """A JSON file's content; raises :class:`EvaluationError` naming the file when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}: invalid JSON: {exc.msg} at line {exc.lineno}") from exc


def read_jsonl(path: Path) -> Iterator[dict]:
    """The JSON objects of a JSONL file, one a line; a bad line raises :class:`EvaluationError` naming it."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        lineno = 0
        try:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from exc
                if not isinstance(obj, dict):
                    raise EvaluationError(
                        f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}"
                    )
                yield obj
        except UnicodeDecodeError as exc:
            raise EvaluationError(f"{path}:{lineno + 1}: not UTF-8 text") from exc


def first_object(path: Path) -> dict | list | None:
    """The first JSON value of a JSON or JSONL file (to tell formats apart), or None when it has none."""
    try:
        with path.open(encoding="utf-8") as handle:
            line = ""
            for line in handle:  # the first non-empty line, however long
                if line.strip():
                    break
            if not line.strip():
                return None
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                # not one value a line: a pretty-printed JSON file
                handle.seek(0)
                try:
                    value = json.loads(handle.read())
                except json.JSONDecodeError as exc:
                    raise EvaluationError(
                        f"{path}: neither JSON nor JSONL: {exc.msg} at line {exc.lineno}"
                    ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    return value if isinstance(value, (dict, list)) else None
