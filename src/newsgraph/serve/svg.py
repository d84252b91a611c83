"""Charts drawn on the server as SVG, so the pages read without JavaScript: the timeline,
the actor network, and the offline world map (country outlines from the ``countryinfo``
package's GeoJSON, MIT; equirectangular, rounded to a tenth of a degree).

Everything interpolated into the SVG is escaped: names come from untrusted articles.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from html import escape
from importlib import resources
from urllib.parse import quote

import numpy as np
from markupsafe import Markup

from newsgraph.analyse.models import Network, PlaceSummary, TimelinePoint

COOP, CONFLICT, NEUTRAL = "#2e8b57", "#c0392b", "#8a8f98"


def goldstein_colour(value: float | None) -> str:
    if value is None or value == 0:
        return NEUTRAL
    return COOP if value > 0 else CONFLICT


def actor_href(code: str, name: str | None = None) -> str:
    href = "/actors/" + quote(code, safe="")
    return href + ("?name=" + quote(name, safe="") if name else "")


# -- timeline ------------------------------------------------------------------------


def timeline_svg(points: list[TimelinePoint], width: int = 640, height: int = 180) -> Markup:
    """Stacked bars per period: cooperative (green), conflictual (red), neutral (grey)."""
    if not points:
        return Markup('<p class="empty">No dated events.</p>')
    pad_l, pad_b, pad_t = 32, 28, 10
    plot_w, plot_h = width - pad_l - 8, height - pad_b - pad_t
    top = max(p.n_events for p in points)
    bar_w = plot_w / len(points)
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Events over time">',
        f'<line x1="{pad_l}" y1="{pad_t + plot_h}" x2="{width - 8}" '
        f'y2="{pad_t + plot_h}" class="axis"/>',
        f'<text x="{pad_l - 4}" y="{pad_t + 8}" text-anchor="end" class="tick">{top}</text>',
        f'<text x="{pad_l - 4}" y="{pad_t + plot_h}" text-anchor="end" class="tick">0</text>',
    ]
    for i, p in enumerate(points):
        x = pad_l + i * bar_w + bar_w * 0.1
        w = min(max(bar_w * 0.8, 1.0), 48.0)
        neutral = p.n_events - p.n_cooperative - p.n_conflictual
        y = float(pad_t + plot_h)
        mean = "n/a" if p.mean_goldstein is None else f"{p.mean_goldstein:+.1f}"
        tip = (
            f"{p.period}: {p.n_events} events ({p.n_cooperative} cooperative, "
            f"{p.n_conflictual} conflictual), mean Goldstein {mean}"
        )
        parts.append(
            f'<g class="bar" data-period="{escape(p.period)}"><title>{escape(tip)}</title>'
        )
        for count, colour in (
            (p.n_conflictual, CONFLICT),
            (neutral, NEUTRAL),
            (p.n_cooperative, COOP),
        ):
            if count <= 0:
                continue
            h = plot_h * count / top
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}"/>'
            )
        parts.append("</g>")
    for i in sorted({0, len(points) - 1}):
        x = pad_l + (i + 0.5) * bar_w
        anchor = "start" if i == 0 and len(points) > 1 else ("end" if i else "middle")
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}" class="tick">'
            f"{escape(points[i].period)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# -- network -------------------------------------------------------------------------


def force_layout(
    n: int, edges: list[tuple[int, int, float]], iterations: int | None = None
) -> np.ndarray:
    """Fruchterman–Reingold in the unit square, deterministic (seeded), O(n^2) per step for
    the few dozen nodes a page shows. A handful of nodes settles in fewer steps, and the
    steps are most of an actor page's first rendering."""
    if n == 0:
        return np.zeros((0, 2))
    if iterations is None:
        iterations = 50 if n <= 8 else 120
    rng = np.random.default_rng(7)
    angles = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.c_[np.cos(angles), np.sin(angles)] * 0.4 + 0.5 + rng.normal(0, 0.01, (n, 2))
    k = math.sqrt(1.0 / n)
    temp = 0.1
    # the edges as arrays: the attraction is computed for all of them at once (a Python loop
    # over the edges cost ~30 ms per page)
    src = np.array([a for a, _, _ in edges], dtype=np.intp)
    dst = np.array([b for _, b, _ in edges], dtype=np.intp)
    strength = np.minimum(1.0 + np.log1p(np.array([w for *_, w in edges])) * 0.2, 2.0)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist_sq = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-6)
        disp = np.einsum("ij,ijk->ik", k * k / dist_sq, delta)
        if len(edges):
            d = pos[src] - pos[dst]
            dist_ab = np.maximum(np.sqrt(np.einsum("ij,ij->i", d, d)), 1e-3)
            pull = d * (dist_ab / k * strength)[:, None]
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        pos += (0.5 - pos) * 0.01  # gentle gravity keeps components on screen
        temp *= 0.97
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.where(hi - lo < 1e-9, 1.0, hi - lo)
    result: np.ndarray = (pos - lo) / span
    return result


