"""What kg reads in a SPARQL query before any store sees it: updates, SERVICE clauses, prefixes, bindings.

A small lexer splits a query into SPARQL's tokens (IRIs, strings, comments, variables, prefixed names, words),
so that a keyword inside a string, an IRI or a comment is never taken for one. SERVICE clauses are found both by
rdflib's SPARQL parser (a real parse tree) and by the lexer (which also sees queries rdflib cannot parse); a query
is refused when either finds one, and ``\\uXXXX`` escapes, which SPARQL decodes before parsing, are decoded first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import KgError

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


class QueryRefused(KgError, ValueError):
    """A query kg will not run: an update, or a SERVICE clause that would call another server."""


class BindError(KgError, ValueError):
    """A ``--bind name=value`` that cannot be applied to the query."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


_TOKEN = re.compile(
    r"""(?P<ws>\s+)
    |(?P<comment>\#[^\n]*)
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    |(?P<var>[?$]\w+)
    |(?P<pname>(?:[^\W\d_][\w\-]*(?:\.+[\w\-]+)*)?:(?:[\w\-:%]+(?:\.+[\w\-:%]+)*)?)
    |(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    |(?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
    |(?P<word>[A-Za-z_]\w*)
    |(?P<other>\^\^|.)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def tokens(query: str) -> list[Token]:
    """The query's tokens, whitespace and comments left out."""
    found = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            found.append(Token(kind, match.group(), match.start()))
    return found


def position(query: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = query.count("\n", 0, offset) + 1
    return line, offset - (query.rfind("\n", 0, offset) + 1) + 1


def _body(toks: list[Token]) -> list[Token]:
    """The tokens after the prologue (BASE and PREFIX declarations)."""
    i = 0
    while i < len(toks) and toks[i].kind == "word" and toks[i].text.upper() in ("BASE", "PREFIX"):
        i += 3 if toks[i].text.upper() == "PREFIX" else 2
    return toks[i:]


def declared_prefixes(query: str) -> set[str]:
    """The prefixes a query declares itself."""
    toks = tokens(query)
    return {
        toks[i + 1].text[:-1]
        for i in range(len(toks) - 1)
        if toks[i].kind == "word" and toks[i].text.upper() == "PREFIX" and toks[i + 1].text.endswith(":")
    }


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL Update request (INSERT, DELETE, LOAD, DROP …) rather than a query."""
    body = _body(tokens(query))
    return bool(body) and body[0].kind == "word" and body[0].text.upper() in UPDATE_KEYWORDS


def service_position(query: str) -> tuple[int, int] | None:
    """Line and column of the first SERVICE clause, or None; found by rdflib's parser or by the lexer."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)), query)
    for tok in tokens(decoded):
        if tok.kind == "word" and tok.text.upper() == "SERVICE":
            return position(decoded, tok.start)
    if _parsed_service(decoded):
        return (1, 1)
    return None


def _parsed_service(query: str) -> bool:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)
    except (ParseException, ValueError, TypeError):
        return False  # not rdflib's SPARQL: the lexer has looked at it
    return "ServiceGraphPattern_" in repr(tree) or "ServiceGraphPattern" in _names(tree)


def _names(node: object) -> set[str]:
    names: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        name = getattr(item, "name", None)
        if isinstance(name, str):
            names.add(name)
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))
    return names


def check_query(query: str, *, allow_service: bool = False) -> None:
    """Refuse an update, and a SERVICE clause unless allowed."""
    if is_update(query):
        raise QueryRefused(
            "updates are not allowed: this is a read-only query interface (SPARQL Update refused)"
        )
    if not allow_service:
        where = service_position(query)
        if where is not None:
            raise QueryRefused(
                f"SERVICE clause at line {where[0]}, column {where[1]} refused: a query may not make this "
                "machine call other servers (kg query --allow-service runs it)"
            )


def prefix_prologue(query: str, known: dict[str, str]) -> str:
    """One line of PREFIX declarations for the known prefixes the query does not declare ('' if none)."""
    declared = declared_prefixes(query)
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in sorted(known.items()) if p not in declared]
    return " ".join(missing) + "\n" if missing else ""


# --- bindings ----------------------------------------------------------------------------------------------

_PNAME = re.compile(r"(?:[^\W\d_][\w\-]*)?:[\w\-%]*")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")


def parse_binding(spec: str) -> tuple[str, str]:
    """``name=value`` → (name, value); the name may start with ? or $."""
    name, sep, value = spec.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise BindError(f"--bind {spec!r}: expected name=value (e.g. --bind person='Ван И')")
    return name, value


