"""Light and dark: the editor follows the palette and the chosen scheme, and its boxes stay readable in both."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tdorg.export.contrast import AA_TEXT, contrast, luminance
from tdorg.launcher import wants_editor
from tdorg.model.document import Document, Scenario
from tdorg.ui.app import main
from tdorg.ui.canvas.items.role_item import BOX_HEIGHT, BOX_WIDTH
from tdorg.ui.widgets import style
from tdorg.ui.widgets.colour_scheme import (
    DARK,
    LIGHT,
    chosen_scheme,
    follow_scheme,
    look,
    palette_is_dark,
    scheme_option,
    scheme_palette,
)

from .charts import compliant_chart
from .test_compare import proposed


@pytest.fixture
def dark_palette():
    """Switch the application to a dark palette, as a desktop's dark theme does; back to light afterwards."""
    app = QApplication.instance()
    before = QPalette(app.palette())

    def switch(scheme: str) -> None:
        app.setPalette(scheme_palette(scheme))
        QApplication.processEvents()

    yield switch
    app.setPalette(before)
    QApplication.processEvents()
    assert look() is LIGHT


def _hex(colour: QColor) -> str:
    return colour.name().upper()


def _title_contrast(image: QImage, area: QRect) -> tuple[float, str, str]:
    """(contrast, text, fill) in ``area`` of ``image``: the fill is its commonest colour, the text the one
    farthest from it."""
    colours = Counter(_hex(image.pixelColor(x, y)) for x in range(area.left(), area.right() + 1)
                      for y in range(area.top(), area.bottom() + 1))
    fill = colours.most_common(1)[0][0]
    text = max(colours, key=lambda c: contrast(c, fill))
    return contrast(text, fill), text, fill


def _box_area(window, role_id: str, left: float, top: float, width: float, height: float) -> QRect:
    """A rectangle of the role's box (in box units) in the window's own pixels."""
    item = window.scene.item(role_id)
    corner = window.view.mapFromScene(item.mapToScene(left, top))
    far = window.view.mapFromScene(item.mapToScene(left + width, top + height))
    offset = window.view.viewport().mapTo(window, QPoint(0, 0))
    return QRect(corner + offset, far + offset)


def _shoot(window, path: Path) -> QImage:
    QApplication.processEvents()
    image = window.grab().toImage()
    assert image.save(str(path))
    return image


def test_the_window_in_light_and_in_dark_is_readable(make_window, dark_palette, tmp_path: Path) -> None:
    window = make_window("patrick-henry")
    window.resize(1400, 900)
    chart = window.chart
    roles = list(chart.roles)[:3]
    window.editor.update(roles[2], {"vacant": True}, "vacancy")  # a vacancy's fill and words too
    window.view.set_scale(1.0)
    window.reveal_roles(roles[:1])
    window.scene.clearSelection()
    window.find_bar.open_bar()
    window.find_bar.field.setText("Director")
    visible = [r for r in roles if window.view.viewport().rect().contains(
        _box_area(window, r, 0, 0, BOX_WIDTH, BOX_HEIGHT).translated(
            -window.view.viewport().mapTo(window, QPoint(0, 0))))]
    assert visible, "no box in view"

    shots = {}
    for scheme in ("light", "dark"):
        dark_palette(scheme)
        assert look() is (DARK if scheme == "dark" else LIGHT)
        image = shots[scheme] = _shoot(window, tmp_path / f"{scheme}.png")
        background = _hex(window.scene.backgroundBrush().color())
        assert background == look().canvas_background
        assert (luminance(background) < 0.05) == (scheme == "dark")
        for role_id in visible:
            # the title's first line, beside the category strip
            ratio, text, fill = _title_contrast(image, _box_area(window, role_id, 16, 8, 120, 16))
            assert ratio >= AA_TEXT, (scheme, role_id, text, fill)
            assert (luminance(fill) < 0.1) == (scheme == "dark"), (scheme, fill)
            # the category's name at the foot of the box
            ratio, text, fill = _title_contrast(image, _box_area(window, role_id, 16, BOX_HEIGHT - 17, 70, 12))
            assert ratio >= AA_TEXT, (scheme, role_id, "category", text, fill)
        # the panels' words and the find bar follow the palette
        palette = window.properties.palette()
        text = _hex(palette.color(QPalette.ColorRole.WindowText))
        assert contrast(text, _hex(palette.color(QPalette.ColorRole.Window))) >= AA_TEXT
        bar = window.find_bar.geometry().translated(window.view.viewport().mapTo(window, QPoint(0, 0)))
        ratio, _, bar_fill = _title_contrast(image, bar.adjusted(4, 4, -4, -4))
        assert ratio >= AA_TEXT and (luminance(bar_fill) < 0.1) == (scheme == "dark")
        assert any(look().text_muted in label.text() for label in window.metrics.widget().findChildren(QLabel))
    assert shots["light"].pixelColor(5, 5) != shots["dark"].pixelColor(5, 5)


