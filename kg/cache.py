"""The records of a build, kept in its output folder so that ``kg build --update`` extracts only new articles.

``OUTDIR/.kg-records.pickle`` holds every article record of the last build, in build order, each under the hash
of its article (id, text and metadata as read: an article edited since is a new one), and the model they were
extracted with. It is written with the other outputs, as part of the same set. It is a pickle: read only a
folder you built yourself.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import KgError
from kg.records import Article, ArticleRecord

CACHE_FILE = ".kg-records.pickle"
_FORMAT = 2


class CacheError(KgError):
    """A folder without a usable record cache (not built by ``kg build``, or with another model)."""


def article_hash(article: Article) -> str:
    """The hash of an article as read: its id, text and every piece of metadata."""
    data = json.dumps(asdict(article), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class RecordCache:
    """The records of a build, in build order, by article hash: read from its file each time they are asked for
    (a large corpus is never all in memory)."""

    path: Path
    model: str | None
    count: int

    def items(self) -> Iterator[tuple[str, ArticleRecord]]:
        with self.path.open("rb") as handle:
            pickle.load(handle)  # noqa: S301 - the header
            for _ in range(self.count):
                yield pickle.load(handle)  # noqa: S301 - a file kg build wrote into the user's own folder

    def records(self) -> Iterator[ArticleRecord]:
        return (rec for _, rec in self.items())

    def hashes(self) -> set[str]:
        return {h for h, _ in self.items()}

    def ids(self) -> set[str]:
        """The article ids, NFC-normalised as kg.sources compares them."""
        return {unicodedata.normalize("NFC", rec.article.id) for rec in self.records()}


def load_cache(outdir: Path, model: str | None) -> RecordCache:
    """The record cache of a build folder; its records must come from the same ``model``."""
    path = Path(outdir) / CACHE_FILE
    try:
        with path.open("rb") as handle:
            head = pickle.load(handle)  # noqa: S301 - a file kg build wrote into the user's own folder
    except FileNotFoundError:
        raise CacheError(f"{outdir}: no {CACHE_FILE}; --update needs a folder written by kg build") from None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        raise CacheError(f"{path}: cannot read the record cache ({exc}); rebuild without --update") from None
    if not isinstance(head, dict) or head.get("format") != _FORMAT:
        raise CacheError(f"{path}: a record cache of another version; rebuild without --update")
    if head["model"] != model:
        raise CacheError(
            f"{outdir} was built with --model {head['model'] or '(the default)'}, not "
            f"{model or '(the default)'}; rebuild without --update"
        )
    return RecordCache(path=path, model=head["model"], count=head["count"])


def write_cache(path: Path, records: Iterable[ArticleRecord], model: str | None) -> None:
    """Write the records of a build (in order) with the model they came from: a header, then one pickle per
    record, so that neither writing nor reading holds them all."""
    records = records if hasattr(records, "__len__") else list(records)
    with Path(path).open("wb") as handle:
        pickle.dump({"format": _FORMAT, "model": model, "count": len(records)}, handle)  # type: ignore[arg-type]
        for rec in records:
            pickle.dump((article_hash(rec.article), rec), handle, protocol=pickle.HIGHEST_PROTOCOL)
