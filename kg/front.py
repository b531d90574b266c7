"""The HTTP front of ``kg serve``: the SPARQL 1.1 Protocol at ``/query``, checked, then answered by the store.

Each query is read (GET ``?query=``, POST form or ``application/sparql-query``), refused if it is an update or
has a SERVICE clause (so the endpoint never calls another machine), given the ontology's prefixes it does not
declare, and forwarded to the private Oxigraph server. The answer is passed back whole if it stays under the
result-size limit; a store that stops answering (a crash, a query past the timeout) is reported to the
supervisor, which restarts it, and the client gets a 503 or 504 — the endpoint itself stays up.
"""

from __future__ import annotations

import http.client
import re
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.errors import KgError
from kg.sparql import prefixes, syntax_error
from kg.sparqltext import QueryRefused, check_query, prefix_prologue

MAX_QUERY_BYTES = 1_000_000
_POSITION = re.compile(r"error at (\d+):(\d+):")


class Front(ThreadingHTTPServer):
    """The listening server; ``store_address()`` gives the live store's (host, port) or None while it restarts."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(
        self,
        address: tuple[str, int],
        *,
        family: int,
        store_address: Callable[[], tuple[str, int] | None],
        store_failed: Callable[[], None],
        timeout_s: float,
        max_result_bytes: int,
    ) -> None:
        self.address_family = family
        self.store_address = store_address
        self.store_failed = store_failed
        self.timeout_s = timeout_s
        self.max_result_bytes = max_result_bytes
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: Front
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # no access log on the terminal

    def do_GET(self) -> None:
        path, _, query_string = self.path.partition("?")
        if path != "/query":
            return self._refuse_path(path)
        self._answer(urllib.parse.parse_qsl(query_string, keep_blank_values=True))

    def do_POST(self) -> None:
        path, _, query_string = self.path.partition("?")
        if path != "/query":
            return self._refuse_path(path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            return self._text(413, f"a query is at most {MAX_QUERY_BYTES} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            params.append(("query", body))
        elif kind == "application/x-www-form-urlencoded":
            params += urllib.parse.parse_qsl(body, keep_blank_values=True)
        elif kind == "application/sparql-update":
            return self._text(403, "updates are not allowed: this endpoint is read-only")
        else:
            return self._text(415, "send the query as application/sparql-query or a form")
        self._answer(params)

    def _refuse_path(self, path: str) -> None:
        if path in ("/update", "/store") or path.startswith("/store"):
            return self._text(403, "updates are not allowed: this endpoint is read-only (queries at /query)")
        return self._text(404, "not found: the SPARQL endpoint is /query")

    def _answer(self, params: list[tuple[str, str]]) -> None:
        if any(name == "update" for name, _ in params):
            return self._text(403, "updates are not allowed: this endpoint is read-only")
        queries = [value for name, value in params if name == "query"]
        if len(queries) != 1:
            return self._text(400, "give exactly one query (the 'query' parameter)")
        query = queries[0]
        try:
            check_query(query)
        except QueryRefused as exc:
            return self._text(400, str(exc))
        known = prefixes()
        prologue = prefix_prologue(query, known)
        forwarded = [(n, v) for n, v in params if n != "query"] + [("query", prologue + query)]
        self._forward(urllib.parse.urlencode(forwarded).encode(), query, bool(prologue), known)

    def _forward(self, body: bytes, query: str, shifted: bool, known: dict[str, str]) -> None:
        address = self.server.store_address()
        if address is None:
            return self._text(503, "the store is restarting; try again in a moment")
        connection = http.client.HTTPConnection(*address, timeout=self.server.timeout_s + 5)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": self.headers.get("Accept") or "application/sparql-results+json",
        }
        limit = self.server.max_result_bytes
        try:
            connection.request("POST", "/query", body=body, headers=headers)
            response = connection.getresponse()
            data = response.read(limit + 1)
            if len(data) > limit:
                return self._text(
                    413,
                    f"the result is larger than the limit of {limit} bytes (kg serve --max-result-mb); "
                    "add LIMIT or narrow the query",
                )
        except TimeoutError:
            self.server.store_failed()
            return self._text(
                504, f"the query ran past the {self.server.timeout_s:g} s timeout and was stopped"
            )
        except (ConnectionError, http.client.HTTPException, OSError):
            self.server.store_failed()
            return self._text(
                503, "the store failed on this query and is being restarted; other queries go on"
            )
        finally:
            connection.close()
        if response.status == 400:
            return self._text(400, _readable_error(data.decode("utf-8", "replace"), query, shifted, known))
        self._send(response.status, response.getheader("Content-Type") or "application/octet-stream", data)

    def _text(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: int, content_type: str, data: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (TimeoutError, ConnectionError):
            pass  # the client went away


def _readable_error(text: str, query: str, shifted: bool, known: dict[str, str]) -> str:
    """Oxigraph's parse error, its position moved back into the user's query, unknown prefixes named."""
    match = _POSITION.search(text)
    if match is None:
        return text.strip()
    line = int(match[1]) - (1 if shifted else 0)
    try:
        error = syntax_error(f"error at {line}:{match[2]}:{text[match.end() :]}", query, known)
    except (KgError, ValueError, IndexError):
        return text.strip()
    return f"{error}\n{error.excerpt}"
