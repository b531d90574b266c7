"""A SPARQL 1.1 Protocol endpoint over a build: read-only, on loopback by default, and hard to bring down.

``kg serve`` listens itself (kg.front) and answers each query through a private Oxigraph server: a
``kg build --store`` directory is served as it is; a build folder or an RDF file is first loaded with
``oxigraph load`` into a temporary directory. The Oxigraph child runs ``serve-read-only`` on a free loopback port
with ``--union-default-graph`` and ``--timeout-s``. The front refuses updates and SERVICE clauses, adds the
ontology's prefixes, caps the size of an answer, and a supervisor restarts the child whenever it dies (a query
that makes it panic) or stops answering past the timeout.

The port is taken before anything else, so a busy port is said at once («address in use») and nothing is
announced. The child and the temporary store go when ``kg serve`` ends: on Ctrl-C and SIGTERM by cleanup; on
``kill -9`` the child gets SIGKILL from the kernel (``PR_SET_PDEATHSIG``, Linux) and a small watchdog process,
waiting on a pipe from ``kg serve``, removes the temporary store.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, MissingDependencyError
from kg.front import Front
from kg.store import graph_source, is_store_dir

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_RESULT_MB = 64.0
READY_TIMEOUT_S = 30.0

# Run in a fresh interpreter between fork and the Oxigraph binary: ask the kernel to kill this process when
# its parent dies, then become the server (exec keeps the request).
_PDEATH_SHIM = """
import ctypes, os, signal, sys
if sys.platform.startswith("linux"):
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != int(sys.argv[1]):
        sys.exit(1)
os.execv(sys.argv[2], sys.argv[2:])
"""
# Waits until kg serve's end of the pipe closes (however it ended), then removes the temporary store.
_WATCHDOG = """
import shutil, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
sys.stdin.buffer.read()
time.sleep(0.5)
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""


class ServerError(KgError, RuntimeError):
    """The endpoint could not be prepared or did not start (a busy port, a store that does not load)."""


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


class Supervisor:
    """Keeps one Oxigraph child serving a store directory on a private loopback port, restarting it when asked
    or when it dies."""

    def __init__(self, location: Path, timeout_s: float, log: Path, binary: Path) -> None:
        self.location, self.timeout_s, self.log, self.binary = location, timeout_s, log, binary
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self._address: tuple[str, int] | None = None
        self._failed = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()

    def address(self) -> tuple[str, int] | None:
        return self._address

    def failed(self) -> None:
        """Called by the front when the child stopped answering: restart it."""
        self._failed.set()

    def start(self) -> None:
        last: ServerError | None = None
        for _ in range(3):  # the free port may be taken between the probe and the bind: try another
            port = _free_port()
            with open(self.log, "a", encoding="utf-8") as log:
                command = serve_command(self.location, "127.0.0.1", port, self.timeout_s, self.binary)
                self.process = subprocess.Popen(
                    [sys.executable, "-c", _PDEATH_SHIM, str(os.getpid()), *command],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            try:
                wait_until_ready(f"http://127.0.0.1:{port}/query", self.process)
            except ServerError as exc:
                stop(self.process)
                last = exc
                continue
            self._address = ("127.0.0.1", port)
            return
        detail = " ".join(self.log.read_text(encoding="utf-8", errors="replace").split()[-40:])
        raise ServerError(f"{last}: {detail}" if detail else str(last))

    def watch(self) -> None:
        """Restart the child whenever it dies or is reported failed, until ``close``."""
        while not self._stopping.is_set():
            process = self.process
            if not self._failed.wait(0.2) and process is not None and process.poll() is None:
                continue
            if self._stopping.is_set():
                return
            with self._lock:
                self._address = None
                self._failed.clear()
                if process is not None:
                    stop(process, grace_s=2)
                    print(
                        f"kg serve: the store stopped (exit code {process.returncode}); restarting it",
                        file=sys.stderr,
                        flush=True,
                    )
                self.restarts += 1
                try:
                    self.start()
                except ServerError as exc:
                    print(f"kg serve: the store does not restart: {exc}", file=sys.stderr, flush=True)
                    time.sleep(1)

    def close(self) -> None:
        self._stopping.set()
        self._failed.set()
        with self._lock:
            if self.process is not None:
                stop(self.process)


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: its base URL, its ``/query`` URL and the supervisor of its store."""

    url: str
    query_url: str
    supervisor: Supervisor

    @property
    def process(self) -> subprocess.Popen | None:
        """The Oxigraph child serving now (another one after a restart)."""
        return self.supervisor.process


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listen(host: str, port: int, **options: object) -> Front:
    """Take the port now: a busy one is a ServerError that says so."""
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServerError(f"{host}: cannot listen there: {exc.strerror}") from None
    try:
        return Front(info[4][:2], family=info[0], **options)  # type: ignore[arg-type]
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServerError(
                f"{bind_address(host, port)}: address in use (another server listens there); choose --port"
            ) from None
        raise ServerError(f"{bind_address(host, port)}: cannot listen: {exc.strerror or exc}") from None


@contextmanager
def running_server(
    target: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    *,
    max_result_mb: float = DEFAULT_MAX_RESULT_MB,
) -> Iterator[Endpoint]:
    """Serve a build folder, RDF file or store directory until the block ends; yields the endpoint once ready.

    The store is supervised by a thread: a child that dies is restarted while the block runs.
    """
    target = Path(target)
    binary = oxigraph_binary()
    supervisor: Supervisor | None = None
    front = listen(
        host,
        port,
        store_address=lambda: supervisor.address() if supervisor else None,
        store_failed=lambda: supervisor.failed() if supervisor else None,
        timeout_s=timeout_s,
        max_result_bytes=int(max_result_mb * 1_000_000),
    )
    workdir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    watchdog = subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(workdir)], stdin=subprocess.PIPE, start_new_session=True
    )
    try:
        if is_store_dir(target):
            location = target
        else:
            location = workdir / "store"
            load_location(graph_source(target), location, binary)
        supervisor = Supervisor(location, timeout_s, workdir / "oxigraph.log", binary)
        supervisor.start()
        watcher = threading.Thread(target=supervisor.watch, name="kg-serve-supervisor", daemon=True)
        watcher.start()
        threading.Thread(target=front.serve_forever, name="kg-serve-front", daemon=True).start()
        url = f"http://{bind_address(host, port)}"
        try:
            yield Endpoint(url=url, query_url=url + "/query", supervisor=supervisor)
        finally:
            front.shutdown()
            supervisor.close()
            watcher.join(timeout=10)
    finally:
        front.server_close()
        if supervisor is not None:
            supervisor.close()
        shutil.rmtree(workdir, ignore_errors=True)
        if watchdog.stdin is not None:
            watchdog.stdin.close()
        watchdog.wait(timeout=10)


def serve(
    target: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    on_ready: Callable[[Endpoint], None] | None = None,
    *,
    max_result_mb: float = DEFAULT_MAX_RESULT_MB,
) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); return 0."""

    def _terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # SIGTERM must unwind through running_server's cleanup: stop the child, remove the temporary store.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with running_server(target, host, port, timeout_s, max_result_mb=max_result_mb) as endpoint:
            if on_ready is not None:
                on_ready(endpoint)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