def network_svg(
    net: Network, focus: str | None = None, width: int = 760, height: int = 520
) -> Markup:
    if not net.nodes:
        return Markup('<p class="empty">No events between coded actors yet.</p>')
    index = {node.code: i for i, node in enumerate(net.nodes)}
    pairs = [(index[e.source], index[e.target], float(e.n_events)) for e in net.edges]
    pos = force_layout(len(net.nodes), pairs)
    margin = 60
    xy = [
        (margin + p[0] * (width - 2 * margin), margin + p[1] * (height - 2 * margin)) for p in pos
    ]
    top = max(e.n_events for e in net.edges)
    parts = [
        f'<svg class="chart network" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Actor network">'
    ]
    for e in net.edges:
        (x1, y1), (x2, y2) = xy[index[e.source]], xy[index[e.target]]
        stroke = 1 + 5 * math.log1p(e.n_events) / math.log1p(top)
        mean = "n/a" if e.mean_goldstein is None else f"{e.mean_goldstein:+.1f}"
        tip = f"{e.source} – {e.target}: {e.n_events} events, mean Goldstein {mean}"
        parts.append(
            f'<line class="edge" data-a="{escape(e.source)}" data-b="{escape(e.target)}" '
            f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{goldstein_colour(e.mean_goldstein)}" stroke-width="{stroke:.1f}">'
            f"<title>{escape(tip)}</title></line>"
        )
    top_node = max(n.n_events for n in net.nodes)
    for node, (x, y) in zip(net.nodes, xy, strict=True):
        r = 5 + 9 * math.sqrt(node.n_events / top_node)
        cls = "node focus" if node.code == focus else "node"
        parts.append(
            f'<a href="{escape(actor_href(node.code))}" class="{cls}" '
            f'data-code="{escape(node.code)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            f'<text x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle">'
            f"{escape(node.label)}</text>"
            f"<title>{escape(node.label)} ({escape(node.code)}): {node.n_events} events</title></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# -- map -----------------------------------------------------------------------------

MAP_W, MAP_H = 1000, 500


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180.0) / 360.0 * MAP_W, (90.0 - lat) / 180.0 * MAP_H


def _ring_path(ring: list[list[float]]) -> str:
    points: list[tuple[float, float]] = []
    for lon, lat, *_ in ring:
        p = (round(_project(lon, lat)[0], 1), round(_project(lon, lat)[1], 1))
        if not points or p != points[-1]:
            points.append(p)
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"


@lru_cache(maxsize=1)
def world_paths() -> tuple[tuple[str, str], ...]:
    """(country name, SVG path) for every country outline countryinfo ships."""
    data = resources.files("countryinfo").joinpath("data")
    out: list[tuple[str, str]] = []
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geom = feature.get("geometry") or {}
            polys = geom.get("coordinates", [])
            if geom.get("type") == "Polygon":
                polys = [polys]
            elif geom.get("type") != "MultiPolygon":
                continue
            path = "".join(_ring_path(ring) for poly in polys for ring in poly)
            if path:
                out.append((str(info.get("name", entry.name[:-5])), path))
    return tuple(out)


def world_map_svg(places: list[PlaceSummary]) -> Markup:
    parts = [
        f'<svg class="chart map" viewBox="0 0 {MAP_W} {MAP_H}" role="img" aria-label="Places map">',
        f'<rect width="{MAP_W}" height="{MAP_H}" class="sea"/>',
    ]
    for lon in range(-180, 181, 30):
        x = _project(lon, 0)[0]
        parts.append(f'<line class="grid" x1="{x:g}" y1="0" x2="{x:g}" y2="{MAP_H}"/>')
    for lat in range(-60, 61, 30):
        y = _project(0, lat)[1]
        parts.append(f'<line class="grid" x1="0" y1="{y:g}" x2="{MAP_W}" y2="{y:g}"/>')
    parts.append('<g class="land">')
    for name, path in world_paths():
        parts.append(f'<path d="{path}"><title>{escape(name)}</title></path>')
    parts.append("</g>")
    top = max((p.n_mentions for p in places), default=1)
    for p in sorted(places, key=lambda p: -p.n_mentions):
        x, y = _project(p.lon, p.lat)
        r = 3 + 7 * math.sqrt(p.n_mentions / top)
        tip = f"{p.name} ({p.country or '?'}): {p.n_mentions} mentions in {p.n_articles} articles"
        parts.append(
            f'<a href="/?q={escape(quote(p.name))}" class="place" data-name="{escape(p.name)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/><title>{escape(tip)}</title></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
