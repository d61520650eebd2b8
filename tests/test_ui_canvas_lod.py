"""Zoomed out, boxes and lines are drawn with less detail; a box's cached picture follows every change of it."""

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionGraphicsItem

from tdorg.model.rules.base import Severity
from tdorg.ui.canvas.items.constants import ACCEPT, BOX_HEIGHT, BOX_WIDTH, COARSE, TINY
from tdorg.ui.widgets import style

from .test_ui_colour_scheme import dark_palette  # noqa: F401 - the fixture


class Recording(QPainter):
    """A painter that counts the texts drawn with it."""

    texts = 0

    def drawText(self, *args) -> None:  # noqa: N802 - Qt's name
        self.texts += 1
        super().drawText(*args)


def _paint(item, scale: float, selected: bool = False) -> tuple[QImage, int]:
    """``item`` painted alone at ``scale`` on white; the picture and how many texts it drew."""
    rect = item.boundingRect()
    image = QImage(int(rect.width() * scale) + 4, int(rect.height() * scale) + 4, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = Recording(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(scale, scale)
    painter.translate(-rect.topLeft() + QPointF(2 / scale, 2 / scale))
    option = QStyleOptionGraphicsItem()
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    item.paint(painter, option, None)
    painter.end()
    return image, painter.texts


def _shown(window, role_id: str, scale: float) -> QImage:
    """The viewport at ``scale``, centred on box ``role_id``, as drawn now."""
    view = window.view
    view.set_scale(scale)
    item = window.scene.item(role_id)
    view.centerOn(item.pos() + QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2))
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def _box_area(window, role_id: str, margin: int = 0) -> QRect:
    item = window.scene.item(role_id)
    return window.view.mapFromScene(item.box_rect().translated(item.pos())).boundingRect().adjusted(
        -margin, -margin, margin, margin)


def _pixels(image: QImage, area: QRect) -> list[QColor]:
    area = area.intersected(image.rect())
    return [image.pixelColor(x, y) for y in range(area.top(), area.bottom() + 1)
            for x in range(area.left(), area.right() + 1)]


def _near(colour: QColor, wanted: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3]))


def _count(image: QImage, area: QRect, wanted: QColor, tolerance: int = 40) -> int:
    return sum(_near(colour, wanted, tolerance) for colour in _pixels(image, area))


def _inside(area: QRect, pixels: int = 1) -> QRect:
    return area.adjusted(pixels, pixels, -pixels, -pixels)


def test_a_box_too_small_to_read_draws_no_text_only_its_colour(window):
    item = window.scene.item("tsm")
    category = style.category_colour(item.role.category)
    for scale in (1.0, 0.75, 0.3):  # readable: every line of text, or the title alone, large
        assert _paint(item, scale)[1] > 0, scale
    for scale in (COARSE * 0.99, 0.1, TINY):
        image = _shown(window, "tsm", scale)
        assert window.view.overview.shown_at(scale)  # the view's picture, not the box, draws it
        inner = _inside(_box_area(window, "tsm"), 2)  # the toggle under the box reaches its edge
        assert _count(image, inner, category, 0) == inner.width() * inner.height(), scale  # plain, no text


def test_a_vacancy_zoomed_out_is_hollow_and_a_finding_a_dot(window):
    window.editor.update("tsm", {"vacant": True}, "vacancy")
    window.scene.flush()
    image = _shown(window, "tsm", 0.15)
    box = _box_area(window, "tsm")
    assert image.pixelColor(box.center()) == QColor(style.VACANT_FILL)
    assert image.pixelColor(box.left() + 1, box.center().y()) == style.category_colour(
        window.scene.item("tsm").role.category)
    finding = style.severity_colour(Severity.ERROR)
    assert _count(image, box, finding, 0) == 0
    window.scene.item("tsm").set_severity(Severity.ERROR, 2)  # as a new report gives it
    QApplication.processEvents()
    assert _count(window.view.viewport().grab().toImage(), box, finding, 0) > 0


