"""Where a PowerPoint connector is drawn: its preset path through its transform, as ECMA-376 defines them."""

from __future__ import annotations

import math

from pptx.oxml.ns import qn

#: Each preset's path in its own box (w × h), from the adjust values (shares of 100,000).
_PRESETS = {
    "line": lambda w, h, a1, a2: [(0, 0), (w, h)],
    "straightConnector1": lambda w, h, a1, a2: [(0, 0), (w, h)],
    "bentConnector2": lambda w, h, a1, a2: [(0, 0), (w, 0), (w, h)],
    "bentConnector3": lambda w, h, a1, a2: [(0, 0), (w * a1, 0), (w * a1, h), (w, h)],
    "bentConnector4": lambda w, h, a1, a2: [(0, 0), (w * a1, 0), (w * a1, h * a2), (w, h * a2), (w, h)],
}


def connector_path(connector) -> list[tuple[int, int]]:
    """The corners of ``connector`` on the slide, in EMU, from its begin to its end."""
    sp_pr = connector._element.spPr
    xfrm = sp_pr.find(qn("a:xfrm"))
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    x, y = int(off.get("x")), int(off.get("y"))
    w, h = int(ext.get("cx")), int(ext.get("cy"))
    turn = math.radians(int(xfrm.get("rot", "0")) / 60000)
    flip_h, flip_v = xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true")
    geometry = sp_pr.find(qn("a:prstGeom"))
    adjust = {gd.get("name"): int(gd.get("fmla").split()[1]) for gd in geometry.iter(qn("a:gd"))}
    local = _PRESETS[geometry.get("prst")](w, h, adjust.get("adj1", 50000) / 1e5, adjust.get("adj2", 50000) / 1e5)
    out = []
    for u, v in local:  # flipped about the box's centre first, then turned about it
        u, v = (w - u if flip_h else u) - w / 2, (h - v if flip_v else v) - h / 2
        out.append((round(x + w / 2 + u * math.cos(turn) - v * math.sin(turn)),
                    round(y + h / 2 + u * math.sin(turn) + v * math.cos(turn))))
    return out


def glued(connector) -> tuple[tuple[int, int], tuple[int, int]]:
    """(shape id, site) of the shapes the connector's begin and end are glued to."""
    props = connector._element.find(qn("p:nvCxnSpPr")).find(qn("p:cNvCxnSpPr"))
    begin, end = props.find(qn("a:stCxn")), props.find(qn("a:endCxn"))
    return (int(begin.get("id")), int(begin.get("idx"))), (int(end.get("id")), int(end.get("idx")))
