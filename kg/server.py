"""A SPARQL 1.1 Protocol endpoint over a build: Oxigraph's own server, read-only, on loopback by default.

``kg serve`` does not answer HTTP itself. It prepares an Oxigraph store directory (a ``kg build --store``
directory is served as it is; a build folder or an RDF file is first loaded with ``oxigraph load`` into a
temporary directory) and runs ``oxigraph serve-read-only`` on it, with ``--union-default-graph`` (so a query
sees every article's graph, as ``kg query`` does) and ``--timeout-s`` (the server's own query timeout).
Queries go to ``/query``; ``/update`` and the graph store are refused with 403 by the read-only server.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, MissingDependencyError
from kg.store import graph_source, is_store_dir

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 30.0
READY_TIMEOUT_S = 30.0


class ServerError(KgError, RuntimeError):
    """The Oxigraph server could not be prepared or did not start."""


@dataclass(frozen=True)
class Endpoint:
    """A running server: its base URL, its ``/query`` URL and the process serving it."""

    url: str
    query_url: str
    process: subprocess.Popen


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server executable: on PATH, or next to this Python interpreter."""
    for candidate in (
        shutil.which("oxigraph"),
        Path(sysconfig.get_path("scripts")) / "oxigraph",
        Path(sys.executable).parent / "oxigraph",
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    raise MissingDependencyError(
        "the Oxigraph server is not installed: pip install 'partnership-kg[server]' (or oxigraph)"
    )


def is_loopback(host: str) -> bool:
    """Whether a host name or address only accepts local connections.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_address(host: str, port: int) -> str:
    """``host:port`` as Oxigraph's ``--bind`` takes it (IPv6 in brackets).

    >>> bind_address("127.0.0.1", 7878), bind_address("::1", 80)
    ('127.0.0.1:7878', '[::1]:80')
    """
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def load_location(source: Path, location: Path, binary: Path | None = None) -> None:
    """Load one RDF file into a new Oxigraph store directory with ``oxigraph load``."""
    command = [str(binary or oxigraph_binary()), "load", "--location", str(location), "--file", str(source)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ServerError(f"{source}: oxigraph load failed: {done.stderr.strip() or done.stdout.strip()}")


def serve_command(
    location: Path, host: str, port: int, timeout_s: float, binary: Path | None = None
) -> list[str]:
    """The ``oxigraph serve-read-only`` command line for a store directory."""
    return [
        str(binary or oxigraph_binary()),
        "serve-read-only",
        "--location",
        str(location),
        "--bind",
        bind_address(host, port),
        "--union-default-graph",
        "--timeout-s",
        f"{timeout_s:g}",
    ]


def wait_until_ready(query_url: str, process: subprocess.Popen, timeout_s: float = READY_TIMEOUT_S) -> None:
    """Poll the endpoint with an ``ASK {}`` until it answers; fail if the process dies or time runs out."""
    probe = query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"the Oxigraph server exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise ServerError(f"the Oxigraph server did not answer at {query_url} within {timeout_s:g} s")


def stop(process: subprocess.Popen, grace_s: float = 5.0) -> None:
    """Terminate a server process, and kill it if it does not exit in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running_server(
    target: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    *,
    ready_timeout_s: float = READY_TIMEOUT_S,
) -> Iterator[Endpoint]:
    """Serve a build folder, RDF file or store directory until the block ends; yields the endpoint once ready."""
    target = Path(target)
    binary = oxigraph_binary()
    # The server's log goes to a file: a pipe nobody reads would fill up and stall it.
    workdir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        if is_store_dir(target):
            location = target
        else:
            location = workdir / "store"
            load_location(graph_source(target), location, binary)
        with open(workdir / "oxigraph.log", "w+", encoding="utf-8") as log:
            process = subprocess.Popen(
                serve_command(location, host, port, timeout_s, binary),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                url = f"http://{bind_address(host, port)}"
                try:
                    wait_until_ready(url + "/query", process, ready_timeout_s)
                except ServerError as exc:
                    stop(process)
                    log.seek(0)
                    detail = " ".join(log.read().split())
                    raise ServerError(f"{exc}: {detail}" if detail else str(exc)) from None
                yield Endpoint(url=url, query_url=url + "/query", process=process)
            finally:
                stop(process)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def serve(
    target: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    on_ready: Callable[[Endpoint], None] | None = None,
) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM) or the server exits; return the server's exit code."""

    def _terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # SIGTERM must unwind through running_server's cleanup: stop the child, remove the temporary store.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with running_server(target, host, port, timeout_s) as endpoint:
            if on_ready is not None:
                on_ready(endpoint)
            try:
                return endpoint.process.wait()
            except KeyboardInterrupt:
                return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