def test_a_switch_at_run_time_repaints_the_canvas_and_the_panels(make_window, dark_palette) -> None:
    window = make_window("patrick-henry")
    role_id = next(iter(window.chart.roles))
    window.select_roles([role_id])
    dark_palette("dark")
    assert _hex(window.scene.backgroundBrush().color()) == DARK.canvas_background
    assert style.TEXT == DARK.text and style.SEVERITY_COLOURS == DARK.severity_colours
    health = {_hex(label.palette().color(QPalette.ColorRole.WindowText)) for label in (window.status.errors,
                                                                                    window.status.warnings)}
    assert health <= {DARK.text_muted.upper(), *(c.upper() for c in DARK.severity_colours.values())}
    lines = window.scene._lines.lines.values()
    assert all(_hex(line.pen().color()) == DARK.manager_line for line in lines)
    assert QApplication.instance().styleSheet() == style.stylesheet()
    assert DARK.chrome in style.stylesheet()
    dark_palette("light")
    assert _hex(window.scene.backgroundBrush().color()) == LIGHT.canvas_background
    assert LIGHT.chrome in QApplication.instance().styleSheet()


def test_a_chosen_scheme_puts_its_palette_in_place(make_window, dark_palette) -> None:
    window = make_window()
    app = QApplication.instance()
    try:
        follow_scheme(app, "dark", style.stylesheet)
        assert look() is DARK and palette_is_dark(app.palette())
        assert _hex(window.scene.backgroundBrush().color()) == DARK.canvas_background
        app.setPalette(scheme_palette("light"))  # a desktop turning light does not override the choice
        QApplication.processEvents()
        assert look() is DARK and palette_is_dark(app.palette())
    finally:
        follow_scheme(app, None, style.stylesheet)
    dark_palette("light")  # the system's again, whose palette here is light
    assert look() is LIGHT


def test_the_scheme_is_chosen_by_option_or_environment() -> None:
    assert scheme_option(["--color-scheme", "dark", "chart.tdorg"]) == (["chart.tdorg"], "dark")
    assert scheme_option(["--color-scheme=light"]) == ([], "light")
    assert scheme_option(["chart.tdorg"]) == (["chart.tdorg"], None)
    assert chosen_scheme("Dark", {}) == "dark"
    assert chosen_scheme(None, {"TDORG_COLOR_SCHEME": "light"}) == "light"
    assert chosen_scheme("dark", {"TDORG_COLOR_SCHEME": "light"}) == "dark"  # the option wins
    assert chosen_scheme(None, {}) is None
    assert chosen_scheme("purple", {}) is None


def test_the_tdorg_program_passes_the_option_to_the_editor() -> None:
    assert wants_editor(["--color-scheme", "dark"]) and wants_editor(["--color-scheme=light", "chart.tdorg"])
    assert not wants_editor(["--color-scheme", "dark", "validate", "chart.tdorg"])


def test_an_unknown_scheme_is_refused_with_the_usage(capsys) -> None:
    assert main(["--color-scheme", "purple"]) == 2
    assert "--color-scheme light|dark" in capsys.readouterr().err


def test_an_open_compare_window_follows_a_switch(make_window, dark_palette) -> None:
    window = make_window()
    current = compliant_chart()
    window.set_document(Document([Scenario("Current", current), Scenario("Proposed 2027", proposed(current))],
                                 active=1), None)
    window.scenario_bar.compare_action.trigger()
    dialog = window.comparer.dialog

    def texts() -> str:
        return " ".join([dialog.left.heading.text(), dialog.right.heading.text(), dialog.summary.text(),
                         *(label.text() for label in dialog.legend.labels)])

    def added_heading() -> str:
        return _hex(dialog.changes.groups["added"].foreground(0).color())

    assert LIGHT.text_muted in texts() and added_heading() == LIGHT.mark_colours["added"][0]
    dark_palette("dark")
    assert DARK.text_muted in texts() and LIGHT.text_muted not in texts()
    assert DARK.mark_colours["added"][1] in texts() and LIGHT.mark_colours["added"][1] not in texts()
    assert DARK.accept in dialog.summary.text()
    assert added_heading() == DARK.mark_colours["added"][0]
    assert dialog.changes.lines("added") == ["Security Analyst [sec] — Vi Tran"]  # the list itself is kept
    dialog.close()
