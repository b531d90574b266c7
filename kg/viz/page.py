"""Write a pyvis Network as one self-contained, offline, deterministic HTML page.

pyvis's own template links Bootstrap from a CDN even with ``cdn_resources="in_line"``, writes a ``lib/`` folder with
``"local"``, inserts its heading and select menu unescaped and switches tooltips to HTML when a title contains
"href" (pyvis issues 174, 228, 229). So the page is our own template: vis-network's JS and CSS are inlined from the
files pyvis ships, the data travels as JSON in a ``<script type="application/json">`` block, and a
Content-Security-Policy lets only the page's own inline scripts (by hash) run and no request leave.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyvis
from pyvis.network import Network
from rdflib import Graph

from kg.viz.network import DEFAULT_TITLE, to_network

VIS_VERSION = "vis-9.1.2"
ASSETS = "assets"


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are escaped, so no text can close it.

    >>> script_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    >>> json.loads(script_json(["a & b"])) == ["a & b"]
    True
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly one inline script or style.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network (from the pyvis package) and the page's own template, script and style."""
    vis_dir = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / VIS_VERSION
    own = resources.files("kg.viz") / ASSETS
    found = {
        "VIS_JS": (vis_dir / "vis-network.min.js").read_text(encoding="utf-8"),
        "VIS_CSS": (vis_dir / "vis-network.css").read_text(encoding="utf-8"),
        "PAGE_JS": (own / "page.js").read_text(encoding="utf-8"),
        "PAGE_CSS": (own / "page.css").read_text(encoding="utf-8"),
        "TEMPLATE": (own / "page.html").read_text(encoding="utf-8"),
    }
    for key in ("VIS_JS", "PAGE_JS"):
        # an inlined script must not contain the sequence that would end its element early
        if re.search(r"</script|<!--", found[key], re.IGNORECASE):
            raise ValueError(f"{key} cannot be inlined: it contains '</script' or '<!--'")
    if re.search(r"</style", found["VIS_CSS"] + found["PAGE_CSS"], re.IGNORECASE):
        raise ValueError("a stylesheet cannot be inlined: it contains '</style'")
    return found


def page_data(net: Network) -> dict[str, Any]:
    """What the page script reads: vis nodes, edges and options plus the details-panel data."""
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    details = getattr(net, "details", {}) or {}
    return {"nodes": net.nodes, "edges": net.edges, "options": options, "details": details}


def render_html(net: Network, title: str | None = None) -> str:
    """The whole page as a string: the same Network gives the same bytes."""
    assets = _assets()
    details = getattr(net, "details", {}) or {}
    title = title or details.get("title") or DEFAULT_TITLE
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(assets['VIS_JS'])} {csp_hash(assets['PAGE_JS'])}",
            f"style-src {csp_hash(assets['VIS_CSS'])} {csp_hash(assets['PAGE_CSS'])}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    values = {
        "CSP": html.escape(csp),
        "TITLE": html.escape(title),
        "DATA": script_json(page_data(net)),
        "VIS_JS": assets["VIS_JS"],
        "VIS_CSS": assets["VIS_CSS"],
        "PAGE_JS": assets["PAGE_JS"],
        "PAGE_CSS": assets["PAGE_CSS"],
    }
    # one pass, so text inserted for one placeholder is never scanned for another
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], assets["TEMPLATE"])


def page_bytes(graph: Graph, title: str | None = None) -> bytes:
    """The page for an rdflib Graph or Dataset, UTF-8 encoded: to_network then render_html, for kg build."""
    return render_html(to_network(graph), title).encode("utf-8")


def write_html(net: Network, path: Path | str, title: str | None = None) -> Path:
    """Write the page for ``net`` to ``path`` atomically (a temp file in the same folder, then os.replace)."""
    path = Path(path)
    text = render_html(net, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes the file private; a page is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
