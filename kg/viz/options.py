"""The vis-network settings the page starts with: physics only when the reader asks for a new layout."""

from __future__ import annotations

from typing import Any

#: Seed of the layout written with the page (kg.viz.layout) and of vis-network's own, for «Уложить заново».
LAYOUT_SEED = 7
#: Physics iterations the page runs on load: none, every node comes with its place (kg.viz.layout).
BROWSER_ITERATIONS = 0


def stabilization_iterations(n_nodes: int) -> int:
    """How many physics iterations «Уложить заново» may spend on a new layout: fewer as the graph grows.

    >>> stabilization_iterations(50), stabilization_iterations(1000), stabilization_iterations(2000)
    (400, 200, 150)
    """
    return max(150, min(400, 200_000 // max(n_nodes, 1)))


#: The smallest on-screen size (px) a label is drawn at.
LABEL_MIN_PX = 11

#: Above this many nodes the page trades polish for speed: weaker forces, no overlap avoidance, no edges on drag.
BIG_GRAPH = 400


def vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: the nodes come placed, so physics runs only when the reader asks for a new layout."""
    big = n_nodes > BIG_GRAPH
    return {
        "autoResize": True,
        # every node comes with its x/y (place_nodes): vis-network's own first layout would only be thrown away
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": False},
        "physics": {
            # off as the page opens (every node comes placed); «Уложить заново» turns it on
            "enabled": False,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70 if big else -110,
                # enough pull to keep entities no event links from drifting to the edge of the picture
                "centralGravity": 0.012 if big else 0.02,
                "springLength": 90 if big else 110,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0 if big else 0.3,
                # a coarser Barnes-Hut approximation: the repulsion dominates the cost
                "theta": 1.0 if big else 0.6,
            },
            "maxVelocity": 60,
            # a large graph stops once it moves little: the last iterations would only polish it
            "minVelocity": 2.0 if big else 1.0,
            "timestep": 0.6 if big else 0.5,
            "stabilization": {
                "enabled": True,
                "iterations": BROWSER_ITERATIONS,
                "updateInterval": 10 if big else 25,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"},
            # a label is drawn only once it is at least LABEL_MIN_PX on screen (vis draws at drawThreshold - 1)
            # and never larger than maxVisible: the page enlarges the most important ones to be read at once
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_MIN_PX + 1, "maxVisible": 22}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": False}},
            "selectionWidth": 2,
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_MIN_PX + 1, "maxVisible": 18}},
            "hoverWidth": 1,
            "font": {
                "size": 10,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
        },
    }