def test_zooming_back_in_shows_the_titles_again(window):
    area = lambda: _box_area(window, "tsm")  # noqa: E731 - the box where it is drawn at each scale
    text = QColor(style.TEXT)
    category = style.category_colour(window.scene.item("tsm").role.category)
    reading = _shown(window, "tsm", 0.75)
    assert _count(reading, area(), text) > 30
    coarse = _shown(window, "tsm", 0.1)
    assert _count(coarse, area(), text) == 0
    assert _count(coarse, area(), category, 0) >= 0.8 * area().width() * area().height()
    again = _shown(window, "tsm", 0.75)
    assert _count(again, area(), text) > 30
    assert again.copy(area()) == reading.copy(area())


def test_a_selected_box_is_highlighted_at_every_zoom(window):
    selection, ring = QColor(style.SELECTION), QColor(style.BOX_FILL)
    for scale in (1.0, 0.3, 0.1, TINY * 0.5, TINY * 0.2):
        for role_id in ("hd", "tsm"):  # a help desk box; an IT manager's, blue like the selection
            window.select_roles([])
            plain = _shown(window, role_id, scale)
            window.select_roles([role_id])
            selected = _shown(window, role_id, scale)
            area = _box_area(window, role_id, 3)
            assert plain.copy(area) != selected.copy(area), (scale, role_id)
            if role_id == "hd":
                assert _count(selected, area, selection, 25) >= _count(plain, area, selection, 25) + 3, scale
            elif scale < 0.3:  # zoomed out, a ring in the box fill sets the frame off the box's own blue
                assert _count(selected, area, ring, 10) > _count(plain, area, ring, 10), scale


def test_a_changed_box_is_drawn_anew_not_from_its_cached_picture(window, dark_palette):  # noqa: F811
    scene = window.scene

    def box() -> QImage:
        scene.flush()
        return _shown(window, "tsm", 1.0).copy(_box_area(window, "tsm", 4))

    first = box()
    seen = [first]
    for change in (
        lambda: window.editor.update("tsm", {"title": "Director of Digital Services"}, "title"),
        lambda: window.editor.update("tsm", {"person": "Ada Lovelace", "vacant": False}, "person"),
        lambda: window.editor.update("tsm", {"vacant": True, "person": ""}, "vacancy"),
        lambda: scene.item("tsm").set_severity(Severity.ERROR, 4),  # a new badge, as a report gives it
        lambda: window.select_roles(["tsm"]),
        lambda: scene.drop_feedback("tsm", ACCEPT),
        lambda: dark_palette("dark"),
    ):
        change()
        now = box()
        assert all(now != before for before in seen[-1:]), change
        seen.append(now)
    dark_palette("light")
    scene.drop_feedback(None, None)
    window.select_roles([])
    for _ in range(3):
        window.stack.undo()
    assert box() == first  # undone, the box is drawn as it was


def test_zoomed_right_out_the_view_draws_the_chart_as_one_picture_that_follows_edits(window):
    scene, view = window.scene, window.view
    item = scene.item("tsm")
    assert not view.overview.shown_at(0.75)  # every box paints itself
    image = _shown(window, "tsm", TINY * 0.5)
    assert view.overview.shown_at(view.scale_factor())
    before = style.category_colour(item.role.category)
    assert _count(image, _box_area(window, "tsm"), before, 0) > 0
    other = next(c for c in ("security", "network", "help_desk") if c != item.role.category)
    window.editor.update("tsm", {"category": other}, "category")
    scene.flush()
    image = view.viewport().grab().toImage()
    assert _count(image, _box_area(window, "tsm"), style.category_colour(other), 0) > 0
    assert _count(image, _box_area(window, "tsm"), before, 0) == 0
    window.stack.undo()
    scene.flush()
    image = view.viewport().grab().toImage()
    assert _count(image, _box_area(window, "tsm"), before, 0) > 0


