"""The interactive graph page: ``to_network(graph)`` draws a graph as a pyvis Network, ``write_html`` writes it.

pyvis, networkx and numpy (for the layout) are imported only here, in this package.
"""

from __future__ import annotations

from kg.rdfio import GraphReadError, read_graph
from kg.viz.network import KgNetwork, to_network
from kg.viz.page import page_bytes, render_html, write_html

__all__ = [
    "GraphReadError",
    "KgNetwork",
    "page_bytes",
    "read_graph",
    "render_html",
    "to_network",
    "write_html",
]
