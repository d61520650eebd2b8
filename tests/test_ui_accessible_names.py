"""Everything a keyboard or a screen reader reaches in the main window has a name; the canvas says what is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QToolButton, QWidget

from tdorg.ui.canvas.canvas_description import CANVAS_NAME, OUTLINE_HINT


def _spoken(widget: QWidget) -> str:
    """What assistive technology reads for ``widget``: its accessible name, else its visible words."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        return widget.defaultAction().text().replace("&", "")
    if isinstance(widget, (QAbstractButton, QLabel)):
        return widget.text().replace("&", "")
    return ""


def _inside_composite(widget: QWidget) -> bool:
    """The line edit of a spin box, the list of a combo box: read through the named widget they belong to."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def test_every_focusable_widget_and_button_has_a_name(make_window) -> None:
    window = make_window("patrick-henry")
    window.select_roles([next(iter(window.chart.roles))])  # the properties' fields are built and shown
    window.find_bar.open_bar()
    checked, nameless = 0, []
    for widget in window.findChildren(QWidget):
        reachable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (reachable or isinstance(widget, QAbstractButton)) or _inside_composite(widget):
            continue
        checked += 1
        if not _spoken(widget).strip():
            nameless.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                            f"{type(widget.parentWidget()).__name__} {widget.parentWidget().objectName()!r}")
    assert checked > 40
    assert nameless == [], "\n".join(nameless)


def test_named_panels_fields_and_switcher(make_window) -> None:
    window = make_window("patrick-henry")
    assert {dock.accessibleName() for dock in window.docks()} >= {
        "Role types panel", "Properties panel", "Findings panel", "Metrics panel"}
    assert window.palette.accessibleName() == "Role types"
    assert window.findings.tree.accessibleName() == "Findings"
    assert window.scenario_bar.combo.accessibleName() == "Scenario"
    assert window.find_bar.field.accessibleName() == "Find a role"
    assert window.find_bar.next_button.accessibleName() == "Next match"
    # each properties field is its label's buddy, and named by it
    properties = window.properties
    assert properties.title.accessibleName() == "Title" and properties.fte.accessibleName() == "FTE"
    buddies = {label.buddy() for label in properties.findChildren(QLabel) if label.buddy() is not None}
    assert {properties.title, properties.person, properties.category, properties.fte, properties.cost} <= buddies
    assert properties.notes.accessibleName() == "Notes"
    assert properties.leads.input.accessibleName() == "Add to Leads"


def test_the_canvas_says_what_is_selected(make_window) -> None:
    window = make_window("patrick-henry")
    view, chart = window.view, window.chart
    assert view.accessibleName() == CANVAS_NAME
    assert view.accessibleDescription().startswith("No role selected; 7 roles.")
    assert OUTLINE_HINT in view.accessibleDescription()
    managed = next(r for r in chart.roles if chart.role(r).reports_to and window.scene.item(r).finding_count > 1)
    role = chart.role(managed)
    window.select_roles([managed])
    item = window.scene.item(managed)
    description = view.accessibleDescription()
    assert description.startswith(f"Selected: {role.title}, ")
    assert f"reports to {chart.role(role.reports_to).title}" in description
    assert f"{item.finding_count} findings, the most serious a {item.severity.label}" in description
    window.editor.update(managed, {"vacant": True}, "vacancy")  # the description follows the edit
    assert view.accessibleDescription().startswith(f"Selected: {role.title}, vacant, ")
    window.select_roles(list(chart.roles)[:3])
    assert view.accessibleDescription().startswith("Selected: 3 roles, ")
    window.scene.clearSelection()
    assert view.accessibleDescription().startswith("No role selected")
