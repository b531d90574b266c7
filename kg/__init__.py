"""Knowledge-graph builder for Russian-language news about international partnership."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("partnership-kg")
except PackageNotFoundError:  # pragma: no cover - run from a source tree that was never installed
    __version__ = "0+unknown"