def test_reporting_lines_zoomed_out_are_plain_one_pixel_lines(window):
    scene = window.scene
    lines = scene._lines.lines["tsm"]
    line_colour = lines.pen().color()
    image = _shown(window, "tsm", 0.1)
    reports = [_box_area(window, role_id) for role_id in window.chart.children("tsm")]
    manager = _box_area(window, "tsm")
    top, bottom = manager.bottom() + 1, min(r.top() for r in reports) - 1  # the drop and the bus
    toggle = range(manager.center().x() - 4, manager.center().x() + 5)  # the collapse toggle hangs there
    between = [image.pixelColor(x, y) for y in range(top, bottom + 1)
               for x in range(min(r.left() for r in reports), max(r.right() for r in reports) + 1) if x not in toggle]
    assert bottom > top
    colours = {colour.name() for colour in between}
    assert colours == {scene.backgroundBrush().color().name(), line_colour.name()}  # no antialiased shades
    image, _ = _paint(lines, 1.0)
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 2  # at reading size, smooth


def test_a_managers_lines_draw_each_stretch_of_its_routes_once(window):
    from tdorg.ui.canvas.items.edge_items import reporting_lines

    scene, chart = window.scene, window.chart
    for manager in (r for r in chart.roles if chart.child_count(r) > 1):
        reports = chart.children(manager)
        path = reporting_lines(scene.layout, manager, reports)
        ends = [(path.elementAt(i), path.elementAt(i + 1)) for i in range(0, path.elementCount(), 2)]
        stretches = [((a.x, a.y), (b.x, b.y)) for a, b in ends]
        for n, (a, b) in enumerate(stretches):  # collinear stretches neither overlap nor touch
            for c, d in stretches[n + 1:]:
                if a[1] == b[1] == c[1] == d[1]:
                    assert max(a[0], b[0]) < min(c[0], d[0]) or max(c[0], d[0]) < min(a[0], b[0])
                if a[0] == b[0] == c[0] == d[0]:
                    assert max(a[1], b[1]) < min(c[1], d[1]) or max(c[1], d[1]) < min(a[1], b[1])
        for report in reports:  # and every stretch of every route lies on one of them
            points = scene.layout.route(manager, report)
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                assert any(min(a[0], b[0]) <= min(x1, x2) and max(x1, x2) <= max(a[0], b[0])
                           and min(a[1], b[1]) <= min(y1, y2) and max(y1, y2) <= max(a[1], b[1])
                           for a, b in stretches), (manager, report)


def test_a_box_in_the_zoomed_out_picture_still_has_its_tooltip(window):
    from PySide6.QtTest import QTest

    _shown(window, "hd", TINY * 0.5)
    window.editor.update("hd", {"title": "Help Desk Lead"}, "title")  # edited where no box paints itself
    window.scene.flush()
    _shown(window, "hd", TINY * 0.5)
    QTest.mouseMove(window.view.viewport(), _box_area(window, "hd").center())
    QApplication.processEvents()
    assert "Help Desk Lead" in window.scene.item("hd").toolTip()


def test_the_zoomed_out_picture_follows_compare_marks(window):
    added = QColor(style.MARK_COLOURS["added"][0])
    before = _shown(window, "hd", TINY * 0.5)
    assert _count(before, _box_area(window, "hd"), added, 0) == 0
    window.scene.set_marks({"hd": frozenset({"added"})})
    after = window.view.viewport().grab().toImage()
    assert _count(after, _box_area(window, "hd"), added, 0) > 0


