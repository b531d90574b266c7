"""SPARQL answers as plain values, and readable syntax errors: the parts of querying that need no store."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from kg.errors import KgError
from kg.vocab import KGR_IRI, PREFIXES

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


class QuerySyntaxError(KgError, ValueError):
    """A SPARQL syntax error, with its line and column in the user's query (1-based)."""

    def __init__(self, message: str, line: int, column: int, source_line: str = "") -> None:
        self.message = message
        self.line = line
        self.column = column
        self.source_line = source_line
        super().__init__(f"SPARQL syntax error at line {line}, column {column}: {message}")

    @property
    def excerpt(self) -> str:
        """The offending line with a caret under the error's column."""
        return f"  {self.source_line}\n  {' ' * max(self.column - 1, 0)}^"


@dataclass(frozen=True)
class Result:
    """The answer to one query, as plain Python values.

    ``kind`` is ``select`` (``variables`` and ``rows``), ``ask`` (``boolean``) or ``graph`` (CONSTRUCT or
    DESCRIBE: ``turtle``, ``ntriples`` and ``triple_count``). ``json`` keeps the SPARQL 1.1 Query Results JSON of a
    ``select`` or ``ask``, from which the other formats are written.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    turtle: str = ""
    ntriples: str = ""
    triple_count: int = 0
    json: bytes = field(default=b"", repr=False)

    def column(self, name: str) -> list[object]:
        """The values of one variable, row by row."""
        i = self.variables.index(name)
        return [row[i] for row in self.rows]

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts keyed by variable name (unbound variables are None)."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def prefixes(base: str = KGR_IRI) -> dict[str, str]:
    """The project's prefixes, with ``kgr:`` bound to the build's base IRI."""
    return {p: (base if p == "kgr" else iri) for p, iri in PREFIXES.items()}


def plain_value(term: dict | None) -> object:
    """A SPARQL JSON term as a plain Python value: IRI → str, typed literal → int/Decimal/float/bool/date.

    >>> plain_value({"type": "uri", "value": "http://x/a"})
    'http://x/a'
    >>> plain_value({"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"})
    7
    >>> plain_value({"type": "literal", "value": "2020-09-12", "datatype": "http://www.w3.org/2001/XMLSchema#date"})
    datetime.date(2020, 9, 12)
    >>> plain_value({"type": "literal", "value": "Ван И", "xml:lang": "ru"})
    'Ван И'
    >>> plain_value(None) is None
    True
    """
    if term is None:
        return None
    kind, value = term["type"], term.get("value")
    if kind == "bnode":
        return f"_:{value}"
    if kind == "triple":
        return json.dumps(term["value"], ensure_ascii=False, sort_keys=True)
    if kind != "literal" and kind != "typed-literal":
        return value
    datatype = term.get("datatype", "")
    try:
        if datatype in _INTEGER_TYPES:
            return int(value)
        if datatype == _XSD + "decimal":
            return Decimal(value)
        if datatype in (_XSD + "double", _XSD + "float"):
            return float(value)
        if datatype == _XSD + "boolean":
            return value in ("true", "1")
        if datatype == _XSD + "date":
            return dt.date.fromisoformat(value)
        if datatype == _XSD + "dateTime":
            return dt.datetime.fromisoformat(value)
    except (ValueError, InvalidOperation):
        pass  # an ill-typed literal stays its lexical form
    return value


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_PNAME_BEFORE = re.compile(r"(?:^|[^\w:.\-])([A-Za-z][\w.\-]*)?:[\w.\-%]*$")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.\-]*)?:", re.IGNORECASE)


def syntax_error(text: str, sparql: str, known: dict[str, str]) -> QuerySyntaxError:
    """Turn pyoxigraph's ``error at L:C: …`` into a QuerySyntaxError with a readable message."""
    match = _POSITION.match(text.strip())
    if not match:
        return QuerySyntaxError(text.strip(), 1, 1, sparql.splitlines()[0] if sparql else "")
    line, column, detail = int(match[1]), int(match[2]), match[3]
    lines = sparql.splitlines() or [""]
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return QuerySyntaxError(
        _explain(detail, source_line[: column - 1], sparql, known), line, column, source_line
    )


def _explain(detail: str, before: str, sparql: str, known: dict[str, str]) -> str:
    """A one-line reason: unknown prefixes named, the parser's own sentences kept, long lists cut."""
    pname = _PNAME_BEFORE.search(before)
    if pname is not None:
        name = pname[1] or ""
        if name not in set(known) | {m or "" for m in _DECLARED.findall(sparql)}:
            hint = f" (known without declaring: {', '.join(sorted(known))})" if known else ""
            return f"unknown prefix '{name}:'{hint}"
    detail = " ".join(detail.split())
    if detail.startswith("expected one of "):
        # pyoxigraph puts semantic errors among the expected tokens: "expected one of The SELECT …, [_]".
        sentences = [item for item in detail[16:].split(", ") if " " in item and item[:1].isupper()]
        if sentences:
            return sentences[0]
    return detail if len(detail) <= 160 else detail[:157] + "…"


def display_rows(result: Result, base: str = KGR_IRI) -> list[list[str]]:
    """The rows of a select result as short strings for a table: IRIs compacted with the known prefixes."""
    bindings = json.loads(result.json)["results"]["bindings"] if result.json else []
    return [[_display(b.get(v), base) for v in result.variables] for b in bindings]


def _display(term: dict | None, base: str) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return compact_iri(term["value"], base)
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    if term["type"] == "triple":
        return json.dumps(term["value"], ensure_ascii=False)
    return term["value"]


def compact_iri(iri: str, base: str = KGR_IRI) -> str:
    """An IRI as ``prefix:rest`` with the longest matching known namespace, for display only.

    >>> compact_iri("https://w3id.org/partnership-kg/id/person/van-i")
    'kgr:person/van-i'
    >>> compact_iri("https://w3id.org/partnership-kg/ontology#Talks")
    'dip:Talks'
    >>> compact_iri("http://example.org/x")
    'http://example.org/x'
    """
    known = prefixes(base)
    matches = [(len(ns), prefix) for prefix, ns in known.items() if iri.startswith(ns)]
    if not matches:
        return iri
    prefix = max(matches)[1]
    return f"{prefix}:{iri[len(known[prefix]) :]}"
