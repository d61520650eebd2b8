"""One Graphviz SVG per printed page and poster sheet, drawn from the canvas's pinned positions."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from xml.etree import ElementTree

import pytest

from tdorg.export import ExportCancelledError, ExportOptions, ExportTimeoutError, GraphvizFailedError, style
from tdorg.export.graphviz import renderer
from tdorg.export.pdf.chartpages import plan_for, planning_area
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.export.graphviz.dot import box_size
from tdorg.export.graphviz.dotted_routes import crosses
from tdorg.export.labels import TITLE, wrap
from tdorg.export.graphviz.page_drawings import Drawing, page_drawings
from tdorg.export.graphviz.poster_drawings import poster_drawings, sheet_sources
from tdorg.export.graphviz.svg_text import take_text, without_text
from tdorg.export.graphviz.passing_lines import passing_groups, straight_line, stretch
from tdorg.model.layout import Layout
from tdorg.model.synthetic import synthetic_chart
from tests.test_export_support import needs_graphviz

pytestmark = needs_graphviz
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def chart():
    return synthetic_chart(300, seed=11)


@pytest.fixture(scope="module")
def plan(chart):
    options = ExportOptions()
    return plan_for(chart, options, chart_area(options))


@pytest.fixture(scope="module")
def pages(chart, plan):
    return page_drawings(chart, plan, planning_area(chart_area(ExportOptions())))


@pytest.fixture(scope="module")
def poster(chart):
    options = ExportOptions(fit="poster")
    return poster_drawings(chart, options, chart_area(options, headed=False))


@pytest.fixture(scope="module")
def poster_with_text(chart):
    """The poster as Graphviz draws it with every label's text, none placed beside its drawings."""
    from tdorg.export.graphviz import poster_drawings as posters

    options = ExportOptions(fit="poster")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(posters, "can_place", lambda: False)
        return poster_drawings(chart, options, chart_area(options, headed=False))


def _root(drawing: Drawing) -> ElementTree.Element:
    return ElementTree.fromstring(drawing.svg)


def _titles(drawing: Drawing) -> Counter:
    """The lines of role titles the drawing prints (bold, at the title size): in its SVG, or placed beside it."""
    size = f"{style.TITLE_SIZE:.2f}"
    return Counter([t.text for t in _root(drawing).iter(f"{SVG}text")
                    if t.get("font-weight") == "bold" and t.get("font-size") == size]
                   + [line.text for line in drawing.placed if line.look[:2] == (style.TITLE_SIZE, True)])


def _expected_titles(chart, roles) -> Counter:
    return Counter(line for rid in roles for line in wrap(chart.roles[rid].title, TITLE))


def _boxes(drawing: Drawing) -> dict[str, tuple[float, float, float, float]]:
    """Each node group's box outline in drawing points (x, y of the top left, width, height), by group id."""
    root = _root(drawing)
    vx, vy, k, tx, ty = _frame(root)
    out = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        outline = group.find(f"{SVG}path")
        numbers = [float(v) for v in re.findall(r"-?[0-9.]+", outline.get("d"))]
        xs, ys = numbers[0::2], numbers[1::2]
        x0, y0 = (min(xs) + tx - vx) * k, (min(ys) + ty - vy) * k
        out[group.get("id")] = (x0, y0, (max(xs) - min(xs)) * k, (max(ys) - min(ys)) * k)
    return out


def _check_positions(drawing: Drawing, layout: Layout, roles) -> None:
    boxes = list(_boxes(drawing).values())
    assert len(boxes) == len(roles)
    for rid in roles:
        want = drawing.box(layout, rid)
        assert any(all(abs(a - b) <= 0.6 * drawing.scale + 0.02 for a, b in zip(want, got)) for got in boxes), rid


def test_each_page_holds_exactly_its_role_titles(chart, plan, pages) -> None:
    assert len(plan.pages) > 1 and len(pages) == len(plan.pages)
    for page, drawing in zip(plan.pages, pages):
        assert drawing.roles == page.tree.order
        assert _titles(drawing) == _expected_titles(chart, page.tree.order)


