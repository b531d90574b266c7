"""Writing graphs: one ``write(graph, path)`` that takes the format from the suffix; every write is atomic."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.errors import KgError
from kg.formats import format_from_suffix
from kg.vocab import PREFIXES


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path`` and move it into place, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes files private; outputs are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def nquad_line(triple: tuple, graph: object = None) -> str:
    """One N-Quads line (rdflib's escaping) for a triple in a named graph, or in the default graph (``None``)."""
    s, p, o = triple
    obj = _quoteLiteral(o) if isinstance(o, Literal) else o.n3()
    name = f" {graph.n3()}" if graph is not None else ""  # type: ignore[attr-defined]
    return f"{s.n3()} {p.n3()} {obj}{name} .\n"


def nquads(ds: Dataset) -> bytes:
    """N-Quads with one line per quad, sorted, so that the same graph always gives the same bytes."""
    lines = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        lines.add(nquad_line((s, p, o), None if name in (None, DATASET_DEFAULT_GRAPH_ID) else name))
    return "".join(sorted(lines)).encode("utf-8")


def _ordered(node: object) -> object:
    """JSON-LD with every list sorted (rdflib emits nodes and values in an order that varies by run)."""
    if isinstance(node, dict):
        return {k: (v if k == "@list" else _ordered(v)) for k, v in node.items()}
    if isinstance(node, list):
        items = [_ordered(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return node


def fast_serialize(nquads_bytes: bytes, fmt: str) -> bytes:
    """Turtle (the union of the graphs) or TriG from N-Quads, by Oxigraph's writers: rdflib's Turtle writer
    slows down more than linearly with the graph (rdflib issue 2135). Minted IRIs stay whole: as prefixed names
    their slashes would need escaping."""
    from kg.store import convert_nquads

    prefixes = {p: iri for p, iri in PREFIXES.items() if p != "kgr"}
    return convert_nquads(nquads_bytes, fmt, prefixes)


def jsonld_context() -> dict:
    """The JSON-LD context: our prefixes."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def serialize(graph: Graph | Dataset, fmt: str) -> bytes:
    """Serialise a graph in a format; N-Quads and N-Triples sorted for stable output."""
    if fmt == "nquads" and isinstance(graph, Dataset):
        return nquads(graph)
    if fmt == "trig" and isinstance(graph, Dataset):
        return fast_serialize(nquads(graph), "trig")
    if fmt in ("nt", "nquads"):
        text = graph.serialize(format=fmt, encoding="utf-8")
        return b"".join(sorted(set(text.splitlines(keepends=True))))
    if fmt == "json-ld":
        data = json.loads(
            graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True)
        )
        return (json.dumps(_ordered(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode(
            "utf-8"
        )
    return graph.serialize(format=fmt, encoding="utf-8")


def write(graph: Graph | Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Serialise a graph to a file, the format taken from the suffix unless given; atomic."""
    path = Path(path)
    write_atomic(path, serialize(graph, fmt or format_from_suffix(path)))
    return path


class OutputBusyError(KgError):
    """Another build is writing into the same output folder."""


STAGING_PREFIX = ".kg-build-"


@contextmanager
def output_lock(outdir: Path) -> Iterator[None]:
    """Hold the output folder for one build: a second build into it fails at once, naming the folder. The lock is
    the kernel's (``flock`` on the folder itself), so it goes with the process however it ends; a staging folder
    a killed build left behind is removed here. A folder made for the build and left empty goes too."""
    created = not outdir.exists()
    outdir.mkdir(parents=True, exist_ok=True)
    fd = os.open(outdir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusyError(f"{outdir}: another kg build is writing into this folder") from None
        for stale in outdir.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in outdir.glob(".*.tmp"):
            stale.unlink(missing_ok=True)
        yield
    finally:
        os.close(fd)
        if created and not any(outdir.iterdir()):
            outdir.rmdir()


@contextmanager
def staging_folder(outdir: Path) -> Iterator[Path]:
    """A hidden folder inside ``outdir`` to write a new set of outputs into; removed on any exit (what was
    published from it has been moved out)."""
    outdir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=outdir))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(outdir: Path, staging: Path, names: Iterable[str]) -> list[Path]:
    """Move files written into ``staging`` into ``outdir`` as a set: each flushed to disk and made readable
    first, then one rename each (microseconds for the set)."""
    names = list(names)
    for name in names:
        path = staging / name
        try:
            with open(path, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise OSError(exc.errno, f"cannot write {outdir / name}: {exc.strerror}") from exc
        os.chmod(path, 0o666 & ~_UMASK)
    written = []
    for name in names:
        os.replace(staging / name, outdir / name)
        written.append(outdir / name)
    return written


def write_set(outdir: Path, files: dict[str, bytes]) -> list[Path]:
    """Replace the output files as a set: every file is written (and flushed to disk) into a staging folder inside
    ``outdir`` first, so a full disk or a kill while writing leaves the previous outputs untouched; only then are
    they moved into place. The staging folder goes on any exit."""
    with staging_folder(outdir) as staging:
        for name, data in files.items():
            try:
                with open(staging / name, "wb") as handle:
                    handle.write(data)
            except OSError as exc:
                raise OSError(exc.errno, f"cannot write {outdir / name}: {exc.strerror}") from exc
        return publish(outdir, staging, files)