def test_a_drop_target_in_the_zoomed_out_picture_turns_green_or_red(window):
    from tdorg.ui.canvas.items.constants import REFUSE

    for state, colour in ((ACCEPT, style.ACCEPT), (REFUSE, style.REFUSE)):
        before = _shown(window, "hd", TINY * 0.5)
        window.scene.drop_feedback("hd", state)
        QApplication.processEvents()
        during = window.view.viewport().grab().toImage()
        area = _box_area(window, "hd", 3)
        assert _count(during, area, QColor(colour), 0) > _count(before, area, QColor(colour), 0), state
        window.scene.drop_feedback(None, None)
        QApplication.processEvents()
        assert window.view.viewport().grab().toImage() == before


def test_a_drag_zoomed_out_shows_its_ghost_over_the_picture_and_fades_the_moved_box(window):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    viewport = window.view.viewport()
    before = _shown(window, "tsm", 0.1)
    box = _box_area(window, "tsm")
    category = style.category_colour(window.scene.item("tsm").role.category)
    assert before.pixelColor(box.center()) == category
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box.center())
    empty = box.center() + QPoint(0, 120)  # under the chart, on empty canvas
    for step in range(1, 6):
        QTest.mouseMove(viewport, box.center() + (empty - box.center()) * step / 5)
    QApplication.processEvents()
    during = viewport.grab().toImage()
    faded = during.pixelColor(box.center())
    assert faded != category and faded.lightness() > category.lightness()  # under a veil of the canvas
    ghost = QRect(empty.x() - 6, empty.y() - 2, 12, 4)  # the ghost box, its title across it: paler than the canvas
    assert _count(during, ghost, QColor("white"), 12) > 25
    assert _count(before, ghost, QColor("white"), 12) == 0
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    QApplication.processEvents()
    assert viewport.grab().toImage().pixelColor(box.center()) == category


def test_zoomed_out_every_box_in_view_is_drawn_wherever_the_view_is_and_after_an_edit(make_window):
    """The picture draws only the boxes filed near the view: none in view may be left out."""
    from tdorg.model import Document
    from tdorg.model.synthetic import synthetic_chart

    window = make_window()
    window.set_document(Document.of(synthetic_chart(1500, seed=5)), None)
    QApplication.processEvents()
    view, scene = window.view, window.scene

    def check(scale: float) -> int:
        image = view.viewport().grab().toImage()
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        checked = 0
        for item in scene.role_items().values():
            rect = item.box_rect().translated(item.pos())
            if not item.isVisible() or not seen.contains(rect) or item.role.vacant or item.isSelected():
                continue
            centre = view.mapFromScene(rect.center())
            assert image.pixelColor(centre) == item.plain_colour(), (scale, item.role_id)
            checked += 1
        return checked

    for scale in (0.15, 0.08, 0.03):
        view.set_scale(scale)
        for x in (0.1, 0.5, 0.9):
            view.centerOn(scene.sceneRect().left() + scene.sceneRect().width() * x, scene.sceneRect().center().y())
            QApplication.processEvents()
            assert check(scale) > 20
    chart = window.chart
    leaf = next(r for r in chart.roles if not chart.child_count(r) and chart.role(r).reports_to)
    manager = next(r for r in chart.roles if chart.child_count(r) > 3 and r != chart.role(leaf).reports_to)
    window.editor.move([leaf], manager, None)  # boxes move: the filed places are collected again
    scene.flush()
    view.set_scale(0.1)
    view.centerOn(scene.item(leaf).sceneBoundingRect().center())
    QApplication.processEvents()
    assert check(0.1) > 20


def test_zoomed_out_the_dark_scheme_colours_the_picture(window, dark_palette):  # noqa: F811
    light = _shown(window, "tsm", 0.1)
    dark_palette("dark")
    QApplication.processEvents()
    dark = window.view.viewport().grab().toImage()
    background = QColor(style.CANVAS_BACKGROUND)
    assert background.lightness() < 80
    corner = QRect(0, 0, 20, 20)
    assert _count(dark, corner, background, 0) == 400 and _count(light, corner, background, 0) == 0
    box = _box_area(window, "tsm")
    assert dark.pixelColor(box.center()) == style.category_colour(window.scene.item("tsm").role.category)