def test_pages_show_the_canvas_layout_under_the_page_transform(plan, pages) -> None:
    for page, drawing in zip(plan.pages, pages):
        _check_positions(drawing, page.layout, page.tree.order)


def test_a_page_is_scaled_to_fill_its_area(plan, pages) -> None:
    width, height = planning_area(chart_area(ExportOptions()))
    for drawing in pages:
        assert drawing.width <= width + 0.01 and drawing.height <= height + 0.01
        assert drawing.width > width - 0.5 or drawing.height > height - 0.5 or drawing.scale == pytest.approx(14 / 11)
        root = _root(drawing)
        assert root.get("width") == f"{drawing.width:.2f}pt" and root.get("height") == f"{drawing.height:.2f}pt"


def test_text_uses_the_family_of_exported_charts(pages, poster) -> None:
    # The labels of pages and posters are placed beside their drawings, measured in that family (label_layout);
    # what Graphviz still sets itself is in it too (test_a_posters_labels_placed_beside_its_drawings...).
    for drawing in (pages[0], poster.overview, poster.sheets[0][1]):
        assert drawing.placed and not list(_root(drawing).iter(f"{SVG}text"))


def _odd_chart():
    """A small chart whose labels hold what Graphviz's text handling and label_layout could read apart: markup
    characters, accents, ligatures, words longer than a line, names on two lines, vacancies, part-time and
    contracted terms, badges of one, two and more than 99 findings, a soft hyphen, a backslash and CJK."""
    chart = synthetic_chart(40, seed=3)
    odd = ["R&D <Lab> \"Quoted\" 'Apostrophe'", "Staff Officer of Affluent Effi Offices", "Éléonore Ñúñez-Çağlar",
           "Supercalifragilisticexpialidocious­Coordinator", "Director of \\N Escapes", "情報技術 Director",
           "Data & Privacy Officer (Acting)", "Ligature ffi ffl fi fl"]
    names = ["Dr. Mary-Jane O'Neill-Fitzgerald Worthington III", "Zoë Ångström", "李小龍", "", "A" * 40]
    ids = list(chart.roles)
    for i, rid in enumerate(ids[1:]):
        changes = {"title": odd[i % len(odd)]} if i < len(odd) else {}
        if i % 3 == 0:  # each name once (a person holds at most one full-time role), numbered
            changes["person"] = names[(i // 3) % len(names)] + (f" {i}" if i >= 3 * len(names) else "")
        if i % 7 == 2:
            changes.update(fte=0.5, employment="contractor")
        if changes:
            chart.update_role(rid, **changes)
    return chart


def test_labels_placed_beside_the_drawing_are_as_graphviz_draws_them() -> None:
    """Each page drawn with the labels label_layout can place left to it gives the same SVG, and the same
    lines where they print, as Graphviz drawing every label's text itself (page_source, the full labels)."""
    from tdorg.export.graphviz import dot
    from tdorg.export.graphviz.page_drawings import PIECE_MARGIN, drawing_from, page_scale, page_source
    from tdorg.model.rules import validate
    from tdorg.model.rules.base import Finding, Report, Severity

    chart = _odd_chart()
    report = validate(chart)
    ids = list(chart.roles)
    many = [Finding("x", Severity.WARNING, "many", (ids[5],)) for _ in range(120)]
    report = Report([*report.findings, *many, Finding("y", Severity.ERROR, "two", (ids[6], ids[6]))])
    for orientation in ("landscape", "portrait"):
        options = ExportOptions(orientation=orientation, badges=True)
        area = planning_area(chart_area(options))
        plan = plan_for(chart, options, chart_area(options))
        placed = page_drawings(chart, plan, area, options, report=report)
        counts, box = dot.finding_counts(report), box_size(chart)
        full, _ = renderer.render_batch([page_source(chart, box, page, counts) for page in plan.pages], "nop2", "svg",
                                        timeout=120)
        assert any(d.placed for d in placed) and any(b"<text" in d.svg for d in placed)  # both ways on a page
        for page, svg, drawing in zip(plan.pages, full, placed):
            whole = drawing_from(svg, page.layout, page_scale(page.layout, area), page.tree.order, PIECE_MARGIN)
            _check_same_print(drawing, whole)


def _check_same_print(placed: Drawing, drawn: Drawing) -> None:
    """``placed`` (labels placed beside it) prints as ``drawn`` (Graphviz set every label's text): the same SVG
    without its text, the same lines, whole or within the drawing."""
    assert without_text(placed.svg) == without_text(drawn.svg)
    for height in (None, placed.height):
        rest, lines = take_text(placed.svg, placed.width, height, placed.placed)
        want_rest, want = take_text(drawn.svg, drawn.width, height)
        assert rest == want_rest
        assert _written(lines) == _written(want)


def _written(taken: dict) -> list[tuple]:
    """The lines ``take_text`` took, each with its style, in an order of their own."""
    return sorted((x, y, tuple(taken["styles"][k]), t) for x, y, k, t in taken["lines"])


def test_a_posters_labels_placed_beside_its_drawings_are_as_graphviz_draws_them(monkeypatch) -> None:
    """The poster's overview and every sheet, drawn with the labels label_layout can place left to it, give
    the same SVG and the same lines where they print as Graphviz drawing every label's text itself."""
    from tdorg.export.graphviz import poster_drawings as posters
    from tdorg.model.rules import validate

    chart = _odd_chart()
    options = ExportOptions(fit="poster", badges=True)
    area = chart_area(options, headed=False)
    report = validate(chart)
    placed = poster_drawings(chart, options, area, report=report)
    monkeypatch.setattr(posters, "can_place", lambda: False)
    whole = poster_drawings(chart, options, area, report=report)
    assert placed.overview.placed and not whole.overview.placed
    assert len(placed.sheets) == len(whole.sheets) > 1
    drawings = [(placed.overview, whole.overview)] + [(a, b) for (_, a), (_, b) in zip(placed.sheets, whole.sheets)]
    assert any(b"<text" in a.svg for a, _ in drawings)  # the labels it cannot place keep their text
    assert {t.get("font-family") for a, _ in drawings for t in _root(a).iter(f"{SVG}text")} == {style.FONT}
    for a, b in drawings:
        assert a.roles == b.roles
        _check_same_print(a, b)


def test_where_graphviz_pango_cannot_be_opened_graphviz_lays_out_every_label(monkeypatch) -> None:
    """A build whose Graphviz libraries are laid out otherwise (Windows, macOS, a frozen app): the pages are
    drawn with every label's text given to Graphviz, and print the same lines where they did."""
    from tdorg.export.graphviz import pango_widths

    chart = synthetic_chart(60, seed=4)
    options = ExportOptions()
    area = planning_area(chart_area(options))
    plan = plan_for(chart, options, chart_area(options))
    placed = page_drawings(chart, plan, area, options)
    monkeypatch.setattr(pango_widths, "_pango", None)
    monkeypatch.setattr(pango_widths, "_styles", {})

    def not_here(self, family: str) -> None:
        raise OSError("no libpango-1 in pygraphviz.libs")

    monkeypatch.setattr(pango_widths._Pango, "__init__", not_here)
    assert not pango_widths.available(style.FONT)
    drawn = page_drawings(chart, plan, area, options)
    assert not any(d.placed for d in drawn) and all(b"<text" in d.svg for d in drawn)
    for with_pango, without in zip(placed, drawn):
        assert without_text(with_pango.svg) == without_text(without.svg)
        assert _written(take_text(with_pango.svg, with_pango.width, None, with_pango.placed)[1]) == _written(
            take_text(without.svg, without.width)[1])


def _taken(svg: bytes, width: float, height: float | None = None) -> tuple[bytes, list[dict]]:
    """:func:`take_text`'s SVG and its lines, each with its style written out: text, x, y, size, bold, italic, colour."""
    rest, taken = take_text(svg, width, height)
    styles = taken["styles"]
    assert len({tuple(style) for style in styles}) == len(styles)  # each style once
    return rest, [dict(zip("tsbic", (t, *styles[k])), x=x, y=y) for x, y, k, t in taken["lines"]]


def test_take_text_gives_the_svg_labels_where_they_print(poster_with_text) -> None:
    poster = poster_with_text
    for drawing, printed in ((poster.sheets[0][1], poster.sheets[0][1].width),
                             (poster.overview, poster.overview.width / 4)):
        root = _root(drawing)
        vx, vy, k, tx, ty = _frame(root)
        k *= printed / drawing.width
        texts = list(root.iter(f"{SVG}text"))
        rest, lines = _taken(drawing.svg, printed)
        assert texts and len(lines) == len(texts)
        for line, t in zip(lines, texts):
            assert line["t"] == t.text and t.get("text-anchor") == "start" and line["c"] == t.get("fill")
            assert line["x"] == pytest.approx((float(t.get("x")) + tx - vx) * k, abs=0.01)
            assert line["y"] == pytest.approx((float(t.get("y")) + ty - vy) * k, abs=0.01)
            assert line["s"] == pytest.approx(float(t.get("font-size")) * k, abs=0.001)
            assert line["b"] == (t.get("font-weight") == "bold") and line["i"] == (t.get("font-style") == "italic")
        assert rest == without_text(drawing.svg) and not list(ElementTree.fromstring(rest).iter(f"{SVG}text"))


def test_take_text_reads_escaped_text_and_leaves_other_frames_and_lines_alone() -> None:
    head = (b'<svg width="100.00pt" height="50.00pt"\n viewBox="0.00 0.00 200.00 100.00">\n'
            b'<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 96)">\n')
    line = (b'<text xml:space="preserve" text-anchor="start" x="10" y="-20" font-family="DejaVu Sans" '
            b'font-weight="bold" font-size="8.00">R&amp;D &lt;Lab&gt; &#233;t&#233;</text>\n')
    assert take_text(head + line, 100.0) == (head, {"styles": [[4.0, True, False, "#000000"]],
                                                    "lines": [[7.0, 38.0, 0, "R&D <Lab> \u00e9t\u00e9"]]})
    rotated = head.replace(b"rotate(0)", b"rotate(-90)") + line
    assert take_text(rotated, 100.0) == (rotated, {"styles": [], "lines": []})
    centred, underlined = line.replace(b'"start"', b'"middle"'), line.replace(b"<text ", b'<text text-decoration="underline" ')
    svg, lines = _taken(head + centred + line + underlined, 100.0)
    assert svg == head + centred + underlined and len(lines) == 1


def test_take_text_leaves_out_the_lines_that_print_wholly_outside_the_drawing() -> None:
    head = (b'<svg width="100.00pt" height="50.00pt"\n viewBox="0.00 0.00 200.00 100.00">\n'
            b'<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 96)">\n')

    def line(x: float, y: float) -> bytes:  # printed at x / 2 + 2, y / 2 + 48, 4 pt
        return (b'<text xml:space="preserve" text-anchor="start" x="%g" y="%g" font-family="DejaVu Sans" '
                b'font-size="8.00">Wide</text>\n' % (x, y))

    # In, over the bottom edge, under it, over the right edge, right of it, over the left edge, left of it,
    # over the top edge, above it.
    kept = [(10, -20), (10, 10), (196, -20), (-30, -20), (10, -94)]
    gone = [(10, 16), (200, -20), (-50, -20), (10, -102)]
    svg = head + b"".join(line(x, y) for x, y in kept + gone)
    rest, lines = _taken(svg, 100.0, 50.0)
    assert rest == head and [(l["x"], l["y"]) for l in lines] == [(x / 2 + 2, y / 2 + 48) for x, y in kept]
    assert len(_taken(svg, 100.0)[1]) == len(kept + gone)


def test_each_sheets_own_dot_draws_its_roles_at_the_sheets_size(chart, poster) -> None:
    options = ExportOptions(fit="poster")
    sources = sheet_sources(chart, options, chart_area(options, headed=False))
    assert len(sources) == len(poster.sheets)
    picked = range(0, len(sources), 9)
    drawn, _ = renderer.render_batch([sources[i] for i in picked], "nop2", "svg", timeout=120)
    for i, svg in zip(picked, drawn):
        sheet, drawing = poster.sheets[i]
        assert len(re.findall(rb"\[label=<<TABLE", sources[i])) == len(drawing.roles)
        size = re.search(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', svg)
        assert (float(size.group(1)), float(size.group(2))) == pytest.approx((drawing.width, drawing.height), abs=1)
        # The sheet's roles are drawn, and no other: Graphviz leaves out what lies outside the viewport.
        shown = {t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}title")}
        assert {f"n{n}" for n in range(len(chart.roles))} & shown == {
            f"n{n}" for n, rid in enumerate(poster.overview.roles) if rid in drawing.roles}


def _region(poster, sheet):
    left, bottom, w, h = sheet.region
    return left, poster.overview.height - bottom - h, w, h


def _meets(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_a_poster_sheet_holds_only_the_roles_on_it(chart, poster) -> None:
    layout = poster.layout
    assert len(poster.sheets) > 4
    partly = 0
    for sheet, drawing in poster.sheets:
        region = _region(poster, sheet)
        on = {rid for rid in layout.positions if _meets(poster.overview.box(layout, rid), region)}
        assert set(drawing.roles) == on and on
        assert _titles(drawing) == _expected_titles(chart, drawing.roles)
        off = set(layout.positions) - on
        text = drawing.svg.decode()
        assert not any(f">{chart.roles[rid].person}<" in text for rid in off if chart.roles[rid].person)
        partly += sum(1 for rid in on if not _inside(poster.overview.box(layout, rid), region))
        _check_positions(drawing, layout, drawing.roles)
    assert partly  # boxes over a sheet's edge are on both sheets


def _inside(a, b) -> bool:
    return b[0] <= a[0] and a[0] + a[2] <= b[0] + b[2] and b[1] <= a[1] and a[1] + a[3] <= b[1] + b[3]


def _frame(root):
    """The viewBox origin, points per unit, and the graph's translation of a Graphviz SVG."""
    vx, vy, vw, _ = (float(v) for v in root.get("viewBox").split())
    k = float(root.get("width").removesuffix("pt")) / vw
    graph = root.find(f"{SVG}g")
    tx, ty = (float(v) for v in re.search(r"translate\(([-0-9.]+) ([-0-9.]+)\)", graph.get("transform")).groups())
    return vx, vy, k, tx, ty


def _segments(drawing: Drawing) -> list[list[tuple]]:
    """The straight segments of each reporting line the drawing draws, in drawing points."""
    root = _root(drawing)
    vx, vy, k, tx, ty = _frame(root)
    out = []
    for group in root.iter(f"{SVG}g"):
        path = group.find(f"{SVG}path")
        if group.get("class") != "edge" or path.get("stroke-dasharray"):
            continue
        numbers = [float(v) for v in re.findall(r"-?[0-9.]+", path.get("d"))]
        points = [((x + tx - vx) * k, (y + ty - vy) * k) for x, y in zip(numbers[0::2], numbers[1::2])][::3]
        out.append(list(zip(points, points[1:])))
    return out


def _covered(a, b, segments, tolerance) -> bool:
    """Whether the upright or level segment a–b lies on one of ``segments``."""
    for c, d in segments:
        for i in (0, 1):  # i: the coordinate the segments run along
            j = 1 - i
            if abs(a[j] - b[j]) <= tolerance and abs(c[j] - d[j]) <= tolerance and abs(a[j] - c[j]) <= tolerance:
                if min(c[i], d[i]) - tolerance <= min(a[i], b[i]) and max(a[i], b[i]) <= max(c[i], d[i]) + tolerance:
                    return True
    return False


def test_a_poster_sheet_draws_every_line_that_crosses_it_and_no_other(chart, poster) -> None:
    # A line whose way is drawn by another line of the same manager is left out where only that way
    # crosses the sheet; everything a line draws over the sheet is still drawn there.
    layout, overview = poster.layout, poster.overview
    reporting, dotted = [], []
    for rid in layout.positions:
        for kid in chart.children(rid):
            reporting.append([overview.place(p) for p in layout.route(rid, kid)])
        for target in chart.roles[rid].dotted_to:
            dotted.append([overview.place(layout.center(rid)), overview.place(layout.center(target))])
    assert dotted
    for sheet, drawing in poster.sheets[::7]:
        x, y, w, h = _region(poster, sheet)
        s = drawing.scale

        def meets(points, room=0.0):
            rect = (x - room, y - room, x + w + room, y + h + room)
            return [(a, b) for a, b in zip(points, points[1:]) if crosses(a, b, rect)]

        edges = [g.find(f"{SVG}path") for g in _root(drawing).iter(f"{SVG}g") if g.get("class") == "edge"]
        # A dotted line is drawn whole near its ends, and elsewhere as one of the stretches of a shared path.
        drawn = sum(e.get("d").count("M") for e in edges if e.get("stroke-dasharray"))
        assert sum(1 for d in dotted if meets(d)) <= drawn <= sum(1 for d in dotted if meets(d, 8.0))
        lines = _segments(drawing)
        crossing = [line for line in reporting if meets(line)]
        assert len(lines) <= len(crossing)
        sheet_box = (-0.05, -0.05, w * s + 0.05, h * s + 0.05)
        assert all(any(crosses(a, b, sheet_box) for a, b in line) for line in lines)  # none off the sheet
        segments = [segment for line in lines for segment in line]
        for line in crossing:
            for a, b in meets(line):
                a2, b2 = ((a[0] - x) * s, (a[1] - y) * s), ((b[0] - x) * s, (b[1] - y) * s)
                assert _covered(a2, b2, segments, 0.05 + 0.02 * s)


def test_the_overview_is_the_whole_chart(chart, poster) -> None:
    assert _titles(poster.overview) == _expected_titles(chart, chart.tree_order())
    _check_positions(poster.overview, poster.layout, poster.layout.positions)
    width, height = box_size(chart)
    assert poster.overview.width == pytest.approx(poster.layout.width + 2 * 21.6, abs=1)
    assert poster.layout.box_width == width and poster.layout.box_height == height


def test_a_batch_draws_the_same_bytes_as_single_renders(tmp_path) -> None:
    sources = [b'digraph { a [label="One"] }', b"digraph { a -> b -> c }", b'digraph { x [shape=box, label="Z"] }']
    drawn, _ = renderer.render_batch(sources, "dot", "svg", timeout=60)
    for source, drawing in zip(sources, drawn):
        with open(tmp_path / "one.svg", "w+b") as handle:
            renderer.render(source, "dot", "svg", handle, timeout=60)
            assert handle.read() == drawing


def test_a_batch_stops_at_a_source_graphviz_cannot_read_after_drawing_the_ones_before() -> None:
    # The child frees a drawing's graph only when another follows; a source that fails after one was drawn
    # and freed still ends the batch with Graphviz's message.
    with pytest.raises(GraphvizFailedError, match="syntax error"):
        renderer.render_batch([b"digraph { a -> b }", b"digraph { a -> }", b"digraph { c }"], "dot", "svg", timeout=60)


def test_page_drawings_start_few_children(chart, plan, monkeypatch) -> None:
    starts = []
    real = renderer.run_program

    def counted(*args, **kwargs):
        starts.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(renderer, "run_program", counted)
    page_drawings(chart, plan, (700.0, 500.0))
    assert len(starts) == 1 < len(plan.pages)


def test_progress_is_heard_after_each_batch(chart, plan) -> None:
    heard = []
    page_drawings(chart, plan, (700.0, 500.0), progress=lambda stage, done: heard.append(done))
    assert heard and heard == sorted(heard) and heard[-1] == 1.0


def test_cancel_stops_the_batch(chart, plan) -> None:
    started = threading.Event()

    def cancel() -> bool:
        started.set()
        return True

    with pytest.raises(ExportCancelledError):
        page_drawings(chart, plan, (700.0, 500.0), cancel=cancel)
    assert started.is_set()


def test_the_time_limit_stops_the_batch_and_says_what_would_help() -> None:
    big = synthetic_chart(3000, seed=3)
    options = ExportOptions(fit="poster", timeout=0.2)
    with pytest.raises(ExportTimeoutError) as caught:
        poster_drawings(big, options, chart_area(options, headed=False))
    message = str(caught.value)
    assert "after 0.2 seconds" in message and "Try the “as on canvas”" not in message
    assert "allow more time" in message


def test_a_passing_dotted_line_is_the_stretch_over_the_tile_with_its_dashes_in_step() -> None:
    group = (b'<g id="e9" class="edge">\n<title>a&#45;&gt;b</title>\n<path fill="none" stroke="#7c3aed" '
             b'stroke-width="1.4" stroke-dasharray="5,2" d="M0,0C100,50 900,450 1000,500"/>\n'
             b'<polygon fill="#7c3aed" points="1,2 3,4 5,6 1,2"/>\n</g>\n')
    line = straight_line(group)
    assert line is not None and line.period == 7.0 and line.start == (0.0, 0.0) and line.end == (1000.0, 500.0)
    (ax, ay), (bx, by) = stretch(line, (400.0, 100.0, 200.0, 300.0))
    start = math.hypot(ax, ay)
    assert start == pytest.approx(round(start / 7.0) * 7.0)  # a whole number of dash periods from the start
    assert 398.0 - 7.0 * 1.2 <= ax <= 398.0 and 602.0 == pytest.approx(bx)  # just past the tile on both sides
    assert ay == pytest.approx(ax / 2) and by == pytest.approx(bx / 2)  # on the line
    assert stretch(line, (0.0, 400.0, 100.0, 100.0)) is None  # a tile the line misses
    drawn = passing_groups([line, line], (400.0, 100.0, 200.0, 300.0))
    assert drawn.count(b"<path") == 1 and drawn.count(b"M") == 2 and b'stroke-dasharray="5,2"' in drawn
    assert b"polygon" not in drawn  # no arrowhead where the line only passes
    # Written from a corner of the tile that is not a round number, the stretch still lies where it was
    # worked out, to hundredths: its dashes stay in step with those of the neighbouring tiles.
    tile = (400.004, 100.006, 200.0, 300.0)
    move = re.search(rb'transform="translate\((-?[0-9.]+) (-?[0-9.]+)\)"', passing_groups([line], tile))
    d = re.search(rb' d="M(-?[0-9.]+),(-?[0-9.]+)L(-?[0-9.]+),(-?[0-9.]+)"', passing_groups([line], tile))
    assert move is not None and d is not None
    ox, oy = float(move.group(1)), float(move.group(2))
    points = (float(d.group(1)) + ox, float(d.group(2)) + oy), (float(d.group(3)) + ox, float(d.group(4)) + oy)
    for written, worked_out in zip(points, stretch(line, tile)):
        assert written == pytest.approx(worked_out, abs=0.0051)
    assert straight_line(b'<path fill="none" stroke="#000" stroke-width="1" d="M0,0L5,5"/>') is None