def _terms(toks: list[Token]) -> list[list[Token]]:
    """Group a VALUES row's tokens into terms (a string with its @lang or ^^datatype is one term)."""
    terms: list[list[Token]] = []
    i = 0
    while i < len(toks):
        term = [toks[i]]
        if toks[i].text in "+-" and i + 1 < len(toks):
            i += 1
            term.append(toks[i])
        elif toks[i].kind == "string" and i + 1 < len(toks) and toks[i + 1].kind == "lang":
            i += 1
            term.append(toks[i])
        elif toks[i].kind == "string" and i + 2 < len(toks) and toks[i + 1].text == "^^":
            term += toks[i + 1 : i + 3]
            i += 2
        terms.append(term)
        i += 1
    return terms


def term_text(value: str, like: str | None, prefixes: set[str]) -> str:
    """The SPARQL text of a bound value: IRIs, prefixed names, literals and numbers as written; any other text
    becomes a string literal with the language tag or datatype of the query's own value (``like``)."""
    value = value.strip()
    if re.fullmatch(r"<[^<>\"{}|^`\\\x00-\x20]*>", value):
        return value
    if re.fullmatch(r"[a-z][a-z0-9+.\-]*://\S+|urn:\S+", value):
        return f"<{value}>"
    lexed = tokens(value)
    if lexed and lexed[0].kind == "string" and len(_terms(lexed)) == 1:
        return value
    if _PNAME.fullmatch(value) and value.split(":", 1)[0] in prefixes:
        return value
    if _NUMBER.fullmatch(value) or value in ("true", "false"):
        return value
    literal = (
        '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    )
    suffix = re.search(r"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^\S+)$", like or "")
    return literal + suffix.group() if suffix and like and like[:1] in "\"'" else literal


def bind(query: str, name: str, value: str, known_prefixes: set[str] = frozenset()) -> str:
    """The query with ``?name`` fixed to ``value``: its own VALUES rows for it are replaced (so a ready query's
    defaults need no editing), or, if it has none, ``VALUES ?name { value }`` opens the WHERE clause."""
    toks = tokens(query)
    if not any(t.kind == "var" and t.text[1:] == name for t in toks):
        raise BindError(f"--bind {name}: the query has no variable ?{name}")
    prefixes = set(known_prefixes) | declared_prefixes(query)
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(toks):
        if tok.kind != "word" or tok.text.upper() != "VALUES" or i + 1 >= len(toks):
            continue
        single = toks[i + 1].kind == "var"
        if single:
            names, j = [toks[i + 1].text[1:]], i + 2
        else:
            close = next((k for k in range(i + 1, len(toks)) if toks[k].text == ")"), len(toks) - 1)
            names, j = [t.text[1:] for t in toks[i + 2 : close]], close + 1
        end = next((k for k in range(j, len(toks)) if toks[k].text == "}"), None)
        if name not in names or end is None or toks[j].text != "{":
            continue
        column = names.index(name)
        block = toks[j + 1 : end]
        rows: list[list[str]] = []
        if single:
            rows = [[_text(query, term)] for term in _terms(block)][:1]
        else:
            opened = None
            for k, t in enumerate(block):
                if t.text == "(":
                    opened = k + 1
                elif t.text == ")" and opened is not None:
                    rows.append([_text(query, term) for term in _terms(block[opened:k])])
        like = rows[0][column] if rows and column < len(rows[0]) else None
        bound = term_text(value, like, prefixes)
        new_rows: list[str] = []
        for row in rows or [[""] * len(names)]:
            row = [*row[:column], bound, *row[column + 1 :]]
            text = row[0] if single else "(" + " ".join(row) + ")"
            if text not in new_rows:
                new_rows.append(text)
        edits.append((toks[j].start + 1, toks[end].start, " " + " ".join(new_rows) + " "))
    if not edits:
        where = _where_brace(toks)
        edits = [(where, where, f" VALUES ?{name} {{ {term_text(value, None, prefixes)} }}")]
    for start, end, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[end:]
    return query


def _text(query: str, term: list[Token]) -> str:
    return query[term[0].start : term[-1].start + len(term[-1].text)]


def _where_brace(toks: list[Token]) -> int:
    """The offset just after the ``{`` that opens the query's WHERE clause."""
    body = _body(toks)
    for k, tok in enumerate(body):
        if (
            tok.kind == "word"
            and tok.text.upper() == "WHERE"
            and k + 1 < len(body)
            and body[k + 1].text == "{"
        ):
            return body[k + 1].start + 1
    if body and body[0].text.upper() != "CONSTRUCT":
        for tok in body:
            if tok.text == "{":
                return tok.start + 1
    raise BindError("cannot find the query's WHERE clause to bind a variable in")
